/**
 * Sentence embeddings: {@link io.finrec.nlp.embedding.MiniLmEmbedder}, all-MiniLM-L6-v2 on DJL's ONNX Runtime
 * engine behind the {@link io.finrec.api.embedding.TextEmbedder} contract, configured by
 * {@link io.finrec.nlp.embedding.MiniLmConfig}. Use {@code MiniLmEmbedder.shared()} to share one model per JVM.
 */
package io.finrec.nlp.embedding;
