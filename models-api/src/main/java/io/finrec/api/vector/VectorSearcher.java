package io.finrec.api.vector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The read-only side of a vector index: search by vector, look a vector up by id, save. A memory-mapped index opened
 * read-only is only a {@code VectorSearcher}; a {@link VectorIndex} is also one.
 *
 * <p>Ids are the caller's strings; inside, indexes work on dense ordinals. Scores are "higher is closer" (see
 * {@link Metric}). Searches are thread-safe: any number of threads may search one searcher at once, and per-query
 * settings (k, filter, ef) travel in the {@link SearchRequest}, never in the index.
 *
 * <p>Errors: a query of the wrong dimension, with NaN or infinite components, or with a zero norm under
 * {@link Metric#COSINE} fails with an {@link IllegalArgumentException} that names the argument (and, in a batch, the
 * row).
 */
public interface VectorSearcher {
    /** The metric. */
    Metric metric();

    /** Vector dimension. */
    int dimension();

    /** Number of live (not deleted) vectors. */
    int size();

    /** Whether a live vector has this id. */
    boolean contains(String id);

    /**
     * A copy of the stored vector for this id (normalised if the metric is {@link Metric#COSINE}), or empty if no live
     * vector has it.
     */
    Optional<float[]> vector(String id);

    /** The best {@code min(request.k(), accepted live vectors)} vectors for a query, best first (ties: lower ordinal first). */
    List<SearchHit> search(float[] query, SearchRequest request);

    /**
     * Searches many queries with the same settings, using up to {@code threads} threads; element {@code i} of the
     * result answers {@code queries[i]}. Exact indexes score many queries per pass over the data, so this is much
     * faster than a loop of {@link #search}. The default implementation spreads {@link #search} calls over threads.
     */
    default List<List<SearchHit>> searchBatch(float[][] queries, SearchRequest request, int threads) {
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(request, "request");
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        @SuppressWarnings("unchecked")
        List<SearchHit>[] out = new List[queries.length];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i; (i = next.getAndIncrement()) < queries.length; ) {
                if (queries[i] == null) throw new IllegalArgumentException("queries[" + i + "]: is null");
                try {
                    out[i] = search(queries[i], request);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("queries[" + i + "]: " + e.getMessage(), e);
                }
            }
        };
        BatchRunner.run(Math.min(threads, Math.max(1, queries.length)), worker);
        return new ArrayList<>(List.of(out));
    }

    /** Saves the index, with its id map, in FinRec's model-file format ({@code io.finrec.api.model.ModelFile}). */
    void save(Path file) throws IOException;

    /** Estimated heap bytes held by the index (memory-mapped data is not heap and is not counted). */
    long ramBytesUsed();
}
