package io.finrec.api.allocation;

import java.util.Objects;

/**
 * A typed, explained refusal to allocate: the {@link #reason() reason} says what went wrong, the message why, and
 * {@link #remedy()} what to do about it. Allocation strategies throw it instead of silently falling back (for
 * example to equal weights).
 */
public class AllocationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why an allocation was refused. */
    public enum Reason {
        /** No asset's expected return exceeds the risk-free rate, so no portfolio has a positive Sharpe ratio. */
        NO_ASSET_BEATS_RISK_FREE,
        /** The volatility target is below the lowest volatility any feasible portfolio reaches. */
        TARGET_VOLATILITY_TOO_LOW,
        /** The return target is above the highest return any feasible portfolio reaches (or below zero). */
        TARGET_RETURN_UNREACHABLE,
        /** The constraints admit no portfolio (e.g. upper bounds summing to less than one). */
        INFEASIBLE_CONSTRAINTS,
        /** Too few returns for a reliable mean-variance estimate. */
        HISTORY_TOO_SHORT,
        /** The covariance matrix (or another system) is singular or not positive definite. */
        SINGULAR_MATRIX,
        /** The input is invalid (unknown asset, NaN, mismatched sizes...). */
        INVALID_INPUT,
        /** The solver did not converge. */
        SOLVER_FAILED
    }

    private final Reason reason;
    private final String remedy;

    /** An exception with its reason, explanation and remedy. */
    public AllocationException(Reason reason, String message, String remedy) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.remedy = Objects.requireNonNull(remedy, "remedy");
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }

    /** What the caller can do about it. */
    public String remedy() {
        return remedy;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " (" + reason + "; what to do: " + remedy + ")";
    }
}
