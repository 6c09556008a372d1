package io.finrec.api.vector;

import io.finrec.api.progress.ProgressListener;
import java.util.List;
import java.util.Objects;

/**
 * A searchable, updatable collection of vectors keyed by the caller's string ids (mapped to dense ordinals inside).
 *
 * <p><b>Concurrency contract</b> (every FinRec implementation): any number of threads may search while one thread at
 * a time changes the index (writers are serialised by the index itself, so concurrent writers are safe but do not run
 * in parallel). A search sees every change that completed before it started; a search running concurrently with
 * an upsert of id X may return X's old or new vector or neither, but never a torn vector, and never a vector whose
 * {@link #delete} returned before the search began.
 *
 * <p>Deletes are soft: the vector stops being returned at once and its memory is reclaimed by {@link #compact()}.
 */
public interface VectorIndex extends VectorSearcher {
    /**
     * Adds a vector, or replaces the vector already stored under this id (upsert). The array is copied.
     *
     * @throws IllegalArgumentException if the id is empty, the dimension is wrong, a component is NaN or infinite,
     *                                  or (cosine) the vector is zero
     */
    void add(String id, float[] vector);

    /**
     * Adds (or upserts) many vectors, reporting progress and checking cancellation; indexes that can build in
     * parallel use up to {@code threads} threads. Every row is checked first (id, dimension, finite components,
     * non-zero under cosine), so a bad row fails, naming its row number, before anything is added. On cancellation
     * the vectors added so far stay in the index. The default checks, then adds one by one.
     */
    default void addAll(List<String> ids, List<float[]> vectors, int threads, ProgressListener progress) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(progress, "progress");
        if (ids.size() != vectors.size())
            throw new IllegalArgumentException("vectors: " + vectors.size() + " vectors for " + ids.size() + " ids");
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        for (int i = 0; i < ids.size(); i++) {
            String problem = problem(ids.get(i), vectors.get(i));
            if (problem != null)
                throw new IllegalArgumentException("row " + i + " (id '" + ids.get(i) + "'): " + problem);
        }
        var tracker = io.finrec.api.progress.ProgressTracker.start("add vectors", ids.size(), "vectors", progress);
        for (int i = 0; i < ids.size(); i++) {
            add(ids.get(i), vectors.get(i));
            tracker.advance(1);
        }
    }

    /** What is wrong with a row for {@link #add}, or {@code null}. */
    private String problem(String id, float[] v) {
        if (id == null || id.isEmpty()) return "id: must not be null or empty";
        if (v == null) return "vector: is null";
        if (v.length != dimension()) return "vector: dimension " + v.length + ", the index holds " + dimension();
        double norm = 0;
        for (int j = 0; j < v.length; j++) {
            if (!Float.isFinite(v[j])) return "vector: component " + j + " is " + v[j] + " (must be finite)";
            norm += (double) v[j] * v[j];
        }
        if (metric() == Metric.COSINE && norm == 0) return "vector: is the zero vector, which has no cosine similarity";
        return null;
    }

    /** Deletes a vector; returns false if no live vector has this id. Deleted vectors are never returned. */
    boolean delete(String id);

    /** Reclaims the space of deleted vectors (renumbering ordinals inside). Searches may run meanwhile. */
    void compact();

    /** Number of deleted vectors still holding space until {@link #compact()}. */
    int deletedCount();
}
