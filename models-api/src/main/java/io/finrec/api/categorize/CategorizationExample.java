package io.finrec.api.categorize;

import io.finrec.core.util.Checks;

/**
 * A labelled transaction: what a categorizer saw and the category a person (or the bank's ledger) gave it. Used to
 * train, to evaluate and to feed corrections back. Immutable and thread-safe.
 *
 * @param input    the transaction as the categorizer sees it
 * @param category the correct category (a leaf of the taxonomy being trained)
 */
public record CategorizationExample(CategorizationInput input, String category) {
    public CategorizationExample {
        Checks.notNull(input, "input");
        Checks.text(category, "category");
        category = category.strip();
        if (category.equals(TransactionCategorizer.UNCATEGORISED))
            throw new IllegalArgumentException("category: '" + TransactionCategorizer.UNCATEGORISED
                    + "' is the categorizer's own answer and cannot be used as a label");
    }

    /** An example with only a description. */
    public static CategorizationExample of(String description, String category) {
        return new CategorizationExample(CategorizationInput.of(description), category);
    }
}
