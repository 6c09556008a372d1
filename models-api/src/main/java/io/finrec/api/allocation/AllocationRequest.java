package io.finrec.api.allocation;

import java.util.Objects;

/**
 * Input of an allocation: the price history and the market conventions. Strategies take their own settings
 * (method, estimator, constraints) from their configuration. Immutable and thread-safe.
 *
 * @param prices         price history (dates × assets)
 * @param riskFreeRate   annual risk-free rate, e.g. 0.02
 * @param periodsPerYear observations per year (252 daily, 52 weekly, 12 monthly)
 */
public record AllocationRequest(PriceTable prices, double riskFreeRate, int periodsPerYear) {
    public AllocationRequest {
        Objects.requireNonNull(prices, "prices");
        if (!Double.isFinite(riskFreeRate)) throw new IllegalArgumentException("riskFreeRate: must be finite");
        if (periodsPerYear < 1) throw new IllegalArgumentException("periodsPerYear: must be >= 1, was " + periodsPerYear);
    }
}
