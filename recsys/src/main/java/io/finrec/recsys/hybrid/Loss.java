package io.finrec.recsys.hybrid;

/** The loss a {@link HybridTrainer} minimises; the same four as LightFM. */
public enum Loss {
    /** Pointwise logistic loss on every interaction; values {@code <= 0} are negatives (as LightFM). */
    LOGISTIC,
    /** Bayesian Personalised Ranking: a positive against one sampled negative; optimises AUC. */
    BPR,
    /** Weighted Approximate-Rank Pairwise: samples negatives until one violates the margin; optimises the top. */
    WARP,
    /** k-th order statistic WARP: the positive is the k-th best of {@code n} sampled positives of the user. */
    WARP_KOS;

    /** Parses "warp", "bpr", "logistic", "warp-kos" (case-insensitive, '_' or '-'). */
    public static Loss parse(String s) {
        String t = s.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (t.equals("KOS")) return WARP_KOS;
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("loss: '" + s + "' is not one of logistic, bpr, warp, warp-kos");
        }
    }
}
