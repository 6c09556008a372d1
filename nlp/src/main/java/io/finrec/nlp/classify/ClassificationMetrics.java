package io.finrec.nlp.classify;

import java.util.List;
import java.util.Objects;

/**
 * Accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix of a set of predictions.
 * Immutable and thread-safe.
 */
public final class ClassificationMetrics {
    private final List<String> labels;
    private final long[][] confusion; // [truth][predicted]
    private final long total;

    private ClassificationMetrics(List<String> labels, long[][] confusion, long total) {
        this.labels = labels;
        this.confusion = confusion;
        this.total = total;
    }

    /** Metrics of predicted class ids against true ones; ids index {@code labels}. */
    public static ClassificationMetrics of(List<String> labels, int[] truth, int[] predicted) {
        Objects.requireNonNull(labels, "labels");
        if (truth.length != predicted.length)
            throw new IllegalArgumentException("predicted: " + predicted.length + " predictions for " + truth.length + " labels");
        int k = labels.size();
        long[][] c = new long[k][k];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= k) throw new IllegalArgumentException("truth: class id " + truth[i] + " at row " + i);
            if (predicted[i] < 0 || predicted[i] >= k)
                throw new IllegalArgumentException("predicted: class id " + predicted[i] + " at row " + i);
            c[truth[i]][predicted[i]]++;
        }
        return new ClassificationMetrics(List.copyOf(labels), c, truth.length);
    }

    /** Class names, by id. */
    public List<String> labels() {
        return labels;
    }

    /** Number of predictions. */
    public long count() {
        return total;
    }

    /** Fraction of correct predictions (0 when empty). */
    public double accuracy() {
        long ok = 0;
        for (int i = 0; i < confusion.length; i++) ok += confusion[i][i];
        return total == 0 ? 0 : (double) ok / total;
    }

    /** Precision of one class (0 when it was never predicted). */
    public double precision(int cls) {
        long p = 0;
        for (long[] row : confusion) p += row[cls];
        return p == 0 ? 0 : (double) confusion[cls][cls] / p;
    }

    /** Recall of one class (0 when it never occurs). */
    public double recall(int cls) {
        long t = 0;
        for (long v : confusion[cls]) t += v;
        return t == 0 ? 0 : (double) confusion[cls][cls] / t;
    }

    /** F1 of one class. */
    public double f1(int cls) {
        double p = precision(cls), r = recall(cls);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Unweighted mean of the per-class F1 scores. */
    public double macroF1() {
        double s = 0;
        for (int c = 0; c < confusion.length; c++) s += f1(c);
        return confusion.length == 0 ? 0 : s / confusion.length;
    }

    /** Count of rows with true class {@code truth} predicted as {@code predicted}. */
    public long confusion(int truth, int predicted) {
        return confusion[truth][predicted];
    }

    /** A short multi-line report: accuracy, macro-F1, then per-class P/R/F1. */
    public String report() {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "n=%d accuracy=%.4f macroF1=%.4f%n",
                total, accuracy(), macroF1()));
        for (int c = 0; c < labels.size(); c++) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-12s P=%.4f R=%.4f F1=%.4f%n", labels.get(c),
                    precision(c), recall(c), f1(c)));
        }
        return sb.toString();
    }
}
