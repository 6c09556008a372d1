package io.finrec.nlp.categorize.eval;

import io.finrec.api.categorize.CategorizationExample;
import io.finrec.api.categorize.CategorizationInput;
import io.finrec.api.categorize.CategoryPrediction;
import io.finrec.api.categorize.TransactionCategorizer;
import io.finrec.core.util.Checks;
import io.finrec.nlp.classify.ClassificationMetrics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates any {@link TransactionCategorizer} on labelled transactions: accuracy and macro-F1 of the most probable
 * category, coverage and accuracy at the categorizer's threshold, calibration error and the confusion matrix.
 * Labels the categorizer cannot answer count as errors. Stateless and thread-safe.
 */
public final class CategorizerEvaluation {
    private static final int BATCH = 4096;

    private CategorizerEvaluation() {}

    /** Evaluates {@code categorizer} on {@code examples} (categorised in batches, in order). */
    public static EvaluationReport evaluate(TransactionCategorizer categorizer, List<CategorizationExample> examples) {
        Checks.notNull(categorizer, "categorizer");
        Checks.notNull(examples, "examples");
        if (examples.isEmpty()) throw new IllegalArgumentException("examples: nothing to evaluate");
        Set<String> labelSet = new LinkedHashSet<>(categorizer.categories());
        for (CategorizationExample e : examples) labelSet.add(Checks.notNull(e, "examples[]").category());
        List<String> labels = new ArrayList<>(labelSet);
        int n = examples.size();
        int[] truth = new int[n], pred = new int[n];
        double[] conf = new double[n];
        long answered = 0, answeredRight = 0;
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            List<CategorizationInput> batch = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) batch.add(examples.get(i).input());
            List<CategoryPrediction> out = categorizer.categorizeAll(batch);
            for (int i = from; i < to; i++) {
                CategoryPrediction p = out.get(i - from);
                truth[i] = labels.indexOf(examples.get(i).category());
                String top = p.top().isEmpty() ? p.category() : p.top().get(0).category();
                pred[i] = labels.indexOf(top);
                if (pred[i] < 0) pred[i] = labels.indexOf(p.category());
                conf[i] = p.top().isEmpty() ? p.probability() : p.top().get(0).probability();
                if (p.isCategorised()) {
                    answered++;
                    if (p.category().equals(examples.get(i).category())) answeredRight++;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ClassificationMetrics m = ClassificationMetrics.of(labels, truth, pred);
        return new EvaluationReport(m, answered, answered == 0 ? 0 : (double) answeredRight / answered,
                calibrationError(truth, pred, conf, 10), seconds);
    }

    static double calibrationError(int[] truth, int[] pred, double[] conf, int bins) {
        double[] c = new double[bins], a = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < truth.length; i++) {
            int b = Math.min(bins - 1, Math.max(0, (int) (conf[i] * bins)));
            c[b] += conf[i];
            a[b] += truth[i] == pred[i] ? 1 : 0;
            count[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) if (count[b] > 0) ece += Math.abs(a[b] - c[b]) / truth.length;
        return ece;
    }
}
