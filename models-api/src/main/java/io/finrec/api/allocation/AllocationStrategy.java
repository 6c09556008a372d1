package io.finrec.api.allocation;

/**
 * Turns price history into portfolio weights (minimum variance, maximum Sharpe, risk parity, HRP, Black-Litterman,
 * regime-aware allocation...). Implementations are immutable and thread-safe. They fail with a typed, explained
 * {@link AllocationException} rather than silently returning a fallback such as equal weights; invalid arguments
 * raise {@link IllegalArgumentException} naming the field.
 */
public interface AllocationStrategy {
    /** A short name, e.g. "min-variance". */
    String name();

    /**
     * Computes the allocation.
     *
     * @throws AllocationException when no acceptable allocation exists (with the reason and a remedy)
     */
    Allocation allocate(AllocationRequest request);
}
