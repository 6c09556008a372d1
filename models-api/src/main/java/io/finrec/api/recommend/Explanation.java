package io.finrec.api.recommend;

import java.util.List;
import java.util.Objects;

/**
 * Why an item scores as it does for a user. Immutable and thread-safe.
 *
 * @param userId        the user
 * @param itemId        the item
 * @param score         the model's score
 * @param features      feature contributions, largest absolute value first (they and the biases sum to the score)
 * @param similarItems  the user's own history items most similar to this item, most similar first (the value is the
 *                      cosine similarity of their representations)
 */
public record Explanation(String userId, String itemId, double score, List<Contribution> features,
                          List<Contribution> similarItems) {
    public Explanation {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(itemId, "itemId");
        features = List.copyOf(features);
        similarItems = List.copyOf(similarItems);
    }

    /**
     * One contribution. Immutable and thread-safe.
     *
     * @param source "user" or "item" for a feature, "history" for a history item, "bias" for the bias terms
     * @param name   feature name (identity features are named by the id) or item id
     * @param value  contribution to the score, or similarity for history items
     */
    public record Contribution(String source, String name, double value) {
        public Contribution {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(name, "name");
        }
    }
}
