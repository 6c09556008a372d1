/**
 * The vector-index contract: {@link io.finrec.api.vector.VectorSearcher} (read-only: search, batch search, lookup,
 * save) and {@link io.finrec.api.vector.VectorIndex} (adds upserts, soft deletes and compaction), with per-query
 * settings ({@link io.finrec.api.vector.SearchRequest}) and filters applied during the search
 * ({@link io.finrec.api.vector.VectorFilter}). Implementations live in {@code finrec-vectorsearch}.
 */
package io.finrec.api.vector;
