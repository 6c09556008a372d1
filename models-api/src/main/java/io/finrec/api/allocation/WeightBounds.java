package io.finrec.api.allocation;

/**
 * Lower and upper limits on a weight (of one asset or of a group of assets). Immutable and thread-safe.
 *
 * @param lower smallest allowed weight, finite (use e.g. -1 to allow shorting)
 * @param upper largest allowed weight, finite, {@code >= lower}
 */
public record WeightBounds(double lower, double upper) {
    /** Long-only, no cap: [0, 1]. */
    public static final WeightBounds LONG_ONLY = new WeightBounds(0.0, 1.0);

    public WeightBounds {
        if (!Double.isFinite(lower)) throw new IllegalArgumentException("lower: must be finite, was " + lower);
        if (!Double.isFinite(upper)) throw new IllegalArgumentException("upper: must be finite, was " + upper);
        if (lower > upper)
            throw new IllegalArgumentException("bounds: lower " + lower + " is above upper " + upper);
    }

    /** Bounds {@code [lower, upper]}. */
    public static WeightBounds of(double lower, double upper) {
        return new WeightBounds(lower, upper);
    }

    /** Whether {@code w} lies within the bounds, allowing {@code tolerance}. */
    public boolean contains(double w, double tolerance) {
        return w >= lower - tolerance && w <= upper + tolerance;
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "]";
    }
}
