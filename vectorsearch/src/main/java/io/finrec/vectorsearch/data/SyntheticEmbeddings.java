package io.finrec.vectorsearch.data;

import io.finrec.api.random.Seeds;
import io.finrec.vectorsearch.math.VectorMath;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seeded generator of embedding-like vectors: an anisotropic Gaussian mixture, L2-normalised, the shape of
 * sentence-embedding collections that FinRec searches by inner product.
 *
 * <p>Like real sentence embeddings, the space is anisotropic at every scale: every centre shares one global direction
 * {@code g}, and clusters group into {@code sqrt(clusters)} topics. Cluster {@code c} of topic {@code t} has the
 * unit centre {@code mu_c = normalise(0.5 g + 0.6 s_t + 0.6 r_c)} (random Gaussian {@code g}, {@code s_t},
 * {@code r_c}, each scaled to unit length), a random low-rank basis {@code B_c}
 * ({@code dimension x rank}) and a width {@code w_c} drawn log-normally, so clusters differ in size and each is
 * stretched along its own directions. A vector of cluster {@code c} is
 * {@code normalise(mu_c + w_c (spread B_c z / sqrt(rank) + noise e / sqrt(dimension)))} with standard normal
 * {@code z}, {@code e}; clusters are picked with log-normal weights. Row {@code i} depends only on the seed, the
 * stream ("base" or "queries") and {@code i}, so generation is parallel and deterministic for any thread count.
 *
 * <p>Immutable and thread-safe.
 */
public final class SyntheticEmbeddings {
    private final Config config;
    private final float[][] centres;
    private final float[][] bases; // per cluster, rank x dimension
    private final float[] widths;
    private final double[] cumulativeWeights;

    /**
     * Generator settings.
     *
     * @param dimension vector dimension (384 like all-MiniLM-L6-v2)
     * @param clusters  number of mixture components
     * @param rank      rank of each cluster's anisotropic part
     * @param spread    length of the anisotropic part relative to the unit centre
     * @param noise     length of the isotropic part relative to the unit centre
     * @param seed      the seed
     */
    public record Config(int dimension, int clusters, int rank, double spread, double noise, long seed) {
        public Config {
            if (dimension < 1) throw new IllegalArgumentException("dimension: must be >= 1, was " + dimension);
            if (clusters < 1) throw new IllegalArgumentException("clusters: must be >= 1, was " + clusters);
            if (rank < 1) throw new IllegalArgumentException("rank: must be >= 1, was " + rank);
            if (!(spread >= 0) || !(noise >= 0) || spread + noise == 0)
                throw new IllegalArgumentException("spread, noise: must be >= 0 and not both 0");
        }

        /** The benchmark shape: d=384, 1,000 clusters, rank 16, spread 0.6, noise 0.5. */
        public static Config embeddingLike(long seed) {
            return new Config(384, 1000, 16, 0.6, 0.5, seed);
        }
    }

    /** A generator for these settings. */
    public SyntheticEmbeddings(Config config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        int d = config.dimension(), c = config.clusters(), r = config.rank();
        SplittableRandom rnd = Seeds.random(config.seed(), "synthetic-embeddings.mixture");
        float[] global = unitGaussian(rnd, d);
        int topics = Math.max(1, (int) Math.round(Math.sqrt(c)));
        float[][] topic = new float[topics][];
        for (int t = 0; t < topics; t++) topic[t] = unitGaussian(rnd, d);
        centres = new float[c][d];
        bases = new float[c][r * d];
        widths = new float[c];
        cumulativeWeights = new double[c];
        double total = 0;
        for (int k = 0; k < c; k++) {
            float[] own = unitGaussian(rnd, d);
            float[] t = topic[rnd.nextInt(topics)];
            for (int i = 0; i < d; i++) centres[k][i] = 0.5f * global[i] + 0.6f * t[i] + 0.6f * own[i];
            VectorMath.normalizeInPlace(centres[k]);
            for (int i = 0; i < r * d; i++) bases[k][i] = (float) rnd.nextGaussian();
            widths[k] = (float) Math.exp(0.35 * rnd.nextGaussian());
            total += Math.exp(0.5 * rnd.nextGaussian());
            cumulativeWeights[k] = total;
        }
        for (int k = 0; k < c; k++) cumulativeWeights[k] /= total;
    }

    private static float[] unitGaussian(SplittableRandom rnd, int d) {
        float[] v = new float[d];
        for (int i = 0; i < d; i++) v[i] = (float) rnd.nextGaussian();
        VectorMath.normalizeInPlace(v);
        return v;
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    /** Rows {@code [0, n)} of the base stream, using up to {@code threads} threads. */
    public float[][] base(int n, int threads) {
        return generate("base", n, threads);
    }

    /** Rows {@code [0, n)} of the query stream (drawn from the same mixture, independently of the base). */
    public float[][] queries(int n, int threads) {
        return generate("queries", n, threads);
    }

    private float[][] generate(String stream, int n, int threads) {
        if (n < 0) throw new IllegalArgumentException("n: must be >= 0, was " + n);
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        float[][] out = new float[n][];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            float[] z = new float[config.rank()];
            for (int i; (i = next.getAndIncrement()) < n; ) out[i] = row(stream, i, z);
        };
        io.finrec.vectorsearch.search.Parallel.run(threads, "finrec-synthetic", worker);
        return out;
    }

    private float[] row(String stream, int i, float[] z) {
        SplittableRandom rnd = Seeds.random(config.seed(), "synthetic-embeddings." + stream, i);
        double u = rnd.nextDouble();
        int c = java.util.Arrays.binarySearch(cumulativeWeights, u);
        c = c >= 0 ? c : Math.min(cumulativeWeights.length - 1, -c - 1);
        int d = config.dimension(), r = config.rank();
        float w = widths[c];
        float a = (float) (w * config.spread() / Math.sqrt(r));
        float e = (float) (w * config.noise() / Math.sqrt(d));
        for (int j = 0; j < r; j++) z[j] = (float) rnd.nextGaussian() * a;
        float[] v = centres[c].clone();
        float[] b = bases[c];
        for (int j = 0; j < r; j++) {
            float zj = z[j];
            int off = j * d;
            for (int x = 0; x < d; x++) v[x] += zj * b[off + x];
        }
        for (int x = 0; x < d; x++) v[x] += (float) rnd.nextGaussian() * e;
        VectorMath.normalizeInPlace(v);
        return v;
    }
}
