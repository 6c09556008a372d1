package io.finrec.recsys.cf;

import io.finrec.api.model.Provenance;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.progress.ProgressTracker;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommenderTrainer;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.rank.TopK;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains {@link UserKnnModel}s. For each user the similarities to every co-occurring user are accumulated through
 * an item → users inverted index (cost proportional to the co-occurrences, never all pairs), and the top
 * {@code neighbours} are kept. Features are ignored. {@code fitPartial} re-computes neighbourhoods on the union of
 * the model's interactions and the new ones (memory-based: there is nothing else to continue). Deterministic for any
 * thread count. Immutable and thread-safe.
 */
public final class UserKnnTrainer implements RecommenderTrainer<UserKnnModel> {
    /**
     * Settings. Immutable and thread-safe.
     *
     * @param similarity cosine or Jaccard
     * @param neighbours neighbourhood size, {@code >= 1}
     * @param shrinkage  added to the similarity's denominator (damps similarities built on little overlap), {@code >= 0}
     * @param useValues  weight interaction vectors by their values (ratings) instead of 1 (cosine only)
     * @param threads    threads for the neighbourhood computation
     */
    public record Config(Similarity similarity, int neighbours, double shrinkage, boolean useValues, int threads) {
        public Config {
            Objects.requireNonNull(similarity, "similarity");
            if (neighbours < 1) throw new IllegalArgumentException("neighbours: must be >= 1, was " + neighbours);
            if (!(shrinkage >= 0) || !Double.isFinite(shrinkage))
                throw new IllegalArgumentException("shrinkage: must be finite and >= 0, was " + shrinkage);
            if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        }

        /** Cosine, 50 neighbours, shrinkage 10, binary vectors, one thread. */
        public static Config defaults() {
            return new Config(Similarity.COSINE, 50, 10, false, 1);
        }
    }

    private final Config config;

    /** A trainer with these settings. */
    public UserKnnTrainer(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public UserKnnModel fit(TrainingData data, ProgressListener listener) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(listener, "listener");
        return build(UserItemMatrix.of(data.interactions(), config.useValues() && config.similarity() == Similarity.COSINE),
                listener);
    }

    @Override
    public UserKnnModel fitPartial(UserKnnModel model, TrainingData data, ProgressListener listener) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        Interactions.Builder b = model.matrix.toBuilder();
        Interactions add = data.interactions();
        for (String u : add.userIds()) b.user(u);
        for (String i : add.itemIds()) b.item(i);
        for (int r = 0; r < add.size(); r++)
            if (add.value(r) > 0)
                b.add(add.userIds().get(add.user(r)), add.itemIds().get(add.item(r)), 1.0,
                        add.weight(r) * (config.useValues() ? add.value(r) : 1f));
        return build(UserItemMatrix.of(b.build(), false), listener);
    }

    private UserKnnModel build(UserItemMatrix m, ProgressListener listener) {
        int nu = m.userIds.size();
        int ni = m.itemIds.size();
        // inverted index item -> users (with weights)
        int[] iptr = new int[ni + 1];
        for (int it : m.items) iptr[it + 1]++;
        for (int i = 0; i < ni; i++) iptr[i + 1] += iptr[i];
        int[] iu = new int[m.items.length];
        float[] iw = new float[m.items.length];
        int[] fill = iptr.clone();
        for (int u = 0; u < nu; u++)
            for (int q = m.ptr[u]; q < m.ptr[u + 1]; q++) {
                int p = fill[m.items[q]]++;
                iu[p] = u;
                iw[p] = m.weights[q];
            }
        float[] norm = new float[nu];
        for (int u = 0; u < nu; u++) {
            double s = 0;
            for (int q = m.ptr[u]; q < m.ptr[u + 1]; q++)
                s += config.similarity() == Similarity.COSINE ? (double) m.weights[q] * m.weights[q] : 1;
            norm[u] = (float) (config.similarity() == Similarity.COSINE ? Math.sqrt(s) : s);
        }
        int n = config.neighbours();
        int[][] nbrs = new int[nu][];
        float[][] sims = new float[nu][];
        ProgressTracker tracker = ProgressTracker.start("user-knn neighbourhoods", nu, "user", listener);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        float shrink = (float) config.shrinkage();
        boolean cosine = config.similarity() == Similarity.COSINE;
        Runnable work = () -> {
            float[] acc = new float[nu];
            int[] touched = new int[nu];
            TopK heap = new TopK(Math.min(n, Math.max(1, nu - 1)));
            for (int u = next.getAndIncrement(); u < nu; u = next.getAndIncrement()) {
                if ((u & 1023) == 0) tracker.checkCancelled();
                int t = 0;
                for (int q = m.ptr[u]; q < m.ptr[u + 1]; q++) {
                    int i = m.items[q];
                    float wu = cosine ? m.weights[q] : 1f;
                    for (int p = iptr[i]; p < iptr[i + 1]; p++) {
                        int v = iu[p];
                        if (v == u) continue;
                        if (acc[v] == 0f) touched[t++] = v;
                        acc[v] += wu * (cosine ? iw[p] : 1f);
                    }
                }
                heap.reset();
                for (int x = 0; x < t; x++) {
                    int v = touched[x];
                    float a = acc[v];
                    acc[v] = 0f;
                    float s = cosine ? a / (norm[u] * norm[v] + shrink) : a / (norm[u] + norm[v] - a + shrink);
                    if (s > 0) heap.offer(v, s);
                }
                int[] ids = new int[heap.size()];
                float[] sc = new float[heap.size()];
                heap.drainTo(ids, sc);
                nbrs[u] = ids;
                sims[u] = sc;
                done.incrementAndGet();
            }
        };
        int threads = config.threads();
        io.finrec.recsys.Parallel.run(threads, "user-knn", work);
        tracker.advance(nu);
        int[] ptr = new int[nu + 1];
        for (int u = 0; u < nu; u++) ptr[u + 1] = ptr[u] + nbrs[u].length;
        int[] allN = new int[ptr[nu]];
        float[] allS = new float[ptr[nu]];
        for (int u = 0; u < nu; u++) {
            System.arraycopy(nbrs[u], 0, allN, ptr[u], nbrs[u].length);
            System.arraycopy(sims[u], 0, allS, ptr[u], sims[u].length);
        }
        Provenance p = Provenance.now(0, threads, "", Map.of("trainer", "UserKnnTrainer",
                "similarity", config.similarity().name(), "neighbours", Integer.toString(n)));
        return new UserKnnModel(config, m, ptr, allN, allS, p);
    }
}
