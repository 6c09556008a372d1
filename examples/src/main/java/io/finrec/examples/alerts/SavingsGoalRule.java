package io.finrec.examples.alerts;

import io.finrec.core.domain.SavingsGoal;
import io.finrec.core.domain.Transaction;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where each savings goal stands as of the as-of date: {@code REACHED} when the money saved covers the target,
 * {@code ON_TRACK} when it is at least {@link AlertThresholds#goalOnTrack()} of what a steady pace to the deadline
 * would have saved by now, {@code BEHIND} otherwise (and always once the deadline has passed unreached).
 *
 * <p>The money saved is the net flow into the goal's account since the goal started — observed only from the
 * customer's first transaction on (earlier savings are not in the data), with the expected amount measured over the
 * same observed span; goals sharing an account share its flow in proportion to their targets. Key: goal id and
 * status, so a goal raises a new alert only when its status changes.
 */
public final class SavingsGoalRule implements AlertRule {
    /** A goal's status. */
    public enum Status { BEHIND, ON_TRACK, REACHED }

    @Override
    public List<AlertKind> kinds() {
        return List.of(AlertKind.SAVINGS_GOAL);
    }

    @Override
    public void evaluate(CustomerActivity a, AlertThresholds t, Consumer<Alert> out) {
        if (a.goals().isEmpty()) return;
        LocalDate dataStart = a.transactions().isEmpty() ? a.asOf() : Amounts.date(a.transactions().get(0));
        for (SavingsGoal g : a.goals()) {
            if (g.start().isAfter(a.asOf())) continue;
            LocalDate from = g.start().isBefore(dataStart) ? dataStart : g.start();
            LocalDate to = a.asOf().isBefore(g.deadline()) ? a.asOf() : g.deadline();
            double flow = 0;
            for (Transaction x : a.transactions()) {
                LocalDate d = Amounts.date(x);
                if (x.accountId().equals(g.accountId()) && !d.isBefore(from) && !d.isAfter(to)) flow += Amounts.amount(x);
            }
            double shareTargets = 0;
            for (SavingsGoal o : a.goals())
                if (o.accountId().equals(g.accountId()) && !o.start().isAfter(a.asOf()) && !o.deadline().isBefore(from))
                    shareTargets += o.target().amount().doubleValue();
            double target = g.target().amount().doubleValue();
            double share = shareTargets > 0 ? target / shareTargets : 1;
            double saved = Math.max(0, flow) * share;
            long total = Math.max(1, ChronoUnit.DAYS.between(g.start(), g.deadline()));
            long observed = Math.max(0, ChronoUnit.DAYS.between(from, to));
            double expected = target * observed / total;
            boolean pastDeadline = a.asOf().isAfter(g.deadline());
            Status status = saved >= target ? Status.REACHED
                    : !pastDeadline && saved >= t.goalOnTrack() * expected ? Status.ON_TRACK : Status.BEHIND;
            Map<String, String> ev = new LinkedHashMap<>();
            ev.put("goal", g.id());
            ev.put("account", g.accountId());
            ev.put("target", Amounts.plain(target));
            ev.put("saved", Amounts.plain(saved));
            ev.put("expected", Amounts.plain(expected));
            ev.put("observed", from + ".." + to);
            ev.put("deadline", g.deadline().toString());
            if (share < 1) ev.put("share", String.format(java.util.Locale.ROOT, "%.3f", share));
            String msg = switch (status) {
                case REACHED -> "You reached your savings goal \"" + g.name() + "\": " + Amounts.money(saved) + " of "
                        + Amounts.money(target);
                case ON_TRACK -> "Your savings goal \"" + g.name() + "\" is on track: " + Amounts.money(saved)
                        + " saved, " + Amounts.money(expected) + " expected by now (target " + Amounts.money(target)
                        + " by " + g.deadline() + ")";
                case BEHIND -> pastDeadline
                        ? "Your savings goal \"" + g.name() + "\" passed its deadline " + g.deadline() + " with "
                          + Amounts.money(saved) + " of " + Amounts.money(target) + " saved"
                        : "Your savings goal \"" + g.name() + "\" is behind: " + Amounts.money(saved) + " saved, "
                          + Amounts.money(expected) + " expected by now (target " + Amounts.money(target) + " by "
                          + g.deadline() + ")";
            };
            out.accept(new Alert(a.customer().id(), AlertKind.SAVINGS_GOAL, g.id() + ":" + status,
                    status == Status.BEHIND ? Severity.WARNING : Severity.INFO, a.asOf(), msg, ev));
        }
    }
}
