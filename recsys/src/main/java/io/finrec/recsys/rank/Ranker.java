package io.finrec.recsys.rank;

import io.finrec.api.recommend.ItemFilter;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.UnknownIdException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a scratch array of scores over the catalogue into the top-k list a {@link RecommendQuery} asks for: known
 * and excluded items are dropped, candidates restrict the scan, and the filter runs only for items that would
 * enter the heap (so an expensive eligibility check is called O(k log n) times, not n times), which still returns
 * {@code k} eligible items whenever {@code k} exist. Shared by every recommender in this module. Stateless and
 * thread-safe; the scores array is scratch and is overwritten.
 */
public final class Ranker {
    private Ranker() {}

    /**
     * Ranks {@code scores[0..ids.size())}.
     *
     * @param scores     scores by item ordinal; excluded entries are overwritten with NaN
     * @param ids        item ids by ordinal
     * @param index      item id to ordinal
     * @param known      sorted item ordinals the user already has (may be empty)
     * @param knownFrom  start of the user's slice of {@code known}
     * @param knownTo    end (exclusive) of that slice
     * @param query      the query
     */
    public static List<RecommendedItem> rank(float[] scores, List<String> ids, Map<String, Integer> index,
                                             int[] known, int knownFrom, int knownTo, RecommendQuery query) {
        int n = ids.size();
        if (query.excludeKnown()) for (int j = knownFrom; j < knownTo; j++) scores[known[j]] = Float.NaN;
        for (String id : query.exclude()) {
            Integer o = index.get(id);
            if (o != null) scores[o] = Float.NaN;
        }
        TopK heap = new TopK(Math.max(1, Math.min(query.k(), n)));
        ItemFilter filter = query.filter();
        boolean filtered = filter != ItemFilter.ALL;
        if (query.candidates().isPresent()) {
            for (int i : candidateOrdinals(query.candidates().get(), index)) consider(heap, scores, i, ids, filter, filtered);
        } else {
            for (int i = 0; i < n; i++) consider(heap, scores, i, ids, filter, filtered);
        }
        return heap.drain(ids);
    }

    /** Ordinals of candidate ids; an id the model does not know raises {@link UnknownIdException}. */
    public static int[] candidateOrdinals(Set<String> candidates, Map<String, Integer> index) {
        int[] out = new int[candidates.size()];
        int j = 0;
        for (String id : candidates) {
            Integer o = index.get(id);
            if (o == null) throw new UnknownIdException(UnknownIdException.Kind.ITEM, id);
            out[j++] = o;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    private static void consider(TopK heap, float[] scores, int i, List<String> ids, ItemFilter filter,
                                 boolean filtered) {
        float s = scores[i];
        if (Float.isNaN(s) || !heap.wouldAccept(s, i)) return;
        if (filtered && !filter.accept(ids.get(i))) return;
        heap.offer(i, s);
    }
}
