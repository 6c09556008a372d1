package io.finrec.vectorsearch.quant;

/**
 * How an index keeps a compact copy of its vectors for scoring. The full {@code float} vectors are always kept (for
 * exact scores, re-ranking, {@code vector(id)} and persistence); quantisation adds a code per component and
 * replaces most float dot products by int8 ones, which read a quarter of the memory. Immutable and thread-safe.
 */
public enum Quantization {
    /** Float vectors only. */
    NONE,
    /**
     * Plus one signed byte per component (per-dimension scale and offset trained on the index's vectors). The flat
     * index scans the codes, bounds each approximate score's error and re-ranks every vector the bound cannot rule
     * out, so its results stay exactly those of the float scan; HNSW traverses its graph on the codes and re-ranks
     * the {@code ef} best on the float vectors. Costs one byte per component and 8 bytes per vector more memory.
     */
    INT8
}
