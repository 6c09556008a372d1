package io.finrec.api.recommend;

import java.util.Objects;

/**
 * What a recommender trainer learns from: interactions plus optional named user and item features
 * ({@link FeatureMatrix#EMPTY} when there are none). Recommenders that do not use features (user-based CF,
 * popularity) ignore them. Immutable and thread-safe.
 *
 * @param interactions user–item interactions
 * @param userFeatures named features of users
 * @param itemFeatures named features of items
 */
public record TrainingData(Interactions interactions, FeatureMatrix userFeatures, FeatureMatrix itemFeatures) {
    public TrainingData {
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(userFeatures, "userFeatures");
        Objects.requireNonNull(itemFeatures, "itemFeatures");
    }

    /** Interactions only. */
    public static TrainingData of(Interactions interactions) {
        return new TrainingData(interactions, FeatureMatrix.EMPTY, FeatureMatrix.EMPTY);
    }

    /** A copy with user features. */
    public TrainingData withUserFeatures(FeatureMatrix f) {
        return new TrainingData(interactions, f, itemFeatures);
    }

    /** A copy with item features. */
    public TrainingData withItemFeatures(FeatureMatrix f) {
        return new TrainingData(interactions, userFeatures, f);
    }
}
