package io.finrec.nlp.chat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount of money mentioned in a message ("$20k", "5,000 euros", "ten thousand dollars"). Immutable and
 * thread-safe.
 *
 * @param value    the amount, {@code > 0}
 * @param currency the currency when the text named one
 * @param text     the words it was read from
 */
public record AmountMention(BigDecimal value, Optional<Currency> currency, String text) {
    public AmountMention {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(text, "text");
        if (value.signum() <= 0) throw new IllegalArgumentException("value: must be > 0, was " + value);
    }
}
