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
     * parallel use up to {@code threads} threads. The default adds one by one. On cancellation the vectors added so
     * far stay in the index.
     */
    default void addAll(List<String> ids, List<float[]> vectors, int threads, ProgressListener progress) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(progress, "progress");
        if (ids.size() != vectors.size())
            throw new IllegalArgumentException("vectors: " + vectors.size() + " vectors for " + ids.size() + " ids");
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        var tracker = io.finrec.api.progress.ProgressTracker.start("add vectors", ids.size(), "vectors", progress);
        for (int i = 0; i < ids.size(); i++) {
            try {
                add(ids.get(i), vectors.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + i + " (id '" + ids.get(i) + "'): " + e.getMessage(), e);
            }
            tracker.advance(1);
        }
    }

    /** Deletes a vector; returns false if no live vector has this id. Deleted vectors are never returned. */
    boolean delete(String id);

    /** Reclaims the space of deleted vectors (renumbering ordinals inside). Searches may run meanwhile. */
    void compact();

    /** Number of deleted vectors still holding space until {@link #compact()}. */
    int deletedCount();
}
