/**
 * Vector storage shared by the indexes: paged contiguous floats or memory-mapped buffers, the id map, soft-delete
 * bits, and their persisted layout. Internal to {@code finrec-vectorsearch}: public only so the sibling packages can
 * share it.
 */
package io.finrec.vectorsearch.storage;
