/**
 * Optional int8 scalar quantisation of stored vectors: a per-dimension quantiser trained on the index's own vectors,
 * the growing code store beside the float vectors, and prepared queries whose approximate scores come with a
 * rigorous error bound (so the flat index stays exact and HNSW re-ranks on full vectors). Internal to
 * {@code finrec-vectorsearch} except {@link io.finrec.vectorsearch.quant.Quantization}, the user-facing switch.
 */
package io.finrec.vectorsearch.quant;
