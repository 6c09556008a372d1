package io.finrec.examples.store;

import io.finrec.core.domain.Product;

/**
 * How many customers currently hold a product (opened and not closed since). Immutable and thread-safe.
 *
 * @param product the product
 * @param holders number of customers holding it
 */
public record ProductHolding(Product product, long holders) {}
