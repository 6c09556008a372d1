package io.finrec.api.recommend;

import java.util.Objects;

/**
 * One recommended item. Scores are comparable between items for the same user; whether they are comparable
 * across users is stated by each recommender. Immutable and thread-safe.
 *
 * @param itemId the item (product) id
 * @param score  the recommender's score, higher is better
 */
public record RecommendedItem(String itemId, double score) {
    public RecommendedItem {
        Objects.requireNonNull(itemId, "itemId");
    }
}
