package io.finrec.core.domain;

import io.finrec.core.util.Checks;
import java.time.LocalDate;

/**
 * A life event of a customer on a date (a wedding, a baby, a first house...). Immutable and thread-safe.
 *
 * @param customerId customer id
 * @param kind       what happened
 * @param date       when it happened
 */
public record LifeEvent(String customerId, LifeEventKind kind, LocalDate date) {
    public LifeEvent {
        Checks.id(customerId, "customerId");
        Checks.notNull(kind, "kind");
        Checks.notNull(date, "date");
    }
}
