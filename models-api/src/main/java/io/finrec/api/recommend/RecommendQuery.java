package io.finrec.api.recommend;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Per-call recommendation settings. By default the items a user interacted with in training are excluded, every
 * item is a candidate, no filter applies and item biases count. Immutable and thread-safe.
 *
 * @param k            number of items wanted, {@code >= 1}
 * @param excludeKnown whether to drop items the user interacted with in the training data
 * @param exclude      further items never to return (e.g. products the customer holds elsewhere)
 * @param filter       business filter (eligibility) applied during ranking, so {@code k} eligible items come back
 *                     whenever {@code k} exist
 * @param candidates   restrict ranking to these items, or empty for the whole catalogue
 * @param useItemBias  whether recommenders with per-item biases (popularity terms) rank with them; {@code false}
 *                     ranks by the personal part of the score only, which favours less popular items
 */
public record RecommendQuery(int k, boolean excludeKnown, Set<String> exclude, ItemFilter filter,
                             Optional<Set<String>> candidates, boolean useItemBias) {
    public RecommendQuery {
        if (k < 1) throw new IllegalArgumentException("k: must be >= 1, was " + k);
        exclude = Set.copyOf(Objects.requireNonNull(exclude, "exclude"));
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(candidates, "candidates");
        candidates = candidates.map(Set::copyOf);
    }

    /** Top-{@code k}, known items excluded, no filter, all candidates, item biases on. */
    public static RecommendQuery top(int k) {
        return new RecommendQuery(k, true, Set.of(), ItemFilter.ALL, Optional.empty(), true);
    }

    /** A copy with another {@code k}. */
    public RecommendQuery withK(int newK) {
        return new RecommendQuery(newK, excludeKnown, exclude, filter, candidates, useItemBias);
    }

    /** A copy with a filter (replacing the current one). */
    public RecommendQuery withFilter(ItemFilter f) {
        return new RecommendQuery(k, excludeKnown, exclude, f, candidates, useItemBias);
    }

    /** A copy that keeps (or drops) known items. */
    public RecommendQuery withExcludeKnown(boolean excludeKnownItems) {
        return new RecommendQuery(k, excludeKnownItems, exclude, filter, candidates, useItemBias);
    }

    /** A copy that also never returns these items. */
    public RecommendQuery withExclude(Set<String> items) {
        return new RecommendQuery(k, excludeKnown, items, filter, candidates, useItemBias);
    }

    /** A copy restricted to candidates. */
    public RecommendQuery withCandidates(Set<String> items) {
        return new RecommendQuery(k, excludeKnown, exclude, filter, Optional.of(items), useItemBias);
    }

    /** A copy that ranks with or without item biases. */
    public RecommendQuery withItemBias(boolean use) {
        return new RecommendQuery(k, excludeKnown, exclude, filter, candidates, use);
    }
}
