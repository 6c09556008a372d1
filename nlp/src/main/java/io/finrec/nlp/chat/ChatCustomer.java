package io.finrec.nlp.chat;

import io.finrec.core.domain.Customer;
import java.util.Objects;
import java.util.Set;

/**
 * The customer a chat message comes from: the profile eligibility is checked against and the products already held
 * (which are never recommended again). Immutable and thread-safe.
 *
 * @param customer       the profile
 * @param heldProductIds ids of products the customer already holds
 */
public record ChatCustomer(Customer customer, Set<String> heldProductIds) {
    public ChatCustomer {
        Objects.requireNonNull(customer, "customer");
        heldProductIds = Set.copyOf(Objects.requireNonNull(heldProductIds, "heldProductIds"));
    }
}
