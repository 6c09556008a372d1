package io.finrec.api.vector;

import java.util.Objects;

/**
 * One search result. Immutable and thread-safe.
 *
 * @param id    the caller's id of the vector
 * @param score similarity, higher is closer (see {@link Metric})
 */
public record SearchHit(String id, float score) {
    public SearchHit {
        Objects.requireNonNull(id, "id");
    }
}
