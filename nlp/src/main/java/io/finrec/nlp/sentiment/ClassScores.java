package io.finrec.nlp.sentiment;

import io.finrec.api.sentiment.SentimentScore;
import io.finrec.nlp.classify.ClassificationMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Maps class probabilities of a learned sentiment model to the {@link SentimentScore} contract
 * ({@code negative = P(negative class)}, {@code positive = P(positive class)}, {@code neutral = 1 - both},
 * {@code compound = positive - negative}, label = most probable class) and evaluates such models. Immutable.
 */
final class ClassScores {
    private final List<String> labels;
    private final int positive, negative;

    ClassScores(List<String> labels, String positiveLabel, String negativeLabel) {
        this.labels = List.copyOf(labels);
        this.positive = labels.indexOf(positiveLabel);
        this.negative = labels.indexOf(negativeLabel);
    }

    List<String> labels() {
        return labels;
    }

    String positiveLabel() {
        return positive >= 0 ? labels.get(positive) : "";
    }

    String negativeLabel() {
        return negative >= 0 ? labels.get(negative) : "";
    }

    SentimentScore toScore(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        double pos = positive >= 0 ? p[positive] : 0, neg = negative >= 0 ? p[negative] : 0;
        double neu = Math.max(0, Math.min(1, 1 - pos - neg));
        double compound = Math.max(-1, Math.min(1, pos - neg));
        return new SentimentScore(clamp(neg), neu, clamp(pos), compound, labels.get(best));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Accuracy, macro-F1 and per-class figures of a scorer on labelled texts (labels must be among {@link #labels}). */
    ClassificationMetrics evaluate(List<LabeledText> data, Function<List<String>, List<SentimentScore>> scoreAll) {
        Objects.requireNonNull(data, "data");
        if (data.isEmpty()) throw new IllegalArgumentException("data: no rows");
        List<String> texts = new ArrayList<>(data.size());
        int[] truth = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            LabeledText r = data.get(i);
            truth[i] = labels.indexOf(r.label());
            if (truth[i] < 0)
                throw new IllegalArgumentException("data: unknown label '" + r.label() + "' at row " + (i + 1) + "; expected one of " + labels);
            texts.add(r.text());
        }
        int[] pred = new int[truth.length];
        List<SentimentScore> scores = scoreAll.apply(texts);
        for (int i = 0; i < pred.length; i++) pred[i] = labels.indexOf(scores.get(i).label());
        return ClassificationMetrics.of(labels, truth, pred);
    }
}
