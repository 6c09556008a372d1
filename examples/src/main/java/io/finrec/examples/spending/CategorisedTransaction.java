package io.finrec.examples.spending;

import io.finrec.api.categorize.CategoryPrediction;
import io.finrec.core.domain.Transaction;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A transaction with the category a categorizer gave it (what the app writes back to the {@code
 * transaction_categories} table). Immutable and thread-safe.
 *
 * @param transactionId the transaction
 * @param customerId    its customer
 * @param month         the month it was posted (UTC)
 * @param amount        the signed amount (negative = money out)
 * @param category      the category, or {@code uncategorised}
 * @param probability   the categorizer's probability for it
 * @param merchant      the cleaned merchant name (may be empty)
 * @param source        what decided ("rule", "mcc", "model", ...)
 */
public record CategorisedTransaction(String transactionId, String customerId, YearMonth month, double amount,
                                     String category, double probability, String merchant, String source) {
    public CategorisedTransaction {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(month, "month");
        if (!Double.isFinite(amount)) throw new IllegalArgumentException("amount: must be finite, was " + amount);
        Objects.requireNonNull(category, "category");
        if (!(probability >= 0 && probability <= 1))
            throw new IllegalArgumentException("probability: must be in [0, 1], was " + probability);
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(source, "source");
    }

    /** Pairs a transaction with a categorizer's answer for it. */
    public static CategorisedTransaction of(Transaction t, CategoryPrediction p) {
        return new CategorisedTransaction(t.id(), t.customerId(), YearMonth.from(t.timestamp().atOffset(ZoneOffset.UTC)),
                t.amount().amount().doubleValue(), p.category(), Math.max(0, Math.min(1, p.probability())),
                p.merchant(), p.source());
    }
}
