package io.finrec.core.domain;

import io.finrec.core.util.Checks;
import java.time.Instant;

/**
 * One customer–product event (a view, an application, an account opening...). Immutable and thread-safe.
 *
 * @param customerId customer id
 * @param productId  product id
 * @param kind       what happened
 * @param weight     finite signal strength (negative for a closure)
 * @param time       when it happened (UTC)
 */
public record Interaction(String customerId, String productId, InteractionKind kind, double weight, Instant time) {
    public Interaction {
        Checks.id(customerId, "customerId");
        Checks.id(productId, "productId");
        Checks.notNull(kind, "kind");
        Checks.finite(weight, "weight");
        Checks.notNull(time, "time");
    }
}
