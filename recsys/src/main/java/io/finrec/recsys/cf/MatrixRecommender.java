package io.finrec.recsys.cf;

import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.Recommender;
import io.finrec.recsys.Parallel;
import io.finrec.recsys.rank.Ranker;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/** What the memory-based recommenders share: ids, known-item exclusion and ranking. Immutable and thread-safe. */
abstract class MatrixRecommender implements Recommender {
    final UserItemMatrix matrix;

    MatrixRecommender(UserItemMatrix matrix) {
        this.matrix = matrix;
    }

    @Override
    public List<String> userIds() {
        return matrix.userIds;
    }

    @Override
    public List<String> itemIds() {
        return matrix.itemIds;
    }

    @Override
    public boolean knowsUser(String userId) {
        return matrix.userIndex.containsKey(userId);
    }

    @Override
    public boolean knowsItem(String itemId) {
        return matrix.itemIndex.containsKey(itemId);
    }

    /** Scores of user ordinal {@code u} for every item into {@code out} (zeroed first). */
    abstract void scores(int u, float[] out);

    @Override
    public void scoreAllItems(String userId, float[] out) {
        Objects.requireNonNull(out, "out");
        if (out.length < matrix.itemIds.size())
            throw new IllegalArgumentException("out: length " + out.length + " < " + matrix.itemIds.size() + " items");
        scores(matrix.user(userId), out);
    }

    @Override
    public double score(String userId, String itemId) {
        int u = matrix.user(userId);
        int i = matrix.item(itemId);
        float[] s = new float[matrix.itemIds.size()];
        scores(u, s);
        return s[i];
    }

    /** Streams every user's top items with {@code threads} workers, each with its own score buffer. */
    @Override
    public void recommendAll(RecommendQuery query, int threads, BiConsumer<String, List<RecommendedItem>> sink) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(sink, "sink");
        AtomicInteger next = new AtomicInteger();
        int users = matrix.userIds.size();
        Parallel.run(threads, "recommend-all", () -> {
            float[] s = new float[matrix.itemIds.size()];
            for (int u = next.getAndIncrement(); u < users; u = next.getAndIncrement()) {
                scores(u, s);
                sink.accept(matrix.userIds.get(u), Ranker.rank(s, matrix.itemIds, matrix.itemIndex, matrix.items,
                        matrix.ptr[u], matrix.ptr[u + 1], query));
            }
        });
    }

    @Override
    public List<RecommendedItem> recommend(String userId, RecommendQuery query) {
        Objects.requireNonNull(query, "query");
        int u = matrix.user(userId);
        float[] s = new float[matrix.itemIds.size()];
        scores(u, s);
        return Ranker.rank(s, matrix.itemIds, matrix.itemIndex, matrix.items, matrix.ptr[u], matrix.ptr[u + 1], query);
    }
}
