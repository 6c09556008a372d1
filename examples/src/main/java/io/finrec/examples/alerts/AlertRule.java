package io.finrec.examples.alerts;

import java.util.List;
import java.util.function.Consumer;

/**
 * One family of alert rules. Implementations are stateless, immutable and thread-safe; they only read the activity
 * and report alerts, never anything after {@link CustomerActivity#asOf()} except scheduled loan due dates.
 */
public interface AlertRule {
    /** The kinds this rule can raise. */
    List<AlertKind> kinds();

    /** Evaluates the rule for one customer with their thresholds. */
    void evaluate(CustomerActivity activity, AlertThresholds thresholds, Consumer<Alert> out);
}
