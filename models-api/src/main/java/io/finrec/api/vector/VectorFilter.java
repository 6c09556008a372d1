package io.finrec.api.vector;

import java.util.Collection;
import java.util.Set;

/**
 * Which vectors a query may return, applied while the index is searched (not after), so a filter that keeps
 * few vectors still returns {@code k} results when {@code k} exist. Must be thread-safe and side-effect free.
 */
@FunctionalInterface
public interface VectorFilter {
    /** Accepts every vector. */
    VectorFilter ALL = id -> true;

    /** Whether the vector with this id may be returned. */
    boolean accept(String id);

    /** A filter accepting exactly these ids. */
    static VectorFilter ofIds(Collection<String> ids) {
        Set<String> set = Set.copyOf(ids);
        return set::contains;
    }
}
