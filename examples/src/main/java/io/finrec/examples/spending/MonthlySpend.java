package io.finrec.examples.spending;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A customer's spending in one category and month: the number of debits and their total (a positive amount).
 * Immutable and thread-safe.
 *
 * @param month    the month
 * @param category the category
 * @param count    number of debit transactions
 * @param total    their total, positive
 */
public record MonthlySpend(YearMonth month, String category, long count, double total) {
    public MonthlySpend {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(category, "category");
        if (count < 0) throw new IllegalArgumentException("count: must be >= 0, was " + count);
        if (!Double.isFinite(total)) throw new IllegalArgumentException("total: must be finite, was " + total);
    }
}
