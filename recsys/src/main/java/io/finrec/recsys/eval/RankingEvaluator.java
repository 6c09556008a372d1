package io.finrec.recsys.eval;

import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.Recommender;
import io.finrec.recsys.rank.TopK;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ranking evaluation with LightFM's semantics: for every test user with at least one positive (value {@code > 0})
 * test interaction, the whole catalogue is scored, the user's training interactions are excluded from the ranking
 * (LightFM's {@code train_interactions}), and the rank of each test positive is the number of other eligible items
 * scoring at least as high (ties count against the model). From those ranks: precision@k, recall@k, AUC (LightFM's
 * {@code auc_score} formula), reciprocal rank, NDCG@k and hit rate@k, per user and averaged; plus catalogue
 * coverage of the top-k lists. With a {@link Reranker}, the list metrics (precision, recall, NDCG, hit rate,
 * coverage) come from the re-ranked lists and AUC / reciprocal rank from the raw scores.
 *
 * <p>A test pair that is also in the training data is an error (a leaking split), as in LightFM. Test users or
 * items the model does not know are skipped and counted in the report. Immutable and thread-safe.
 */
public final class RankingEvaluator {
    private final int k;
    private final int threads;
    private final Optional<Reranker> reranker;
    private final int rerankDepth;

    private RankingEvaluator(int k, int threads, Optional<Reranker> reranker, int rerankDepth) {
        if (k < 1) throw new IllegalArgumentException("k: must be >= 1, was " + k);
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        if (rerankDepth < k) throw new IllegalArgumentException("rerankDepth: must be >= k, was " + rerankDepth);
        this.k = k;
        this.threads = threads;
        this.reranker = Objects.requireNonNull(reranker, "reranker");
        this.rerankDepth = rerankDepth;
    }

    /** Evaluates at cut-off {@code k} on one thread. */
    public static RankingEvaluator atK(int k) {
        return new RankingEvaluator(k, 1, Optional.empty(), k);
    }

    /** A copy using {@code n} threads. */
    public RankingEvaluator withThreads(int n) {
        return new RankingEvaluator(k, n, reranker, rerankDepth);
    }

    /** A copy that re-ranks the top {@code depth} candidates of each user into the final top k. */
    public RankingEvaluator withReranker(Reranker r, int depth) {
        return new RankingEvaluator(k, threads, Optional.of(r), depth);
    }

    /** Evaluates {@code model} on {@code test}, excluding {@code train} interactions from the rankings. */
    public EvaluationReport evaluate(Recommender model, Interactions train, Interactions test) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        List<String> catalogue = model.itemIds();
        int nItems = catalogue.size();
        Map<String, Integer> itemIndex = new HashMap<>(nItems * 2);
        for (int i = 0; i < nItems; i++) itemIndex.put(catalogue.get(i), i);
        // per test user: model item ordinals of train items and test positives
        Map<String, int[]> trainItems = group(train, itemIndex, false, null);
        int[] skipped = new int[1];
        Map<String, int[]> testPos = group(test, itemIndex, true, skipped);
        List<String> users = new ArrayList<>();
        int skippedUsers = 0;
        for (String u : testPos.keySet()) {
            if (!model.knowsUser(u)) {
                skippedUsers++;
                continue;
            }
            if (testPos.get(u).length > 0) users.add(u);
        }
        users.sort(null);
        EnumMap<Metric, double[]> values = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) values.put(m, new double[users.size()]);
        boolean[] covered = new boolean[nItems];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            float[] scores = new float[nItems];
            float[] sorted = new float[nItems];
            boolean[] covLocal = new boolean[nItems];
            for (int x = next.getAndIncrement(); x < users.size(); x = next.getAndIncrement()) {
                String u = users.get(x);
                int[] tr = trainItems.getOrDefault(u, new int[0]);
                int[] pos = testPos.get(u);
                for (int p : pos)
                    if (Arrays.binarySearch(tr, p) >= 0)
                        throw new IllegalArgumentException("test: user '" + u + "' item '" + catalogue.get(p)
                                + "' is in both the training and the test data (leaking split)");
                model.scoreAllItems(u, scores);
                evaluateUser(x, u, scores, sorted, tr, pos, nItems, values, covLocal, catalogue);
            }
            synchronized (covered) {
                for (int i = 0; i < nItems; i++) covered[i] |= covLocal[i];
            }
        };
        io.finrec.recsys.Parallel.run(threads, "evaluate", work);
        int c = 0;
        for (boolean b : covered) if (b) c++;
        return new EvaluationReport(k, users, values, nItems == 0 ? 0 : (double) c / nItems, skippedUsers, skipped[0]);
    }

    private void evaluateUser(int x, String user, float[] scores, float[] sorted, int[] train, int[] pos, int nItems,
                              EnumMap<Metric, double[]> values, boolean[] covered, List<String> catalogue) {
        // eligible scores sorted ascending: rank of p = #eligible with score >= s_p, minus p itself
        int m = 0;
        int t = 0;
        for (int i = 0; i < nItems; i++) {
            if (t < train.length && train[t] == i) {
                t++;
                continue;
            }
            sorted[m++] = scores[i];
        }
        Arrays.sort(sorted, 0, m);
        int np = pos.length;
        int[] ranks = new int[np];
        for (int q = 0; q < np; q++) {
            float s = scores[pos[q]];
            int lo = lowerBound(sorted, m, s);
            ranks[q] = (m - lo) - 1;
        }
        Arrays.sort(ranks);
        double hits = 0;
        double dcg = 0;
        for (int r : ranks)
            if (r < k) {
                hits++;
                dcg += 1 / log2(r + 2);
            }
        double idcg = 0;
        for (int i = 0; i < Math.min(k, np); i++) idcg += 1 / log2(i + 2);
        int negatives = nItems - (np + train.length);
        double auc = 0;
        if (negatives <= 0) auc = 0.5;
        else {
            for (int q = 0; q < np; q++) auc += 1.0 - Math.max(0, ranks[q] - q) / (double) negatives;
            auc /= np;
        }
        values.get(Metric.AUC)[x] = auc;
        values.get(Metric.RECIPROCAL_RANK)[x] = 1.0 / (ranks[0] + 1);
        // top-k list: for coverage, and for list metrics when re-ranking
        int depth = reranker.isPresent() ? rerankDepth : k;
        TopK heap = new TopK(Math.max(1, Math.min(depth, nItems)));
        int tt = 0;
        for (int i = 0; i < nItems; i++) {
            if (tt < train.length && train[tt] == i) {
                tt++;
                continue;
            }
            heap.offer(i, scores[i]);
        }
        int[] top = new int[heap.size()];
        float[] topScores = new float[heap.size()];
        int n = heap.drainTo(top, topScores);
        if (reranker.isPresent()) {
            List<RecommendedItem> cand = new ArrayList<>(n);
            for (int i = 0; i < n; i++) cand.add(new RecommendedItem(catalogue.get(top[i]), topScores[i]));
            List<RecommendedItem> fin = reranker.get().rerank(cand, k);
            Map<String, Integer> candOrd = new HashMap<>();
            for (int i = 0; i < n; i++) candOrd.put(catalogue.get(top[i]), top[i]);
            hits = 0;
            dcg = 0;
            for (int r = 0; r < fin.size(); r++) {
                int item = candOrd.get(fin.get(r).itemId());
                covered[item] = true;
                if (Arrays.binarySearch(pos, item) >= 0) {
                    hits++;
                    dcg += 1 / log2(r + 2);
                }
            }
        } else {
            for (int i = 0; i < Math.min(n, k); i++) covered[top[i]] = true;
        }
        values.get(Metric.PRECISION)[x] = hits / k;
        values.get(Metric.RECALL)[x] = hits / np;
        values.get(Metric.NDCG)[x] = idcg == 0 ? 0 : dcg / idcg;
        values.get(Metric.HIT_RATE)[x] = hits > 0 ? 1 : 0;
    }

    private static int lowerBound(float[] a, int n, float key) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** User id to sorted distinct model item ordinals (positives only when {@code positives}). */
    private static Map<String, int[]> group(Interactions data, Map<String, Integer> itemIndex, boolean positives,
                                            int[] skipped) {
        Map<String, it.unimi.dsi.fastutil.ints.IntArrayList> lists = new HashMap<>();
        int[] itemMap = new int[data.itemCount()];
        for (int i = 0; i < itemMap.length; i++) itemMap[i] = itemIndex.getOrDefault(data.itemIds().get(i), -1);
        for (int r = 0; r < data.size(); r++) {
            if (positives && !(data.value(r) > 0)) continue;
            String u = data.userIds().get(data.user(r));
            var list = lists.computeIfAbsent(u, x -> new it.unimi.dsi.fastutil.ints.IntArrayList());
            int item = itemMap[data.item(r)];
            if (item < 0) {
                if (skipped != null) skipped[0]++;
                continue;
            }
            list.add(item);
        }
        Map<String, int[]> out = new HashMap<>();
        lists.forEach((u, l) -> out.put(u, Arrays.stream(l.toIntArray()).sorted().distinct().toArray()));
        return out;
    }
}
