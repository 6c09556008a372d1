package io.finrec.core.domain;

import io.finrec.core.util.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One posted bank transaction. The amount is signed: negative for money leaving the account (debits),
 * positive for money arriving (credits). Immutable and thread-safe; validated at construction.
 *
 * @param id          transaction id
 * @param customerId  customer id
 * @param accountId   account id
 * @param timestamp   posting time (UTC)
 * @param amount      signed amount with currency; never zero
 * @param description the raw statement description, e.g. "POS 4412 WHOLEFDS MKT #10234 AUSTIN TX"
 * @param merchant    the cleaned merchant name when known
 * @param category    the spending category when known (label, or the categorizer's answer)
 * @param mcc         the card network's merchant category code when present (0..9999)
 */
public record Transaction(String id, String customerId, String accountId, Instant timestamp, Money amount,
                          String description, Optional<String> merchant, Optional<String> category, OptionalInt mcc) {
    public Transaction {
        Checks.id(id, "id");
        Checks.id(customerId, "customerId");
        Checks.id(accountId, "accountId");
        Checks.notNull(timestamp, "timestamp");
        Checks.notNull(amount, "amount");
        if (amount.amount().signum() == 0) throw new IllegalArgumentException("amount: must not be zero");
        Checks.text(description, "description");
        Checks.notNull(merchant, "merchant");
        merchant.ifPresent(m -> Checks.text(m, "merchant"));
        Checks.notNull(category, "category");
        category.ifPresent(c -> Checks.text(c, "category"));
        Checks.notNull(mcc, "mcc");
        if (mcc.isPresent()) Checks.range(mcc.getAsInt(), 0, 9999, "mcc");
    }

    /** True for money leaving the account. */
    public boolean isDebit() {
        return amount.isNegative();
    }

    /** A copy of this transaction with the given category. */
    public Transaction withCategory(String newCategory) {
        return new Transaction(id, customerId, accountId, timestamp, amount, description, merchant,
                Optional.of(newCategory), mcc);
    }
}
