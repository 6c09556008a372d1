package io.finrec.api.allocation;

/**
 * Turns price history into portfolio weights (minimum variance, maximum Sharpe, risk parity, HRP, regime-aware
 * allocation...). Implementations are immutable and thread-safe. They fail with a typed, explained exception
 * rather than returning a fallback (such as equal weights) silently.
 */
public interface AllocationStrategy {
    /** A short name, e.g. "min-variance". */
    String name();

    /** Computes the allocation. */
    Allocation allocate(AllocationRequest request);
}
