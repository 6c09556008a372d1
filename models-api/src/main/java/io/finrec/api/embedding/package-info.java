/**
 * The text-embedding contract, {@link io.finrec.api.embedding.TextEmbedder}: texts to unit vectors whose dot
 * product is their cosine similarity. The all-MiniLM-L6-v2 implementation lives in {@code io.finrec.nlp.embedding}.
 */
package io.finrec.api.embedding;
