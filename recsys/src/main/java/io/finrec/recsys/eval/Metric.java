package io.finrec.recsys.eval;

/** The ranking metrics {@link RankingEvaluator} computes per user. */
public enum Metric {
    /** Fraction of the top k that are test positives (LightFM's {@code precision_at_k}). */
    PRECISION,
    /** Fraction of the user's test positives in the top k ({@code recall_at_k}). */
    RECALL,
    /** Probability a test positive outranks a non-interacted item ({@code auc_score}). */
    AUC,
    /** 1 / (1 + rank of the best-ranked test positive) ({@code reciprocal_rank}). */
    RECIPROCAL_RANK,
    /** Normalised discounted cumulative gain of the top k, binary relevance. */
    NDCG,
    /** 1 when at least one test positive is in the top k. */
    HIT_RATE;

    /** The JSON-friendly name, e.g. "precision". */
    public String key() {
        return switch (this) {
            case PRECISION -> "precision";
            case RECALL -> "recall";
            case AUC -> "auc";
            case RECIPROCAL_RANK -> "mrr";
            case NDCG -> "ndcg";
            case HIT_RATE -> "hitRate";
        };
    }
}
