package io.finrec.nlp.sentiment;

import io.finrec.nlp.classify.ClassifierConfig;
import io.finrec.nlp.classify.TfIdfVectorizer;
import java.util.Objects;

/**
 * How {@link FinanceSentiment#train} builds a model: TF-IDF n-gram features, optionally MiniLM sentence embeddings
 * and VADER scores appended, and the softmax classifier's hyper-parameters. Immutable and thread-safe.
 *
 * @param vectorizer      n-gram settings
 * @param useEmbeddings   append the 384-d all-MiniLM-L6-v2 embedding (slower: about 200 texts/s on 2 cores)
 * @param embeddingWeight scale of the (unit-length) embedding block relative to the unit-length n-gram blocks
 * @param useVader        append VADER's neg/neu/pos/compound
 * @param classifier      classifier hyper-parameters (seed, class weighting, validation split...)
 * @param positiveLabel   the class reported as positive (e.g. "bullish")
 * @param negativeLabel   the class reported as negative (e.g. "bearish")
 */
public record FinanceSentimentConfig(TfIdfVectorizer.Config vectorizer, boolean useEmbeddings, double embeddingWeight,
                                     boolean useVader, ClassifierConfig classifier, String positiveLabel,
                                     String negativeLabel) {
    public FinanceSentimentConfig {
        Objects.requireNonNull(vectorizer, "vectorizer");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(positiveLabel, "positiveLabel");
        Objects.requireNonNull(negativeLabel, "negativeLabel");
        if (!(embeddingWeight > 0) || !Double.isFinite(embeddingWeight))
            throw new IllegalArgumentException("embeddingWeight: must be positive, was " + embeddingWeight);
        if (positiveLabel.equals(negativeLabel)) throw new IllegalArgumentException("negativeLabel: equals positiveLabel");
    }

    /** The configuration of the shipped model (see docs/sentiment.md for how it was chosen). */
    public static FinanceSentimentConfig defaults() {
        return new FinanceSentimentConfig(TfIdfVectorizer.Config.defaults(), false, 1.0, true,
                ClassifierConfig.builder().epochs(40).learningRate(0.01).weightDecay(1e-5).validationFraction(0.15)
                        .patience(8).build(), "bullish", "bearish");
    }

    /** A copy with other classifier settings. */
    public FinanceSentimentConfig withClassifier(ClassifierConfig c) {
        return new FinanceSentimentConfig(vectorizer, useEmbeddings, embeddingWeight, useVader, c, positiveLabel, negativeLabel);
    }

    /** A copy with embeddings switched on or off. */
    public FinanceSentimentConfig withEmbeddings(boolean on, double weight) {
        return new FinanceSentimentConfig(vectorizer, on, weight, useVader, classifier, positiveLabel, negativeLabel);
    }

    /** A copy with other n-gram settings. */
    public FinanceSentimentConfig withVectorizer(TfIdfVectorizer.Config v) {
        return new FinanceSentimentConfig(v, useEmbeddings, embeddingWeight, useVader, classifier, positiveLabel, negativeLabel);
    }
}
