package io.finrec.examples.recommend;

import java.util.List;
import java.util.Objects;

/**
 * One product recommended to a customer, with why. Immutable and thread-safe.
 *
 * @param productId   the product
 * @param productName its name
 * @param score       the ranking score (comparable between the products of one customer and one source)
 * @param source      what recommended it: {@code hybrid}, {@code user-cf}, {@code social}, {@code popularity}
 * @param reasons     human-readable reasons, strongest first (features, similar customers, posts)
 */
public record ProductRecommendation(String productId, String productName, double score, String source,
                                    List<String> reasons) {
    public ProductRecommendation {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(productName, "productName");
        if (!Double.isFinite(score)) throw new IllegalArgumentException("score: must be finite, was " + score);
        Objects.requireNonNull(source, "source");
        reasons = List.copyOf(reasons);
    }
}
