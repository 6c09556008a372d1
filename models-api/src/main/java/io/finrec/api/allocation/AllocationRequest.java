package io.finrec.api.allocation;

import java.util.Objects;

/**
 * Input of an allocation: the price history, the market conventions and the portfolio constraints. Strategies
 * take their own settings (method, estimators) from their configuration; what varies per call is here.
 * Immutable and thread-safe.
 *
 * @param prices         price history (dates × assets)
 * @param riskFreeRate   annual risk-free rate, e.g. 0.02
 * @param periodsPerYear observations per year (252 daily, 52 weekly, 12 monthly)
 * @param constraints    budget, box and group constraints
 */
public record AllocationRequest(PriceTable prices, double riskFreeRate, int periodsPerYear,
                               AllocationConstraints constraints) {
    /** Default risk-free rate (2 % a year, PyPortfolioOpt's default). */
    public static final double DEFAULT_RISK_FREE_RATE = 0.02;
    /** Default periods per year (252 trading days). */
    public static final int DEFAULT_PERIODS_PER_YEAR = 252;

    public AllocationRequest {
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(constraints, "constraints");
        if (!Double.isFinite(riskFreeRate)) throw new IllegalArgumentException("riskFreeRate: must be finite");
        if (periodsPerYear < 1) throw new IllegalArgumentException("periodsPerYear: must be >= 1, was " + periodsPerYear);
    }

    /** A long-only, fully invested request. */
    public AllocationRequest(PriceTable prices, double riskFreeRate, int periodsPerYear) {
        this(prices, riskFreeRate, periodsPerYear, AllocationConstraints.LONG_ONLY);
    }

    /** Daily prices, 2 % risk-free rate, long-only. */
    public static AllocationRequest of(PriceTable prices) {
        return new AllocationRequest(prices, DEFAULT_RISK_FREE_RATE, DEFAULT_PERIODS_PER_YEAR);
    }

    /** This request with other constraints. */
    public AllocationRequest withConstraints(AllocationConstraints c) {
        return new AllocationRequest(prices, riskFreeRate, periodsPerYear, c);
    }
}
