package io.finrec.examples.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs the alert rules on one customer's activity under a policy:
 *
 * <pre>{@code
 * AlertEngine engine = new AlertEngine(AlertPolicy.read(Path.of("alerts.json")));
 * List<Alert> alerts = engine.evaluate(activity);   // ordered by date, kind, key
 * }</pre>
 *
 * The same activity always gives the same alerts with the same keys (rules are deterministic), so storing them with
 * {@code (customer, kind, key)} as the primary key is idempotent. Immutable and thread-safe: evaluate customers
 * concurrently from many threads.
 */
public final class AlertEngine {
    /** The built-in rules, one per family. */
    public static final List<AlertRule> DEFAULT_RULES = List.of(new LimitRule(), new SavingsGoalRule(), new LoanRule(),
            new UnusualSpendingRule(), new LowBalanceRule());

    /** Bumped whenever a built-in rule changes what it raises (part of a run's fingerprint). */
    public static final int RULES_VERSION = 3;

    private final AlertPolicy policy;
    private final List<AlertRule> rules;

    /** An engine with the built-in rules. */
    public AlertEngine(AlertPolicy policy) {
        this(policy, DEFAULT_RULES);
    }

    /** An engine with these rules (the built-in ones plus a bank's own, say). */
    public AlertEngine(AlertPolicy policy, List<AlertRule> rules) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.rules = List.copyOf(rules);
    }

    /** The policy. */
    public AlertPolicy policy() {
        return policy;
    }

    /** Every alert for the customer as of {@link CustomerActivity#asOf()}, by date, then kind, then key. */
    public List<Alert> evaluate(CustomerActivity activity) {
        Objects.requireNonNull(activity, "activity");
        AlertThresholds t = policy.thresholdsFor(activity.customer());
        List<Alert> out = new ArrayList<>();
        for (AlertRule r : rules) {
            if (r.kinds().stream().noneMatch(policy::enabled)) continue;
            r.evaluate(activity, t, a -> {
                if (policy.enabled(a.kind())) out.add(a);
            });
        }
        out.sort(Comparator.comparing(Alert::date).thenComparing(Alert::kind).thenComparing(Alert::key));
        return out;
    }
}
