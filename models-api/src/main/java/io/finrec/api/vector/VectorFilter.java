package io.finrec.api.vector;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which vectors a query may return. Indexes apply it <em>while</em> they search (not after), so a filter that keeps
 * few vectors still returns {@code k} results when {@code k} exist.
 *
 * <p>Indexes turn a filter into a per-ordinal test once per query: an allow-list ({@link #ofIds}) or a deny-list
 * ({@link #excluding}) is resolved to a bitset of ordinals by looking up only its own ids, so its cost does not
 * grow with the index; a predicate ({@link #where}) is evaluated lazily, at most once per candidate the search
 * touches. Prefer the id-list forms when you can, they also let an index estimate the filter's selectivity and
 * switch to an exact scan of the accepted set when it is small.
 *
 * <p>Implementations must be thread-safe and side-effect free. The factories return immutable, thread-safe filters.
 */
public interface VectorFilter {
    /** Accepts every vector. Indexes recognise it and skip filtering altogether. */
    VectorFilter ALL = new VectorFilter() {
        @Override
        public boolean accept(String id) {
            return true;
        }

        @Override
        public String toString() {
            return "VectorFilter.ALL";
        }
    };

    /** Whether the vector with this id may be returned. */
    boolean accept(String id);

    /**
     * If this filter accepts only ids from a finite set, that set (every id it accepts is in it, ids in it may still
     * be rejected by {@link #accept}). Empty for open-ended filters.
     */
    default Optional<Set<String>> allowedIds() {
        return Optional.empty();
    }

    /** If this filter accepts every id except a finite set, that set. Empty otherwise. */
    default Optional<Set<String>> deniedIds() {
        return Optional.empty();
    }

    /** Both this filter and {@code other} must accept. */
    default VectorFilter and(VectorFilter other) {
        Objects.requireNonNull(other, "other");
        if (this == ALL) return other;
        if (other == ALL) return this;
        return new Filters.And(this, other);
    }

    /** A filter accepting exactly these ids (ids the index does not hold are ignored). */
    static VectorFilter ofIds(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        return new Filters.Allow(Set.copyOf(ids));
    }

    /** A filter accepting every id except these. */
    static VectorFilter excluding(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        return new Filters.Deny(Set.copyOf(ids));
    }

    /**
     * A filter accepting the ids the predicate accepts; the predicate must be thread-safe and cheap, it is called
     * for each candidate a search touches (for HNSW a few hundred to a few thousand per query, for a flat scan
     * only for candidates that would enter the top-k).
     */
    static VectorFilter where(Predicate<String> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new Filters.Where(predicate);
    }
}
