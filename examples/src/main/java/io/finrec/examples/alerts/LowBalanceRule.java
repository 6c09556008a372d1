package io.finrec.examples.alerts;

import io.finrec.core.domain.Account;
import io.finrec.core.domain.AccountType;
import io.finrec.core.domain.Transaction;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Checking accounts that ran low, one alert per account and month: the bank charged an overdraft or
 * returned-item (NSF) fee — direct evidence the balance went below zero — or the estimated balance fell under
 * {@link AlertThresholds#lowBalance()}.
 *
 * <p>Bank data sets (the built-in bank included) carry transactions but no balances, so the balance is estimated as
 * an opening balance plus the running sum of the account's transactions; the opening balance is taken as the
 * account's median monthly inflow (about one pay cycle). A bank with real balances replaces {@link #estimate}'s
 * opening balance with the true one. Severity: {@code CRITICAL} when overdrawn (fee or estimate below zero),
 * {@code WARNING} otherwise.
 */
public final class LowBalanceRule implements AlertRule {
    @Override
    public List<AlertKind> kinds() {
        return List.of(AlertKind.LOW_BALANCE);
    }

    /** The estimated opening balance of an account: its median monthly inflow over the months it has data. */
    static double estimate(List<Transaction> txs) {
        Map<YearMonth, Double> in = new TreeMap<>();
        for (Transaction x : txs) {
            YearMonth m = YearMonth.from(Amounts.date(x));
            in.merge(m, Math.max(0, Amounts.amount(x)), Double::sum);
        }
        if (in.isEmpty()) return 0;
        double[] v = in.values().stream().mapToDouble(Double::doubleValue).toArray();
        return Amounts.median(v, v.length);
    }

    @Override
    public void evaluate(CustomerActivity a, AlertThresholds t, Consumer<Alert> out) {
        for (Account acc : a.accounts()) {
            if (acc.type() != AccountType.CHECKING) continue;
            List<Transaction> txs = new ArrayList<>();
            for (Transaction x : a.transactions())
                if (x.accountId().equals(acc.id()) && !Amounts.date(x).isAfter(a.asOf())) txs.add(x);
            if (txs.isEmpty()) continue;
            double opening = estimate(txs);
            double balance = opening;
            Map<YearMonth, double[]> low = new TreeMap<>();          // month -> {min balance, epoch day of min}
            Map<YearMonth, List<Transaction>> fees = new TreeMap<>();
            for (Transaction x : txs) {
                balance += Amounts.amount(x);
                YearMonth m = YearMonth.from(Amounts.date(x));
                double[] l = low.computeIfAbsent(m, k -> new double[] {Double.POSITIVE_INFINITY, 0});
                if (balance < l[0]) {
                    l[0] = balance;
                    l[1] = Amounts.date(x).toEpochDay();
                }
                String d = x.description().toUpperCase(Locale.ROOT);
                if (x.amount().isNegative() && (d.contains("OVERDRAFT") || d.contains("NSF")))
                    fees.computeIfAbsent(m, k -> new ArrayList<>()).add(x);
            }
            for (Map.Entry<YearMonth, double[]> e : low.entrySet()) {
                YearMonth m = e.getKey();
                double min = e.getValue()[0];
                List<Transaction> f = fees.getOrDefault(m, List.of());
                if (f.isEmpty() && min >= t.lowBalance()) continue;
                LocalDate when = f.isEmpty() ? LocalDate.ofEpochDay((long) e.getValue()[1]) : Amounts.date(f.get(0));
                boolean overdrawn = !f.isEmpty() || min < 0;
                Map<String, String> ev = new LinkedHashMap<>();
                ev.put("account", acc.id());
                ev.put("month", m.toString());
                ev.put("estimatedMinBalance", Amounts.plain(min));
                ev.put("estimatedOpeningBalance", Amounts.plain(opening));
                ev.put("threshold", Amounts.plain(t.lowBalance()));
                if (!f.isEmpty()) ev.put("fees", String.join(" ", f.stream()
                        .map(x -> x.id() + ":" + Amounts.plain(-Amounts.amount(x))).toList()));
                String tail = acc.id().length() > 4 ? acc.id().substring(acc.id().length() - 4) : acc.id();
                String msg = !f.isEmpty()
                        ? "Your checking account (…" + tail + ") was overdrawn: " + f.size() + " overdraft/returned-item fee"
                          + (f.size() == 1 ? "" : "s") + " in " + m + ", first on " + when
                        : "Your checking account (…" + tail + ") balance fell to an estimated " + Amounts.money(min)
                          + " on " + when + ", below your low-balance alert of " + Amounts.money(t.lowBalance());
                out.accept(new Alert(a.customer().id(), AlertKind.LOW_BALANCE, acc.id() + ":" + m,
                        overdrawn ? Severity.CRITICAL : Severity.WARNING, when, msg, ev));
            }
        }
    }
}
