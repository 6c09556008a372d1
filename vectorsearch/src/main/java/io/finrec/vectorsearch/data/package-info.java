/**
 * Benchmark data: the seeded embedding-like generator, {@code .fvecs}/{@code .ivecs} readers and writers, exact
 * ground truth and recall.
 */
package io.finrec.vectorsearch.data;
