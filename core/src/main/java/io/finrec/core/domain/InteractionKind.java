package io.finrec.core.domain;

/**
 * What a customer did with a product. The default weights order the signal strength the way recommenders
 * usually treat implicit feedback. Immutable and thread-safe.
 */
public enum InteractionKind {
    VIEWED(0.25), CLICKED(0.5), APPLIED(0.75), OPENED(1.0), CLOSED(-0.5);

    private final double defaultWeight;

    InteractionKind(double defaultWeight) {
        this.defaultWeight = defaultWeight;
    }

    /** The weight the built-in bank gives this kind of interaction. */
    public double defaultWeight() {
        return defaultWeight;
    }
}
