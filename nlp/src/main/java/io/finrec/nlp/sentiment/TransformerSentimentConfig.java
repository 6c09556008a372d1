package io.finrec.nlp.sentiment;

import io.finrec.nlp.transformer.FineTuneConfig;
import java.util.Objects;

/**
 * How {@link TransformerSentiment#train} fine-tunes all-MiniLM-L6-v2 for sentiment. Immutable and thread-safe.
 *
 * @param fineTune      fine-tuning hyper-parameters (layers, epochs, learning rate, seed, validation split...)
 * @param positiveLabel the class reported as positive (e.g. "bullish")
 * @param negativeLabel the class reported as negative (e.g. "bearish")
 * @param batchSize     texts per forward pass when scoring
 * @param companion     a fast TF-IDF model ({@link FinanceSentiment}) to train alongside and blend with, its weight
 *                      picked on the validation split; null for the transformer alone. Its classifier's seed and
 *                      validation fraction are replaced by the fine-tuning ones, so both hold out the same rows.
 */
public record TransformerSentimentConfig(FineTuneConfig fineTune, String positiveLabel, String negativeLabel,
                                         int batchSize, FinanceSentimentConfig companion) {
    /** Validates the settings. */
    public TransformerSentimentConfig {
        Objects.requireNonNull(fineTune, "fineTune");
        Objects.requireNonNull(positiveLabel, "positiveLabel");
        Objects.requireNonNull(negativeLabel, "negativeLabel");
        if (positiveLabel.equals(negativeLabel)) throw new IllegalArgumentException("negativeLabel: equals positiveLabel");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }

    /**
     * The configuration of the shipped model: {@link FineTuneConfig#defaults()}, bullish/bearish, batch 32, blended
     * with a {@link FinanceSentimentConfig#defaults()} companion.
     */
    public static TransformerSentimentConfig defaults() {
        return new TransformerSentimentConfig(FineTuneConfig.defaults(), "bullish", "bearish", 32,
                FinanceSentimentConfig.defaults());
    }

    /** A copy with other fine-tuning settings. */
    public TransformerSentimentConfig withFineTune(FineTuneConfig c) {
        return new TransformerSentimentConfig(c, positiveLabel, negativeLabel, batchSize, companion);
    }

    /** A copy with another companion (null: no blending). */
    public TransformerSentimentConfig withCompanion(FinanceSentimentConfig c) {
        return new TransformerSentimentConfig(fineTune, positiveLabel, negativeLabel, batchSize, c);
    }
}
