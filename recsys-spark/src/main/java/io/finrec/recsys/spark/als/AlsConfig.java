package io.finrec.recsys.spark.als;

/**
 * Hyper-parameters of Spark ML's implicit ALS. Defaults are the best setting measured on MovieLens 100k under
 * FinRec's protocol (rank 30, regParam 0.1, alpha 1, 15 iterations). Immutable and thread-safe.
 *
 * @param rank      latent factors, {@code >= 1}
 * @param regParam  L2 regularisation (Spark scales it by each row's rating count), {@code >= 0}
 * @param alpha     implicit confidence {@code 1 + alpha * r}, {@code >= 0}
 * @param maxIter   alternating iterations, {@code >= 1}
 * @param blocks    user and item blocks (about the total core count is fastest), {@code >= 1}
 * @param seed      initialisation seed
 */
public record AlsConfig(int rank, double regParam, double alpha, int maxIter, int blocks, long seed) {
    public AlsConfig {
        if (rank < 1) throw new IllegalArgumentException("rank: must be >= 1, was " + rank);
        if (!(regParam >= 0) || !Double.isFinite(regParam))
            throw new IllegalArgumentException("regParam: must be finite and >= 0, was " + regParam);
        if (!(alpha >= 0) || !Double.isFinite(alpha))
            throw new IllegalArgumentException("alpha: must be finite and >= 0, was " + alpha);
        if (maxIter < 1) throw new IllegalArgumentException("maxIter: must be >= 1, was " + maxIter);
        if (blocks < 1) throw new IllegalArgumentException("blocks: must be >= 1, was " + blocks);
    }

    /** rank 30, regParam 0.1, alpha 1, 15 iterations, 2 blocks, seed 42. */
    public static AlsConfig defaults() {
        return new AlsConfig(30, 0.1, 1.0, 15, 2, 42);
    }
}
