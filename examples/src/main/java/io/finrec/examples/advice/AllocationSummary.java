package io.finrec.examples.advice;

import io.finrec.api.allocation.Allocation;
import io.finrec.api.allocation.PriceTable;
import io.finrec.core.domain.Customer;
import io.finrec.strategy.bank.Advice;
import io.finrec.strategy.bank.AdvisoryAllocator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's allocation as the app stores and shows it: weights per asset class, the figures, the profile and
 * market regime it was bounded by, and the explanation. Immutable and thread-safe.
 *
 * @param customerId     the customer
 * @param profile        the risk profile used
 * @param regime         the market regime detected
 * @param weights        weight per asset class (sums to 1)
 * @param expectedReturn annualised expected return
 * @param volatility     annualised volatility
 * @param sharpe         Sharpe ratio
 * @param explanation    the explanation, one statement per line (headings end with ':')
 */
public record AllocationSummary(String customerId, String profile, String regime, Map<String, Double> weights,
                                double expectedReturn, double volatility, double sharpe, List<String> explanation) {
    /** The risk-free rate the app advises with. */
    public static final double RISK_FREE = 0.02;

    public AllocationSummary {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(regime, "regime");
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        explanation = List.copyOf(explanation);
    }

    /** Summarises the strategy module's advice. */
    public static AllocationSummary of(Advice advice) {
        Allocation a = advice.allocation();
        return new AllocationSummary(advice.customerId(), advice.policy().profile().name(),
                advice.assessment().regime().name(), a.weights(), a.expectedReturn(), a.volatility(), a.sharpe(),
                advice.explanation());
    }

    /** Advises a customer of the bank on the bank's market series (their own risk profile, no questionnaire). */
    public static AllocationSummary advise(Customer c, PriceTable prices) {
        return of(new AdvisoryAllocator().advise(c.id(), c.riskProfile(), Optional.empty(), prices, RISK_FREE, Map.of()));
    }
}
