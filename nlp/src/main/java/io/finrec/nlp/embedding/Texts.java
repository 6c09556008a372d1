package io.finrec.nlp.embedding;

import java.util.Objects;

/** Checks on text handed to the NLP models. Stateless and thread-safe. */
public final class Texts {
    private Texts() {}

    /**
     * Requires non-null, well-formed UTF-16 text: a Java string holding an unpaired surrogate (for example one decoded
     * leniently from invalid UTF-8 or cut in the middle of an emoji) cannot be tokenised faithfully.
     *
     * @throws NullPointerException     naming the field
     * @throws IllegalArgumentException naming the field, the code unit and its char position
     */
    public static String requireWellFormed(String text, String field) {
        Objects.requireNonNull(text, field);
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + ": unpaired UTF-16 surrogate U+"
                        + Integer.toHexString(c).toUpperCase() + " at char " + i);
            }
        }
        return text;
    }
}
