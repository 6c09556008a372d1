/** The text-embedding contract, {@link io.finrec.api.embedding.TextEmbedder}. */
package io.finrec.api.embedding;
