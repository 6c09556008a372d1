package io.finrec.api.vector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A searchable collection of vectors keyed by the caller's string ids (mapped to dense ordinals inside).
 * Implementations document their concurrency contract (FinRec's: concurrent readers with a single writer).
 */
public interface VectorIndex {
    /** The metric. */
    Metric metric();

    /** Vector dimension. */
    int dimension();

    /** Number of live (not deleted) vectors. */
    int size();

    /** Adds a vector, or replaces the vector already stored under this id (upsert). */
    void add(String id, float[] vector);

    /** Deletes a vector; returns false if the id is unknown. Deleted vectors are never returned. */
    boolean delete(String id);

    /** Whether a live vector has this id. */
    boolean contains(String id);

    /** The best {@code request.k()} vectors for a query, best first. */
    List<SearchHit> search(float[] query, SearchRequest request);

    /** Saves the index, with its id map, in FinRec's model-file format. */
    void save(Path file) throws IOException;

    /** Estimated heap bytes held by the index. */
    long ramBytesUsed();
}
