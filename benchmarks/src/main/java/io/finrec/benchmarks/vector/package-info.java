/**
 * Vector search benchmarks: exact flat scans (single and batched, Vector API and scalar), HNSW search and build
 * beside jvector and Lucene on the same data, and {@link io.finrec.benchmarks.vector.AnnComparison} for full
 * recall/QPS curves.
 */
package io.finrec.benchmarks.vector;
