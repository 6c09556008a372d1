package io.finrec.nlp.chat;

import java.util.Objects;

/**
 * A time horizon mentioned in a message ("in 5 years", "next summer", "by 2030", "long term"). Immutable and
 * thread-safe.
 *
 * @param months the horizon in months from today, {@code >= 0}
 * @param text   the words it was read from
 */
public record HorizonMention(int months, String text) {
    public HorizonMention {
        Objects.requireNonNull(text, "text");
        if (months < 0) throw new IllegalArgumentException("months: must be >= 0, was " + months);
    }

    /** Whether the horizon is under two years. */
    public boolean isShort() {
        return months < 24;
    }

    /** Whether the horizon is five years or more. */
    public boolean isLong() {
        return months >= 60;
    }
}
