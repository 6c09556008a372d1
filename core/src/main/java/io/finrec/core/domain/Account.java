package io.finrec.core.domain;

import io.finrec.core.util.Checks;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * An account a customer holds. Immutable and thread-safe; validated at construction.
 *
 * @param id         account id
 * @param customerId owner's customer id
 * @param type       account type
 * @param productId  the product this account was opened under, if any
 * @param currency   account currency
 * @param opened     opening date
 */
public record Account(String id, String customerId, AccountType type, Optional<String> productId, Currency currency,
                      LocalDate opened) {
    public Account {
        Checks.id(id, "id");
        Checks.id(customerId, "customerId");
        Checks.notNull(type, "type");
        Checks.notNull(productId, "productId");
        productId.ifPresent(p -> Checks.id(p, "productId"));
        Checks.notNull(currency, "currency");
        Checks.notNull(opened, "opened");
    }
}
