package io.finrec.api.sentiment;

import io.finrec.core.util.Checks;

/**
 * Sentiment of one text in VADER's terms: the proportions of negative, neutral and positive content (each in
 * [0, 1]) and a normalised compound score in [-1, 1], plus a label. Immutable and thread-safe.
 *
 * @param negative negative proportion
 * @param neutral  neutral proportion
 * @param positive positive proportion
 * @param compound normalised overall score, -1 (most negative) to +1 (most positive)
 * @param label    the scorer's label, e.g. negative/neutral/positive (VADER) or bearish/neutral/bullish (learned)
 */
public record SentimentScore(double negative, double neutral, double positive, double compound, String label) {
    public SentimentScore {
        unit(negative, "negative");
        unit(neutral, "neutral");
        unit(positive, "positive");
        Checks.finite(compound, "compound");
        if (compound < -1 || compound > 1) throw new IllegalArgumentException("compound: " + compound + " is outside [-1, 1]");
        Checks.text(label, "label");
    }

    private static void unit(double v, String field) {
        Checks.finite(v, field);
        if (v < 0 || v > 1) throw new IllegalArgumentException(field + ": " + v + " is outside [0, 1]");
    }
}
