package io.finrec.api.vector;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Per-query search settings: they are arguments of a query, never mutable fields of a shared index.
 * Immutable and thread-safe.
 *
 * @param k      number of results wanted, {@code >= 1}
 * @param filter which vectors may be returned
 * @param ef     approximate indexes' search breadth (HNSW efSearch); empty means the index's default
 */
public record SearchRequest(int k, VectorFilter filter, OptionalInt ef) {
    public SearchRequest {
        if (k < 1) throw new IllegalArgumentException("k: must be >= 1, was " + k);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(ef, "ef");
        if (ef.isPresent() && ef.getAsInt() < 1) throw new IllegalArgumentException("ef: must be >= 1, was " + ef.getAsInt());
    }

    /** Top-{@code k} over every vector with the index's default breadth. */
    public static SearchRequest topK(int k) {
        return new SearchRequest(k, VectorFilter.ALL, OptionalInt.empty());
    }

    /** A copy with a filter. */
    public SearchRequest withFilter(VectorFilter f) {
        return new SearchRequest(k, f, ef);
    }

    /** A copy with another {@code k}. */
    public SearchRequest withK(int newK) {
        return new SearchRequest(newK, filter, ef);
    }

    /** A copy with a search breadth. */
    public SearchRequest withEf(int newEf) {
        return new SearchRequest(k, filter, OptionalInt.of(newEf));
    }
}
