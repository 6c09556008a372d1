package io.finrec.api.recommend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A trained recommender (the model; training lives in a {@link RecommenderTrainer}). Immutable and thread-safe:
 * many threads may score and recommend concurrently.
 *
 * <p>Unknown user or item ids raise {@link UnknownIdException} naming the id; they are never silently scored as
 * zero. {@link #recommend} excludes the items the user interacted with in training unless the query says
 * otherwise. Whether scores are comparable across users is stated by each implementation.
 */
public interface Recommender {
    /** Users the model knows, by ordinal. */
    List<String> userIds();

    /** The catalogue: items the model can score, by ordinal. */
    List<String> itemIds();

    /** Whether the model knows this user. */
    boolean knowsUser(String userId);

    /** Whether the model knows this item. */
    boolean knowsItem(String itemId);

    /** The model's score for one user and item; higher is better. */
    double score(String userId, String itemId);

    /**
     * Scores of one user for every catalogue item, written to {@code out[ordinal]} in {@link #itemIds()} order
     * ({@code out.length >= itemIds().size()}). Known items are scored too (no exclusions apply).
     */
    void scoreAllItems(String userId, float[] out);

    /** The top items for a user under the query's exclusions, candidates and filter, best first. */
    List<RecommendedItem> recommend(String userId, RecommendQuery query);

    /**
     * Top items for every known user, streamed to {@code sink} one user at a time (memory stays bounded by one
     * heap of {@code k} per worker, never users × items). The sink is called from up to {@code threads} threads
     * concurrently, in no particular user order, and must be thread-safe.
     */
    default void recommendAll(RecommendQuery query, int threads, BiConsumer<String, List<RecommendedItem>> sink) {
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        for (String u : userIds()) sink.accept(u, recommend(u, query));
    }

    /** Saves the model, with its id maps, in FinRec's model-file format. */
    void save(Path file) throws IOException;

    /** Estimated heap bytes held by the model. */
    long ramBytesUsed();
}
