package io.finrec.nlp.embedding;

/**
 * What {@link MiniLmEmbedder} does with a text longer than the model's window ({@link MiniLmConfig#maxTokens()}
 * word pieces including {@code [CLS]} and {@code [SEP]}).
 *
 * <p>For reference: langchain4j's {@code AllMiniLmL6V2EmbeddingModel} has code that windows long texts at 510 pieces,
 * but the {@code tokenizer.json} it ships truncates every text to 128 pieces before that code runs, so in effect it
 * truncates at 128 (measured: our {@code TRUNCATE} at 128 matches it with cosine 1 − 1e-14 on texts of 500 to 4000
 * pieces). sentence-transformers truncates all-MiniLM-L6-v2 at 256 pieces. The model was trained on 128-piece
 * sequences.
 */
public enum LongTextPolicy {
    /**
     * Keep the first {@code maxTokens - 2} word pieces and drop the rest. With the default {@code maxTokens = 128} the
     * vectors equal langchain4j's; with 256 they equal sentence-transformers'. Cheapest; the tail of a long text does
     * not influence its vector.
     */
    TRUNCATE,
    /**
     * Split the word pieces into consecutive windows of at most {@code maxTokens - 2} pieces, never starting a window
     * inside a word (on a {@code ##} continuation piece) unless one word is longer than a window, embed each window
     * with its own {@code [CLS]}/{@code [SEP]}, and average the windows' mean-pooled vectors weighted by their piece
     * counts before normalising (the scheme of langchain4j's {@code OnnxBertBiEncoder}). Every part of a long text
     * counts; costs one model row per window.
     */
    WINDOW_AVERAGE
}
