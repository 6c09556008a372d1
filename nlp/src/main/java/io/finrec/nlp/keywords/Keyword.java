package io.finrec.nlp.keywords;

import java.util.Objects;

/**
 * One financial keyword found in a text. Immutable and thread-safe.
 *
 * @param category  what kind of signal it is
 * @param canonical normalised value: a vocabulary id ({@code credit_card}, {@code wedding}), an upper-case ticker,
 *                  an amount as {@code "<plain number> <ISO currency>"} or a horizon bucket
 * @param surface   the matched text as written
 * @param start     start offset in the text (UTF-16 units, inclusive)
 * @param end       end offset (exclusive)
 */
public record Keyword(KeywordCategory category, String canonical, String surface, int start, int end) {
    public Keyword {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(surface, "surface");
        if (start < 0 || end < start) throw new IllegalArgumentException("start/end: bad span " + start + ".." + end);
    }

    /** {@code category:canonical}, the form used in labels and feature names. */
    public String key() {
        return category.id() + ":" + canonical;
    }
}
