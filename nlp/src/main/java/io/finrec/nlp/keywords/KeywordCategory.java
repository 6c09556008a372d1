package io.finrec.nlp.keywords;

import java.util.Locale;

/** What kind of financial signal a {@link Keyword} is. */
public enum KeywordCategory {
    /** A banking or investment product (mortgage, credit card, ISA, 401k, fixed deposit...). */
    PRODUCT,
    /** A life event (wedding, new job, baby, moving, home purchase, retirement, college...). */
    LIFE_EVENT,
    /** A stock or crypto ticker written as a cashtag ({@code $AAPL}). */
    TICKER,
    /** A money amount with its currency; canonical form {@code "5000 GBP"}. */
    AMOUNT,
    /** A time horizon: {@code short_term} (under a year), {@code medium_term} (1-5 years), {@code long_term}. */
    HORIZON,
    /** What the author wants or reports doing (buy, sell, cancel, switch, complaint, declined, fraud...). */
    INTENT;

    /** Lower-case name as used in vocabulary files and labels, e.g. {@code life_event}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}. */
    public static KeywordCategory fromId(String id) {
        for (KeywordCategory c : values()) if (c.id().equals(id)) return c;
        throw new IllegalArgumentException("category: unknown '" + id + "'");
    }
}
