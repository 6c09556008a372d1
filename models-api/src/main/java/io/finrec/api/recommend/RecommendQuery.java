package io.finrec.api.recommend;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Per-call recommendation settings. By default the items a user already interacted with in training are
 * excluded, every item is a candidate, and no filter applies. Immutable and thread-safe.
 *
 * @param k            number of items wanted, {@code >= 1}
 * @param excludeKnown whether to drop items the user interacted with in the training data
 * @param filter       business filter applied during ranking
 * @param candidates   restrict ranking to these items, or empty for all items
 */
public record RecommendQuery(int k, boolean excludeKnown, ItemFilter filter, Optional<Set<String>> candidates) {
    public RecommendQuery {
        if (k < 1) throw new IllegalArgumentException("k: must be >= 1, was " + k);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(candidates, "candidates");
        candidates = candidates.map(Set::copyOf);
    }

    /** Top-{@code k}, known items excluded, no filter, all candidates. */
    public static RecommendQuery top(int k) {
        return new RecommendQuery(k, true, ItemFilter.ALL, Optional.empty());
    }

    /** A copy with a filter. */
    public RecommendQuery withFilter(ItemFilter f) {
        return new RecommendQuery(k, excludeKnown, f, candidates);
    }

    /** A copy that keeps (or drops) known items. */
    public RecommendQuery withExcludeKnown(boolean exclude) {
        return new RecommendQuery(k, exclude, filter, candidates);
    }

    /** A copy restricted to candidates. */
    public RecommendQuery withCandidates(Set<String> items) {
        return new RecommendQuery(k, excludeKnown, filter, Optional.of(items));
    }
}
