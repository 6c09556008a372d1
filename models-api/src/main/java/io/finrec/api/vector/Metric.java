package io.finrec.api.vector;

/**
 * Similarity metric of a vector index. Scores are always "higher is closer":
 * <ul>
 *   <li>{@link #INNER_PRODUCT}: the dot product;</li>
 *   <li>{@link #COSINE}: vectors are L2-normalised on add and on query, the score is their dot product clamped to
 *       [-1, 1];</li>
 *   <li>{@link #L2}: the negated squared Euclidean distance.</li>
 * </ul>
 */
public enum Metric {
    INNER_PRODUCT, COSINE, L2
}
