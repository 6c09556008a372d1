package io.finrec.core.domain;

import io.finrec.core.util.Checks;
import java.time.LocalDate;

/**
 * A savings goal: reach {@code target} in {@code accountId} by {@code deadline}. Progress is the account's balance,
 * derived from its transactions. Immutable and thread-safe.
 *
 * @param id         goal id
 * @param customerId customer id
 * @param accountId  the savings account that funds the goal
 * @param name       e.g. "Emergency fund", "College"
 * @param target     target amount, {@code > 0}
 * @param start      start date
 * @param deadline   target date, after {@code start}
 */
public record SavingsGoal(String id, String customerId, String accountId, String name, Money target,
                          LocalDate start, LocalDate deadline) {
    public SavingsGoal {
        Checks.id(id, "id");
        Checks.id(customerId, "customerId");
        Checks.id(accountId, "accountId");
        Checks.text(name, "name");
        Checks.notNull(target, "target");
        if (target.amount().signum() <= 0) throw new IllegalArgumentException("target: must be > 0");
        Checks.notNull(start, "start");
        Checks.notNull(deadline, "deadline");
        if (!deadline.isAfter(start)) throw new IllegalArgumentException("deadline: must be after start " + start);
    }
}
