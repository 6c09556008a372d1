package io.finrec.api.categorize;

import io.finrec.core.util.Checks;

/**
 * A category with its probability. Immutable and thread-safe.
 *
 * @param category    category name
 * @param probability calibrated probability in [0, 1]
 */
public record CategoryScore(String category, double probability) {
    public CategoryScore {
        Checks.text(category, "category");
        Checks.finite(probability, "probability");
        if (probability < 0 || probability > 1)
            throw new IllegalArgumentException("probability: " + probability + " is outside [0, 1]");
    }
}
