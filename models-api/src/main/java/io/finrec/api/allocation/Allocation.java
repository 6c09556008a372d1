package io.finrec.api.allocation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A portfolio allocation with the figures and the record a bank needs to show and defend it. Immutable and
 * thread-safe.
 *
 * @param weights           weight per asset (or asset class), in the order of the request
 * @param expectedReturn    annualised expected return of the portfolio
 * @param volatility        annualised volatility
 * @param sharpe            Sharpe ratio at the request's risk-free rate
 * @param riskContributions fraction of portfolio variance contributed by each asset (sums to 1)
 * @param warnings          what the user should know (estimation issues, repaired matrices, binding limits)
 * @param audit             reproducibility record: input hash, estimator settings, solver status and residuals
 */
public record Allocation(Map<String, Double> weights, double expectedReturn, double volatility, double sharpe,
                         Map<String, Double> riskContributions, List<String> warnings, Map<String, String> audit) {
    public Allocation {
        Objects.requireNonNull(weights, "weights");
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        riskContributions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(riskContributions));
        warnings = List.copyOf(warnings);
        audit = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(audit));
    }
}
