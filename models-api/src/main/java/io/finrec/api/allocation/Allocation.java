package io.finrec.api.allocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A portfolio allocation with the figures and the record a bank needs to show and defend it. Immutable and
 * thread-safe.
 *
 * @param weights           weight per asset, in the order of the price table (sums to 1)
 * @param expectedReturn    annualised expected return of the portfolio under the strategy's return estimate
 * @param volatility        annualised volatility under the strategy's covariance estimate
 * @param sharpe            Sharpe ratio at the request's risk-free rate
 * @param riskContributions share of portfolio variance contributed by each asset, w_i (Σw)_i / w'Σw (sums to 1)
 * @param warnings          what the user should know (estimation issues, repaired matrices, binding limits)
 * @param audit             reproducibility record: input hash, settings, solver status and KKT residuals
 */
public record Allocation(Map<String, Double> weights, double expectedReturn, double volatility, double sharpe,
                         Map<String, Double> riskContributions, List<String> warnings, AllocationAudit audit) {
    public Allocation {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(riskContributions, "riskContributions");
        Objects.requireNonNull(audit, "audit");
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        riskContributions = Collections.unmodifiableMap(new LinkedHashMap<>(riskContributions));
        warnings = List.copyOf(warnings);
    }

    /** Weight of {@code asset}; throws for an asset not in the allocation. */
    public double weight(String asset) {
        Double w = weights.get(asset);
        if (w == null) throw new IllegalArgumentException("asset: '" + asset + "' is not in this allocation");
        return w;
    }
}
