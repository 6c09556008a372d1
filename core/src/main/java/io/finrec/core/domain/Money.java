package io.finrec.core.domain;

import io.finrec.core.util.Checks;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * An exact, signed amount of money in one currency. The scale is kept as given (no rounding).
 * Immutable and thread-safe.
 *
 * @param amount   the signed amount; never null
 * @param currency the ISO 4217 currency; never null
 */
public record Money(BigDecimal amount, Currency currency) {
    public Money {
        Checks.notNull(amount, "amount");
        Checks.notNull(currency, "currency");
    }

    /** Money from a decimal string and an ISO currency code, e.g. {@code Money.of("-12.50", "USD")}. */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /** True when the amount is below zero (a debit). */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
