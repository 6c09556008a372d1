package io.finrec.recsys.hybrid;

import io.finrec.api.random.Seeds;

/**
 * Hyper-parameters of the hybrid factorization model; names and defaults follow LightFM's ({@code no_components=10,
 * k=5, n=10, learning_schedule='adagrad', learning_rate=0.05, rho=0.95, epsilon=1e-6, item_alpha=0, user_alpha=0,
 * max_sampled=10}) except the loss, which defaults to WARP (LightFM: logistic) because implicit-feedback ranking is
 * the common case. Build with {@link #builder()}; {@link Builder#build()} validates every field. Immutable and
 * thread-safe.
 *
 * @param components          latent dimensionality ({@code no_components}), 1..1024
 * @param loss                the loss
 * @param schedule            AdaGrad or AdaDelta
 * @param learningRate        AdaGrad's initial learning rate, {@code > 0}
 * @param rho                 AdaDelta's decay, in (0, 1)
 * @param epsilon             AdaDelta's conditioning term, {@code >= 0}
 * @param userAlpha           L2 penalty on user feature parameters, {@code >= 0}
 * @param itemAlpha           L2 penalty on item feature parameters, {@code >= 0}
 * @param maxSampled          WARP: most negatives sampled per positive before giving up, {@code >= 1}
 * @param kosK                k-OS: which order statistic ({@code k}), {@code >= 1}
 * @param kosN                k-OS: positives sampled per update ({@code n}), {@code >= 1}
 * @param epochs              passes over the interactions per {@code fit}/{@code fitPartial} call, {@code >= 1}
 * @param threads             training threads; 1 is deterministic (bit-identical models for the same seed and
 *                            data), more run Hogwild-style and are not reproducible
 * @param seed                random seed (initialisation, shuffling, sampling)
 * @param userIdentity        give every user its own identity feature (LightFM's default identity matrix)
 * @param itemIdentity        give every item its own identity feature
 */
public record HybridConfig(int components, Loss loss, LearningSchedule schedule, double learningRate, double rho,
                           double epsilon, double userAlpha, double itemAlpha, int maxSampled, int kosK, int kosN,
                           int epochs, int threads, long seed, boolean userIdentity, boolean itemIdentity) {
    public HybridConfig {
        if (components < 1 || components > 1024)
            throw new IllegalArgumentException("components: " + components + " is outside [1, 1024]");
        java.util.Objects.requireNonNull(loss, "loss");
        java.util.Objects.requireNonNull(schedule, "schedule");
        positive(learningRate, "learningRate");
        if (!(rho > 0 && rho < 1)) throw new IllegalArgumentException("rho: must be in (0, 1), was " + rho);
        nonNegative(epsilon, "epsilon");
        nonNegative(userAlpha, "userAlpha");
        nonNegative(itemAlpha, "itemAlpha");
        if (maxSampled < 1) throw new IllegalArgumentException("maxSampled: must be >= 1, was " + maxSampled);
        if (kosK < 1) throw new IllegalArgumentException("kosK: must be >= 1, was " + kosK);
        if (kosN < 1) throw new IllegalArgumentException("kosN: must be >= 1, was " + kosN);
        if (epochs < 1) throw new IllegalArgumentException("epochs: must be >= 1, was " + epochs);
        if (threads < 1 || threads > 1024)
            throw new IllegalArgumentException("threads: " + threads + " is outside [1, 1024]");
    }

    private static void positive(double v, String field) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException(field + ": must be > 0 and finite, was " + v);
    }

    private static void nonNegative(double v, String field) {
        if (!(v >= 0) || !Double.isFinite(v)) throw new IllegalArgumentException(field + ": must be >= 0 and finite, was " + v);
    }

    /** A builder with the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this config. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.components = components;
        b.loss = loss;
        b.schedule = schedule;
        b.learningRate = learningRate;
        b.rho = rho;
        b.epsilon = epsilon;
        b.userAlpha = userAlpha;
        b.itemAlpha = itemAlpha;
        b.maxSampled = maxSampled;
        b.kosK = kosK;
        b.kosN = kosN;
        b.epochs = epochs;
        b.threads = threads;
        b.seed = seed;
        b.userIdentity = userIdentity;
        b.itemIdentity = itemIdentity;
        return b;
    }

    /** Builds a {@link HybridConfig}. Not thread-safe. */
    public static final class Builder {
        private int components = 10;
        private Loss loss = Loss.WARP;
        private LearningSchedule schedule = LearningSchedule.ADAGRAD;
        private double learningRate = 0.05;
        private double rho = 0.95;
        private double epsilon = 1e-6;
        private double userAlpha;
        private double itemAlpha;
        private int maxSampled = 10;
        private int kosK = 5;
        private int kosN = 10;
        private int epochs = 10;
        private int threads = 1;
        private long seed = Seeds.DEFAULT_SEED;
        private boolean userIdentity = true;
        private boolean itemIdentity = true;

        private Builder() {}

        /** Latent dimensionality (default 10). */
        public Builder components(int v) { components = v; return this; }
        /** Loss (default WARP). */
        public Builder loss(Loss v) { loss = v; return this; }
        /** Learning schedule (default AdaGrad). */
        public Builder schedule(LearningSchedule v) { schedule = v; return this; }
        /** AdaGrad learning rate (default 0.05). */
        public Builder learningRate(double v) { learningRate = v; return this; }
        /** AdaDelta decay (default 0.95). */
        public Builder rho(double v) { rho = v; return this; }
        /** AdaDelta epsilon (default 1e-6). */
        public Builder epsilon(double v) { epsilon = v; return this; }
        /** L2 penalty on user parameters (default 0). */
        public Builder userAlpha(double v) { userAlpha = v; return this; }
        /** L2 penalty on item parameters (default 0). */
        public Builder itemAlpha(double v) { itemAlpha = v; return this; }
        /** WARP's most sampled negatives per positive (default 10). */
        public Builder maxSampled(int v) { maxSampled = v; return this; }
        /** k-OS order statistic k (default 5). */
        public Builder kosK(int v) { kosK = v; return this; }
        /** k-OS positives sampled n (default 10). */
        public Builder kosN(int v) { kosN = v; return this; }
        /** Epochs per fit call (default 10). */
        public Builder epochs(int v) { epochs = v; return this; }
        /** Training threads (default 1: deterministic). */
        public Builder threads(int v) { threads = v; return this; }
        /** Seed (default {@link Seeds#DEFAULT_SEED}). */
        public Builder seed(long v) { seed = v; return this; }
        /** Identity feature per user (default true). */
        public Builder userIdentity(boolean v) { userIdentity = v; return this; }
        /** Identity feature per item (default true). */
        public Builder itemIdentity(boolean v) { itemIdentity = v; return this; }

        /** Validates and builds. */
        public HybridConfig build() {
            return new HybridConfig(components, loss, schedule, learningRate, rho, epsilon, userAlpha, itemAlpha,
                    maxSampled, kosK, kosN, epochs, threads, seed, userIdentity, itemIdentity);
        }
    }
}
