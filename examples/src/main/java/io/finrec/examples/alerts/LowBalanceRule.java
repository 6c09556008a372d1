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
 * Checking accounts that ran low, one alert per account and month: the bank charged an overdraft or returned-item
 * (NSF) fee — direct evidence the balance went below zero — or, when the bank knows the account's balance
 * ({@link CustomerActivity#openingBalances()} plus the running sum of its transactions), the balance fell under
 * {@link AlertThresholds#lowBalance()}. Bank data sets that carry no balances (the built-in bank among them) get the
 * fee evidence only: an estimated balance would be a guess, and guesses make false alarms. Severity:
 * {@code CRITICAL} when overdrawn (a fee, or a balance below zero), {@code WARNING} otherwise. Key: account and month.
 */
public final class LowBalanceRule implements AlertRule {
    /** An overdraft or returned-item (non-sufficient funds) word, whole. */
    private static final java.util.regex.Pattern OVERDRAFT = java.util.regex.Pattern.compile(
            "\\b(?:OVERDRAFT|NSF)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** The word "fee", whole. */
    private static final java.util.regex.Pattern FEE = java.util.regex.Pattern.compile("\\bFEES?\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Whether a description is an overdraft or returned-item fee ("OVERDRAFT ITEM FEE", "NSF Returned Item Fee"). */
    static boolean isOverdraftFee(String description) {
        return OVERDRAFT.matcher(description).find() && FEE.matcher(description).find();
    }

    @Override
    public List<AlertKind> kinds() {
        return List.of(AlertKind.LOW_BALANCE);
    }

    @Override
    public void evaluate(CustomerActivity a, AlertThresholds t, Consumer<Alert> out) {
        for (Account acc : a.accounts()) {
            if (acc.type() != AccountType.CHECKING) continue;
            List<Transaction> txs = new ArrayList<>();
            for (Transaction x : a.transactions())
                if (x.accountId().equals(acc.id()) && !Amounts.date(x).isAfter(a.asOf())) txs.add(x);
            if (txs.isEmpty()) continue;
            Double opening = a.openingBalances().get(acc.id());
            double balance = opening == null ? 0 : opening;
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
                if (x.amount().isNegative() && isOverdraftFee(x.description()))
                    fees.computeIfAbsent(m, k -> new ArrayList<>()).add(x);
            }
            for (Map.Entry<YearMonth, double[]> e : low.entrySet()) {
                YearMonth m = e.getKey();
                double min = e.getValue()[0];
                List<Transaction> f = fees.getOrDefault(m, List.of());
                if (f.isEmpty() && (opening == null || min >= t.lowBalance())) continue;
                LocalDate when = f.isEmpty() ? LocalDate.ofEpochDay((long) e.getValue()[1]) : Amounts.date(f.get(0));
                boolean overdrawn = !f.isEmpty() || (opening != null && min < 0);
                Map<String, String> ev = new LinkedHashMap<>();
                ev.put("account", acc.id());
                ev.put("month", m.toString());
                if (opening != null) {
                    ev.put("minBalance", Amounts.plain(min));
                    ev.put("threshold", Amounts.plain(t.lowBalance()));
                }
                if (!f.isEmpty()) ev.put("fees", String.join(" ", f.stream()
                        .map(x -> x.id() + ":" + Amounts.plain(-Amounts.amount(x))).toList()));
                String tail = acc.id().length() > 4 ? acc.id().substring(acc.id().length() - 4) : acc.id();
                String msg = !f.isEmpty()
                        ? "Your checking account (…" + tail + ") was overdrawn: " + f.size() + " overdraft/returned-item fee"
                          + (f.size() == 1 ? "" : "s") + " in " + m + ", first on " + when
                        : "Your checking account (…" + tail + ") balance fell to " + Amounts.money(min)
                          + " on " + when + ", below your low-balance alert of " + Amounts.money(t.lowBalance());
                out.accept(new Alert(a.customer().id(), AlertKind.LOW_BALANCE, acc.id() + ":" + m,
                        overdrawn ? Severity.CRITICAL : Severity.WARNING, when, msg, ev));
            }
        }
    }
}
