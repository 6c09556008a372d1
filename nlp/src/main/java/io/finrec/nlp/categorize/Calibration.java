package io.finrec.nlp.categorize;

/** Temperature scaling of class probabilities and its measures. Stateless and thread-safe. */
final class Calibration {
    private Calibration() {}

    /** The temperature in [0.05, 20] that minimises the negative log-likelihood of {@code truth}. */
    static double fitTemperature(double[][] probs, int[] truth) {
        double lo = Math.log(0.05), hi = Math.log(20);
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
        double fa = nll(probs, truth, Math.exp(a)), fb = nll(probs, truth, Math.exp(b));
        for (int it = 0; it < 60; it++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = nll(probs, truth, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = nll(probs, truth, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** Probabilities raised to 1/t and renormalised (softmax of logits / t). */
    static double[] temper(double[] p, double t) {
        double[] q = new double[p.length];
        double sum = 0;
        for (int c = 0; c < p.length; c++) sum += q[c] = Math.pow(Math.max(p[c], 1e-300), 1 / t);
        for (int c = 0; c < p.length; c++) q[c] /= sum;
        return q;
    }

    static double nll(double[][] probs, int[] truth, double t) {
        double s = 0;
        for (int i = 0; i < probs.length; i++) s -= Math.log(Math.max(temper(probs[i], t)[truth[i]], 1e-12));
        return s / Math.max(1, probs.length);
    }

    /** Expected calibration error with equal-width confidence bins. */
    static double expectedCalibrationError(double[][] probs, int[] truth, double t, int bins) {
        double[] conf = new double[bins], acc = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < probs.length; i++) {
            double[] q = temper(probs[i], t);
            int best = CategorizerTrainer.argmax(q);
            int b = Math.min(bins - 1, (int) (q[best] * bins));
            conf[b] += q[best];
            acc[b] += best == truth[i] ? 1 : 0;
            count[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) if (count[b] > 0) ece += Math.abs(acc[b] - conf[b]) / probs.length;
        return ece;
    }
}
