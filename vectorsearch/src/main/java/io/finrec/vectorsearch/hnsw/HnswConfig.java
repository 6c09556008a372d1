package io.finrec.vectorsearch.hnsw;

import io.finrec.api.random.Seeds;
import io.finrec.vectorsearch.quant.Quantization;

/**
 * Build settings of an {@link HnswIndex}. Search breadth ({@code ef}) is a per-query setting
 * ({@link io.finrec.api.vector.SearchRequest#withEf}); {@link #defaultEf} only applies when a request names none.
 * Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param m              neighbours kept per node on the upper levels (twice as many on level 0); 16 is a good start,
 *                       32 for high recall on hard data
 * @param efConstruction candidate list size while inserting; higher builds a better graph, more slowly
 * @param defaultEf      search breadth when a request does not set one
 * @param seed           seeds level assignment (a node's level depends only on the seed and its ordinal)
 * @param buildThreads   threads {@link HnswIndex#addAll} and {@link HnswIndex#compact} use
 * @param quantization   {@link Quantization#INT8}: also keep int8 codes, traverse the graph scoring codes and
 *                       re-rank the {@code ef} best on the float vectors (the graph itself is built on floats)
 */
public record HnswConfig(int m, int efConstruction, int defaultEf, long seed, int buildThreads,
                         Quantization quantization) {
    public HnswConfig {
        java.util.Objects.requireNonNull(quantization, "quantization");
        if (m < 2 || m > 512) throw new IllegalArgumentException("m: must be in [2, 512], was " + m);
        if (efConstruction < 1) throw new IllegalArgumentException("efConstruction: must be >= 1, was " + efConstruction);
        if (defaultEf < 1) throw new IllegalArgumentException("defaultEf: must be >= 1, was " + defaultEf);
        if (buildThreads < 1) throw new IllegalArgumentException("buildThreads: must be >= 1, was " + buildThreads);
    }

    /**
     * A builder with the defaults: M=16, efConstruction=100, defaultEf=64, seed 42, one thread per core, no
     * quantisation.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().m(m).efConstruction(efConstruction).defaultEf(defaultEf).seed(seed).buildThreads(buildThreads)
                .quantization(quantization);
    }

    /** Builder for {@link HnswConfig}. Not thread-safe. */
    public static final class Builder {
        private int m = 16;
        private int efConstruction = 100;
        private int defaultEf = 64;
        private long seed = Seeds.DEFAULT_SEED;
        private int buildThreads = Runtime.getRuntime().availableProcessors();
        private Quantization quantization = Quantization.NONE;

        private Builder() {}

        /** Neighbours per node on upper levels (2m on level 0). */
        public Builder m(int v) {
            m = v;
            return this;
        }

        /** Candidate list size while inserting. */
        public Builder efConstruction(int v) {
            efConstruction = v;
            return this;
        }

        /** Search breadth when a request names none. */
        public Builder defaultEf(int v) {
            defaultEf = v;
            return this;
        }

        /** Seed of the level assignment. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Threads for bulk adds and compaction. */
        public Builder buildThreads(int v) {
            buildThreads = v;
            return this;
        }

        /** Int8 codes for traversal with re-ranking on floats, or none. */
        public Builder quantization(Quantization v) {
            quantization = v;
            return this;
        }

        /** Validates and builds. */
        public HnswConfig build() {
            return new HnswConfig(m, efConstruction, defaultEf, seed, buildThreads, quantization);
        }
    }
}
