package io.finrec.nlp.social;

import io.finrec.core.domain.ProductType;
import java.util.List;
import java.util.Objects;

/**
 * How strongly a customer's posts point to a product type, with the reasons. Immutable and thread-safe.
 *
 * @param productType the product type
 * @param score       summed, recency-weighted evidence (&gt; 0; comparable within one customer and across customers)
 * @param reasons     why, strongest first
 */
public record ProductAffinity(ProductType productType, double score, List<Reason> reasons) {
    public ProductAffinity {
        Objects.requireNonNull(productType, "productType");
        reasons = List.copyOf(reasons);
    }
}
