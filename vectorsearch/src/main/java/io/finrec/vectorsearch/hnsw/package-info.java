/**
 * The HNSW approximate index: multi-threaded build with heuristic neighbour selection, seeded levels, filters
 * applied during traversal (exact scan of the accepted set when a filter is very selective), soft deletes,
 * upserts, compaction and search while adding.
 */
package io.finrec.vectorsearch.hnsw;
