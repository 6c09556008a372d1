package io.finrec.api.recommend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained recommender (the model; training lives in a {@link RecommenderTrainer}). Immutable and thread-safe:
 * many threads may score and recommend concurrently.
 *
 * <p>Unknown user or item ids raise {@link IllegalArgumentException} naming the id; they are never silently
 * scored as zero.
 */
public interface Recommender {
    /** Whether the model knows this user. */
    boolean knowsUser(String userId);

    /** Whether the model knows this item. */
    boolean knowsItem(String itemId);

    /** The model's score for one user and item; higher is better. */
    double score(String userId, String itemId);

    /** The top items for a user under the query's exclusions, candidates and filter, best first. */
    List<RecommendedItem> recommend(String userId, RecommendQuery query);

    /** Saves the model, with its id maps, in FinRec's model-file format. */
    void save(Path file) throws IOException;

    /** Estimated heap bytes held by the model. */
    long ramBytesUsed();
}
