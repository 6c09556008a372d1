package io.finrec.nlp.categorize.features;

/**
 * How a transaction recurs for its customer at the same merchant, as seen in a batch or a history: the typical
 * gap between occurrences and whether the amount repeats. Immutable and thread-safe.
 *
 * @param period     the typical period, or {@link Period#NONE}
 * @param sameAmount whether the amounts repeat (within 2 %)
 */
public record Recurrence(Period period, boolean sameAmount) {
    /** No recurrence known. */
    public static final Recurrence NONE = new Recurrence(Period.NONE, false);

    public Recurrence {
        java.util.Objects.requireNonNull(period, "period");
    }

    /** Typical gap between occurrences. */
    public enum Period {
        /** Seen once, or no history. */
        NONE,
        /** About 7 days. */
        WEEKLY,
        /** About 14 days (pay cycles). */
        BIWEEKLY,
        /** 28 to 31 days (bills, rent, salary). */
        MONTHLY,
        /** Seen more than once without a regular gap. */
        IRREGULAR
    }

    /** Classifies a median gap in days. */
    public static Period periodOf(double medianGapDays) {
        if (medianGapDays >= 6 && medianGapDays <= 8) return Period.WEEKLY;
        if (medianGapDays >= 13 && medianGapDays <= 16) return Period.BIWEEKLY;
        if (medianGapDays >= 27 && medianGapDays <= 33) return Period.MONTHLY;
        return Period.IRREGULAR;
    }
}
