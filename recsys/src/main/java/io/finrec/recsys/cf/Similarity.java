package io.finrec.recsys.cf;

/** User–user similarity of {@link UserKnnTrainer}. */
public enum Similarity {
    /** {@code dot(u, v) / (|u| |v| + shrinkage)} over weighted interaction vectors. */
    COSINE,
    /** {@code |u ∩ v| / (|u ∪ v| + shrinkage)} over binary interaction sets. */
    JACCARD;

    /** Parses "cosine" or "jaccard" (case-insensitive). */
    public static Similarity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("similarity: '" + s + "' is not one of cosine, jaccard");
        }
    }
}
