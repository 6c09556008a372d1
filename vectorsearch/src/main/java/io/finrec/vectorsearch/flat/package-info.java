/** The exact (flat) vector index: blocked, batched, multi-threaded brute-force search. */
package io.finrec.vectorsearch.flat;
