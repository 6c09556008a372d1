package io.finrec.api.categorize;

import io.finrec.core.util.Checks;
import java.util.List;

/**
 * A categorizer's answer for one transaction. When no category is confident enough, {@code category} is
 * {@link TransactionCategorizer#UNCATEGORISED} and {@code top} still lists the best guesses. Immutable and
 * thread-safe.
 *
 * @param category    the chosen category, or {@link TransactionCategorizer#UNCATEGORISED}
 * @param probability probability of the chosen category (of the best guess when uncategorised)
 * @param merchant    the cleaned merchant name, e.g. "Whole Foods Market"
 * @param top         the best categories, most probable first (up to three)
 * @param source      what decided: "rule", "mcc", "model", ...
 */
public record CategoryPrediction(String category, double probability, String merchant, List<CategoryScore> top,
                                 String source) {
    public CategoryPrediction {
        Checks.text(category, "category");
        Checks.finite(probability, "probability");
        Checks.notNull(merchant, "merchant");
        top = List.copyOf(top);
        Checks.text(source, "source");
    }

    /** True unless the answer is {@link TransactionCategorizer#UNCATEGORISED}. */
    public boolean isCategorised() {
        return !TransactionCategorizer.UNCATEGORISED.equals(category);
    }
}
