/**
 * Per-query search machinery shared by the indexes: the bounded top-k heap, filters resolved to ordinals, query
 * validation. Internal to {@code finrec-vectorsearch}: public only so the sibling packages can share it.
 */
package io.finrec.vectorsearch.search;
