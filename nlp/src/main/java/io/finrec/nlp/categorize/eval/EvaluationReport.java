package io.finrec.nlp.categorize.eval;

import io.finrec.nlp.classify.ClassificationMetrics;
import java.util.List;
import java.util.Locale;

/**
 * The result of evaluating a categorizer on labelled transactions. Immutable and thread-safe.
 *
 * @param metrics                  top-1 accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix
 *                                 of the most probable category (ignoring the uncategorised threshold)
 * @param answered                 transactions given a category (not "uncategorised")
 * @param answeredAccuracy         accuracy on the answered transactions
 * @param expectedCalibrationError gap between confidence and accuracy (10 equal-width bins)
 * @param seconds                  wall time of the categorization
 */
public record EvaluationReport(ClassificationMetrics metrics, long answered, double answeredAccuracy,
                               double expectedCalibrationError, double seconds) {
    /** Share of transactions given a category. */
    public double coverage() {
        return metrics.count() == 0 ? 0 : (double) answered / metrics.count();
    }

    /** The confusion matrix as a text table (rows: truth, columns: predicted; abbreviated names). */
    public String confusionTable() {
        List<String> labels = metrics.labels();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s", "truth\\pred"));
        for (String l : labels) sb.append(String.format(Locale.ROOT, "%6s", abbreviate(l)));
        sb.append('\n');
        for (int t = 0; t < labels.size(); t++) {
            sb.append(String.format(Locale.ROOT, "%-14s", abbreviate14(labels.get(t))));
            for (int p = 0; p < labels.size(); p++) sb.append(String.format(Locale.ROOT, "%6d", metrics.confusion(t, p)));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A readable summary: headline figures, per-class scores and the confusion matrix. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "transactions %d  accuracy %.4f  macro-F1 %.4f%n", metrics.count(),
                metrics.accuracy(), metrics.macroF1()));
        sb.append(String.format(Locale.ROOT, "answered %.1f%% (rest uncategorised), accuracy when answered %.4f, "
                + "calibration error %.4f, %.2fs%n", 100 * coverage(), answeredAccuracy, expectedCalibrationError, seconds));
        sb.append("per category:\n");
        for (int c = 0; c < metrics.labels().size(); c++)
            sb.append(String.format(Locale.ROOT, "  %-14s precision %.3f  recall %.3f  F1 %.3f%n",
                    metrics.labels().get(c), metrics.precision(c), metrics.recall(c), metrics.f1(c)));
        sb.append("confusion matrix:\n").append(confusionTable());
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 5 ? s : s.substring(0, 5);
    }

    private static String abbreviate14(String s) {
        return s.length() <= 13 ? s : s.substring(0, 13);
    }
}
