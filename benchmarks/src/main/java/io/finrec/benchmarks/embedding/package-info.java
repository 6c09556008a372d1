/**
 * JMH benchmarks of sentence embedding: FinRec's {@code MiniLmEmbedder} beside langchain4j's all-MiniLM-L6-v2 model
 * (same ONNX file) in one run, plus {@code EmbeddingAB}, an interleaved A/B timing of the two for noisy shared machines.
 */
package io.finrec.benchmarks.embedding;
