package io.finrec.recsys.hybrid;

/** Per-parameter learning-rate schedule of a {@link HybridTrainer}, as in LightFM. */
public enum LearningSchedule {
    /** AdaGrad: step {@code lr / sqrt(1 + sum of squared gradients)}. */
    ADAGRAD,
    /** AdaDelta with decay {@code rho} and conditioning {@code epsilon}. */
    ADADELTA;

    /** Parses "adagrad" or "adadelta" (case-insensitive). */
    public static LearningSchedule parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schedule: '" + s + "' is not one of adagrad, adadelta");
        }
    }
}
