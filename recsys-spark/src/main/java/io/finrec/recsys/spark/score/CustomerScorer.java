package io.finrec.recsys.spark.score;

import io.finrec.api.recommend.Explanation;
import io.finrec.api.recommend.ItemFilter;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.Representations;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Eligibility;
import io.finrec.recsys.hybrid.HybridModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scores one customer at a time with a users-free {@link HybridModel} ({@link HybridModel#withoutUsers()}): the
 * customer's representation is their identity embedding (when known) plus their named features, ranked by
 * {@link HybridModel#recommendFor} — the single-machine model's own arithmetic and ranking — with held products
 * excluded and eligibility applied. The work of each Spark task, and of the plain-Java baseline it is measured
 * against. Thread-safe (the model is immutable; every call allocates its own buffers).
 */
public final class CustomerScorer {
    private final HybridModel model;
    private final ScoringOptions options;
    private final Map<String, Eligibility> rules;
    private final Set<String> knownFeatures;
    private final RecommendQuery base;

    /**
     * @param model   a model; a users-free copy is enough (and is what workers hold)
     * @param options the run's settings
     */
    public CustomerScorer(HybridModel model, ScoringOptions options) {
        this.model = Objects.requireNonNull(model, "model");
        this.options = Objects.requireNonNull(options, "options");
        this.rules = options.eligibility() == null ? Map.of() : options.eligibility().rules();
        this.knownFeatures = new HashSet<>(model.userFeatureNames());
        RecommendQuery q = RecommendQuery.top(options.k()).withExcludeKnown(false).withItemBias(options.useItemBias());
        if (!options.candidates().isEmpty()) q = q.withCandidates(options.candidates());
        this.base = q;
    }

    /**
     * One customer's top-k.
     *
     * @param customerId the customer (used in reasons and error messages)
     * @param identity   their identity representation, or {@code null} (unknown to the model, or identities off)
     * @param names      their named features, in order (may be empty)
     * @param weights    the features' weights
     * @param held       products they hold: excluded, and the history reasons compare with
     * @param customer   their attributes for eligibility, or {@code null} when no rules apply
     * @return the recommendations, best first, with reasons when the options ask for them
     */
    public Scored score(String customerId, Representations.Vector identity, List<String> names, double[] weights,
                        Collection<String> held, Customer customer) {
        Objects.requireNonNull(customerId, "customerId");
        if (names.size() != weights.length)
            throw new IllegalArgumentException("features: customer '" + customerId + "' has " + names.size()
                    + " feature names but " + weights.length + " weights");
        Map<String, Double> features = new LinkedHashMap<>(names.size() * 2);
        for (int q = 0; q < weights.length; q++) {
            String name = names.get(q);
            if (name == null) throw new IllegalArgumentException("features: customer '" + customerId
                    + "' has a null feature name");
            if (!knownFeatures.contains(name)) {
                if (options.unknownFeatures() == ScoringOptions.UnknownFeatures.IGNORE) continue;
                throw new IllegalArgumentException("features: customer '" + customerId + "' has feature '" + name
                        + "', which the model does not know (use unknownFeatures=IGNORE to skip such features)");
            }
            if (!Double.isFinite(weights[q]))
                throw new IllegalArgumentException("features: customer '" + customerId + "' feature '" + name
                        + "' has non-finite weight " + weights[q]);
            features.merge(name, weights[q], Double::sum);
        }
        RecommendQuery q = base;
        Set<String> exclude = options.exclude();
        if (!held.isEmpty()) {
            exclude = new HashSet<>(options.exclude());
            exclude.addAll(held);
        }
        if (!exclude.isEmpty()) q = q.withExclude(exclude);
        if (customer != null && !rules.isEmpty()) q = q.withFilter(eligible(customer));
        List<RecommendedItem> top = model.recommendFor(identity, features, q);
        List<List<Explanation.Contribution>> reasons = new ArrayList<>(top.size());
        if (options.reasons() > 0) {
            for (RecommendedItem r : top) {
                Explanation e = model.explainFor(customerId, identity, features, r.itemId(), held, options.reasons());
                List<Explanation.Contribution> c = new ArrayList<>(e.features());
                c.addAll(e.similarItems());
                reasons.add(c);
            }
        }
        return new Scored(customerId, top, reasons);
    }

    private ItemFilter eligible(Customer c) {
        return item -> {
            Eligibility e = rules.get(item);
            return e == null || e.admits(c);
        };
    }

    /** The options this scorer applies. */
    public ScoringOptions options() {
        return options;
    }

    /**
     * One customer's result. Immutable and thread-safe.
     *
     * @param customerId the customer
     * @param items      recommendations, best first
     * @param reasons    per recommendation: its feature contributions then its most similar held products (empty
     *                   lists when reasons are off)
     */
    public record Scored(String customerId, List<RecommendedItem> items, List<List<Explanation.Contribution>> reasons) {
        public Scored {
            items = List.copyOf(items);
            reasons = List.copyOf(reasons);
        }
    }
}
