package io.finrec.vectorsearch.search;

/**
 * A {@link io.finrec.api.vector.VectorFilter} resolved to ordinals for one query. Not thread-safe when it caches
 * predicate answers: one per query.
 */
public interface OrdinalFilter {
    /** Whether the vector at this ordinal may be returned. */
    boolean accept(int ord);

    /**
     * How many ordinals the filter accepts, exactly when known (id lists), else an estimate from a sample; used to
     * choose between graph traversal and an exact scan of the accepted set.
     */
    int estimatedCount();

    /** The accepted ordinals in increasing order when the filter is an explicit set, else {@code null}. */
    default int[] acceptedOrdinals() {
        return null;
    }
}
