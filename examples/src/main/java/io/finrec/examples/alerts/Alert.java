package io.finrec.examples.alerts;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One alert for one customer. {@code (customerId, kind, key)} identifies it: running the rules again on the same data
 * produces the same keys, which is what makes storing alerts idempotent. Immutable and thread-safe.
 *
 * @param customerId the customer
 * @param kind       the rule that raised it
 * @param key        what it is about, stable across runs (a transaction id, a day, a month, a goal and status...)
 * @param severity   how urgent
 * @param date       when it happened (or, for goals and upcoming payments, the as-of date)
 * @param message    the text the customer sees, e.g. "You have exceeded your transaction limit of $5,000"
 * @param evidence   the facts behind it, in a fixed order (amounts, thresholds, transaction ids, statistics)
 */
public record Alert(String customerId, AlertKind kind, String key, Severity severity, LocalDate date, String message,
                    Map<String, String> evidence) {
    public Alert {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(message, "message");
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(evidence, "evidence")));
    }
}
