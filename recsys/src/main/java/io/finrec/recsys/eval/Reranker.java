package io.finrec.recsys.eval;

import io.finrec.api.recommend.RecommendedItem;
import java.util.List;

/**
 * Reorders a user's candidate list (best first, longer than k) into a final top-k, e.g. for diversity. Must be
 * thread-safe: evaluators and services call it from many threads.
 */
@FunctionalInterface
public interface Reranker {
    /** The final list of at most {@code k} items chosen from {@code candidates}. */
    List<RecommendedItem> rerank(List<RecommendedItem> candidates, int k);
}
