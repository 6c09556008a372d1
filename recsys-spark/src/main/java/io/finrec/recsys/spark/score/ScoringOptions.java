package io.finrec.recsys.spark.score;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a batch-scoring run. Build with {@link #builder()}; immutable, thread-safe and small enough to ship to
 * every Spark worker.
 *
 * @param k               items per customer, {@code >= 1}
 * @param reasons         contributions explained per recommended item (features, then similar held products), 0
 *                        for none
 * @param useItemBias     rank with item biases (popularity terms); {@code false} ranks by the personal score only
 * @param useIdentity     give customers the model knows their identity embedding (joined by id, never broadcast);
 *                        {@code false} scores everyone from features alone
 * @param unknownFeatures what to do with a customer feature the model does not know
 * @param exclude         products never to recommend to anyone (on top of each customer's {@code held})
 * @param candidates      restrict ranking to these products; empty = the whole catalogue
 * @param eligibility     product eligibility rules applied to each customer's attributes, or {@code null} for none
 */
public record ScoringOptions(int k, int reasons, boolean useItemBias, boolean useIdentity,
                             UnknownFeatures unknownFeatures, Set<String> exclude, Set<String> candidates,
                             EligibilityTable eligibility) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What to do with customer features the model does not know. */
    public enum UnknownFeatures {
        /** Fail the job, naming the customer and the feature (default: a silent skip could hide a schema drift). */
        FAIL,
        /** Leave them out of the customer's representation. */
        IGNORE
    }

    public ScoringOptions {
        if (k < 1) throw new IllegalArgumentException("k: must be >= 1, was " + k);
        if (reasons < 0) throw new IllegalArgumentException("reasons: must be >= 0, was " + reasons);
        Objects.requireNonNull(unknownFeatures, "unknownFeatures");
        exclude = Set.copyOf(Objects.requireNonNull(exclude, "exclude"));
        candidates = Set.copyOf(Objects.requireNonNull(candidates, "candidates"));
    }

    /** Top-10, 3 reasons per item, item biases on, identities on, unknown features fail, no rules. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ScoringOptions}. Not thread-safe. */
    public static final class Builder {
        private int k = 10;
        private int reasons = 3;
        private boolean useItemBias = true;
        private boolean useIdentity = true;
        private UnknownFeatures unknownFeatures = UnknownFeatures.FAIL;
        private Set<String> exclude = Set.of();
        private Set<String> candidates = Set.of();
        private EligibilityTable eligibility;

        private Builder() {}

        /** Items per customer (default 10). */
        public Builder k(int v) { k = v; return this; }
        /** Contributions explained per item (default 3; 0 = no reasons). */
        public Builder reasons(int v) { reasons = v; return this; }
        /** Rank with item biases (default true). */
        public Builder useItemBias(boolean v) { useItemBias = v; return this; }
        /** Use known customers' identity embeddings (default true). */
        public Builder useIdentity(boolean v) { useIdentity = v; return this; }
        /** Unknown-feature policy (default FAIL). */
        public Builder unknownFeatures(UnknownFeatures v) { unknownFeatures = v; return this; }
        /** Products never recommended (default none). */
        public Builder exclude(Set<String> v) { exclude = v; return this; }
        /** Candidate products (default: all). */
        public Builder candidates(Set<String> v) { candidates = v; return this; }
        /** Eligibility rules (default none). */
        public Builder eligibility(EligibilityTable v) { eligibility = v; return this; }

        /** Validates and builds. */
        public ScoringOptions build() {
            return new ScoringOptions(k, reasons, useItemBias, useIdentity, unknownFeatures, exclude, candidates,
                    eligibility);
        }
    }
}
