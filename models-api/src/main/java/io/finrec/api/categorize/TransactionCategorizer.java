package io.finrec.api.categorize;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns raw bank transaction descriptions (and amount, MCC, recurrence) into spending categories with calibrated
 * probabilities and a cleaned merchant name.
 *
 * <p>Answers use the categorizer's {@link #taxonomy()}: {@link CategoryPrediction#category()} is a bank category,
 * or {@link #UNCATEGORISED} when the most probable category is below the categorizer's confidence threshold.
 *
 * <p>Implementations are immutable and thread-safe unless their javadoc says otherwise.
 */
public interface TransactionCategorizer {
    /** The answer when no category is confident enough. */
    String UNCATEGORISED = "uncategorised";

    /** Categorizes one transaction. */
    CategoryPrediction categorize(CategorizationInput input);

    /**
     * Categorizes a batch, in order. Implementations may use the batch as context (e.g. a merchant that recurs
     * monthly for the same customer) and may be faster than one call per input.
     */
    default List<CategoryPrediction> categorizeAll(List<CategorizationInput> inputs) {
        List<CategoryPrediction> out = new ArrayList<>(inputs.size());
        for (CategorizationInput in : inputs) out.add(categorize(in));
        return out;
    }

    /** The bank categories this categorizer can answer (after its taxonomy), excluding {@link #UNCATEGORISED}. */
    List<String> categories();

    /** The taxonomy the answers are expressed in. */
    default Taxonomy taxonomy() {
        return Taxonomy.IDENTITY;
    }
}
