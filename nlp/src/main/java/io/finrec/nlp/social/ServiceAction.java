package io.finrec.nlp.social;

import java.util.List;
import java.util.Objects;

/**
 * A service the bank should offer rather than a product to sell: {@code card_support}, {@code fraud_support},
 * {@code complaint_follow_up}, {@code retention_outreach}, {@code hardship_support}. Immutable and thread-safe.
 *
 * @param action  the action id
 * @param score   recency-weighted evidence
 * @param reasons why, strongest first
 */
public record ServiceAction(String action, double score, List<Reason> reasons) {
    public ServiceAction {
        Objects.requireNonNull(action, "action");
        reasons = List.copyOf(reasons);
    }
}
