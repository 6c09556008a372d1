package io.finrec.nlp.chat;

import java.util.Optional;

/**
 * Looks customers up by id for {@link ChatRecommender#reply(String, String)}; the application backs it with its own
 * store (the example app uses its SQLite store). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CustomerDirectory {
    /** The customer with this id and the products they hold, or empty if there is no such customer. */
    Optional<ChatCustomer> find(String customerId);
}
