package io.finrec.api.categorize;

import io.finrec.core.domain.Transaction;
import io.finrec.core.util.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a categorizer sees of one transaction: the raw description plus every other signal the bank has.
 * Immutable and thread-safe.
 *
 * @param description raw statement text, e.g. "POS 4412 WHOLEFDS MKT #10234 AUSTIN TX"
 * @param amount      signed amount (negative = debit), when known
 * @param mcc         card network merchant category code, when present
 * @param customerId  the customer, when known (lets a categorizer use recurrence within a batch)
 * @param timestamp   posting time, when known
 */
public record CategorizationInput(String description, Optional<BigDecimal> amount, OptionalInt mcc,
                                  Optional<String> customerId, Optional<Instant> timestamp) {
    public CategorizationInput {
        Checks.text(description, "description");
        Checks.notNull(amount, "amount");
        Checks.notNull(mcc, "mcc");
        if (mcc.isPresent()) Checks.range(mcc.getAsInt(), 0, 9999, "mcc");
        Checks.notNull(customerId, "customerId");
        Checks.notNull(timestamp, "timestamp");
    }

    /** An input with only a description. */
    public static CategorizationInput of(String description) {
        return new CategorizationInput(description, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty());
    }

    /** An input with everything a {@link Transaction} carries. */
    public static CategorizationInput of(Transaction t) {
        return new CategorizationInput(t.description(), Optional.of(t.amount().amount()), t.mcc(),
                Optional.of(t.customerId()), Optional.of(t.timestamp()));
    }
}
