package io.finrec.api.recommend;

import java.util.List;
import java.util.Map;

/**
 * A hybrid (LightFM-style) recommender: users and items are represented by the weighted sums of the embeddings and
 * biases of their features, and {@code score = dot(user, item) + userBias + itemBias}. Because representations come
 * from features, it can score entities it never saw in training (cold start). Immutable and thread-safe.
 *
 * <p>Scores of one user are comparable between items; across users only their order is meaningful.
 */
public interface HybridRecommender extends Recommender {
    /** Number of latent components of every representation. */
    int components();

    /** User feature vocabulary (named features only; identity features are the user ids themselves). */
    List<String> userFeatureNames();

    /** Item feature vocabulary (named features only). */
    List<String> itemFeatureNames();

    /**
     * Recommends for a user known only by named features (a new customer: segment, age band...). Unknown feature
     * names raise {@link UnknownIdException}; the query's {@code excludeKnown} has nothing to exclude.
     */
    List<RecommendedItem> recommendForFeatures(Map<String, Double> userFeatures, RecommendQuery query);

    /** Score of a known user for a new item described only by named item features. */
    double scoreNewItem(String userId, Map<String, Double> itemFeatures);

    /** The representation of a user known only by named features. */
    Representations.Vector representUser(Map<String, Double> userFeatures);

    /** The representation of an item known only by named features. */
    Representations.Vector representItem(Map<String, Double> itemFeatures);

    /** Representations of every known user (for export to a vector index). */
    Representations userRepresentations();

    /** Representations of every catalogue item (for maximum-inner-product search). */
    Representations itemRepresentations();

    /**
     * Why {@code itemId} scores as it does for {@code userId}: the features whose embeddings contribute most to the
     * score and the user's own history items most similar to it, at most {@code limit} of each.
     */
    Explanation explain(String userId, String itemId, int limit);
}
