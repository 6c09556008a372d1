package io.finrec.api.categorize;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns raw bank transaction descriptions (and amount, MCC, recurrence) into spending categories with calibrated
 * probabilities and a cleaned merchant name.
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

    /** The category names this categorizer can answer (leaves of its taxonomy), excluding UNCATEGORISED. */
    List<String> categories();
}
