package io.finrec.examples.alerts;

import io.finrec.core.domain.Transaction;
import io.finrec.examples.spending.SpendingSummary;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Spending limits: one debit above the per-transaction limit, one day or one calendar month above the daily or
 * monthly limit. Spending is every debit up to the as-of date whose category is not a transfer or salary
 * ({@link SpendingSummary#NOT_SPENDING}). Keys: the transaction id, the day, the month.
 */
public final class LimitRule implements AlertRule {
    @Override
    public List<AlertKind> kinds() {
        return List.of(AlertKind.TRANSACTION_LIMIT, AlertKind.DAILY_LIMIT, AlertKind.MONTHLY_LIMIT);
    }

    @Override
    public void evaluate(CustomerActivity a, AlertThresholds t, Consumer<Alert> out) {
        String id = a.customer().id();
        Map<LocalDate, List<Transaction>> byDay = new TreeMap<>();
        for (Transaction x : a.transactions()) {
            LocalDate d = Amounts.date(x);
            if (d.isAfter(a.asOf()) || !x.amount().isNegative() || SpendingSummary.NOT_SPENDING.contains(a.categoryOf(x)))
                continue;
            double amt = -Amounts.amount(x);
            if (amt > t.perTransactionLimit()) {
                Map<String, String> ev = new LinkedHashMap<>();
                ev.put("transaction", x.id());
                ev.put("amount", Amounts.plain(amt));
                ev.put("limit", Amounts.plain(t.perTransactionLimit()));
                ev.put("category", a.categoryOf(x));
                ev.put("description", x.description());
                out.accept(new Alert(id, AlertKind.TRANSACTION_LIMIT, x.id(), Severity.WARNING, d,
                        "You have exceeded your transaction limit of " + Amounts.money(t.perTransactionLimit()) + ": "
                                + Amounts.money(amt) + " (" + x.merchant().orElse(x.description()) + ") on " + d, ev));
            }
            byDay.computeIfAbsent(d, k -> new ArrayList<>()).add(x);
        }
        Map<YearMonth, List<Transaction>> byMonth = new TreeMap<>();
        for (Map.Entry<LocalDate, List<Transaction>> e : byDay.entrySet()) {
            byMonth.computeIfAbsent(YearMonth.from(e.getKey()), k -> new ArrayList<>()).addAll(e.getValue());
            period(a, AlertKind.DAILY_LIMIT, e.getKey().toString(), e.getKey(), e.getValue(), t.dailyLimit(),
                    "daily", "on " + e.getKey(), out);
        }
        for (Map.Entry<YearMonth, List<Transaction>> e : byMonth.entrySet()) {
            List<Transaction> txs = e.getValue();
            LocalDate last = Amounts.date(txs.get(txs.size() - 1));
            period(a, AlertKind.MONTHLY_LIMIT, e.getKey().toString(), last, txs, t.monthlyLimit(), "monthly",
                    "in " + e.getKey(), out);
        }
    }

    private static void period(CustomerActivity a, AlertKind kind, String key, LocalDate date, List<Transaction> txs,
                               double limit, String what, String when, Consumer<Alert> out) {
        double total = 0;
        for (Transaction x : txs) total -= Amounts.amount(x);
        if (total <= limit) return;
        List<Transaction> largest = new ArrayList<>(txs);
        largest.sort((p, q) -> p.amount().amount().compareTo(q.amount().amount()));
        Map<String, String> ev = new LinkedHashMap<>();
        ev.put("total", Amounts.plain(total));
        ev.put("limit", Amounts.plain(limit));
        ev.put("transactions", Integer.toString(txs.size()));
        ev.put("largest", String.join(" ", largest.subList(0, Math.min(5, largest.size())).stream()
                .map(x -> x.id() + ":" + Amounts.plain(-Amounts.amount(x))).toList()));
        out.accept(new Alert(a.customer().id(), kind, key, Severity.WARNING, date, "You have exceeded your " + what
                + " spending limit of " + Amounts.money(limit) + ": " + Amounts.money(total) + " spent " + when, ev));
    }
}
