package io.finrec.examples.alerts;

import io.finrec.core.domain.Transaction;
import io.finrec.examples.spending.SpendingSummary;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Spending in a category far above the customer's own history, with a robust z-score: for each month {@code m} and
 * category, {@code z = (x_m − median) / scale} over the customer's previous months (up to
 * {@value #HISTORY_MONTHS}, months without spending counting as zero, from their first month of data), where
 * {@code scale = max(1.4826 · MAD, 0.1 · median, 10)} — the MAD is the consistent estimator of the standard
 * deviation under normality, and the floor keeps a category that never varies (MAD 0) from alerting on a cent. An
 * alert needs {@code z >= unusualZ}, {@code x_m − median >= unusualMinAmount} and at least
 * {@code unusualMinHistory} months of history, and the category must be a regular one for the customer (spending in
 * at least half of the history months): a first trip after months without travel is not "unusual spending" but a
 * trip. Transfers and salary are not spending. Key: category and month.
 */
public final class UnusualSpendingRule implements AlertRule {
    /** Months of history a month is compared with. */
    public static final int HISTORY_MONTHS = 12;

    @Override
    public List<AlertKind> kinds() {
        return List.of(AlertKind.UNUSUAL_SPENDING);
    }

    @Override
    public void evaluate(CustomerActivity a, AlertThresholds t, Consumer<Alert> out) {
        if (a.transactions().isEmpty()) return;
        YearMonth first = YearMonth.from(Amounts.date(a.transactions().get(0)));
        YearMonth last = YearMonth.from(a.asOf());
        if (last.isBefore(first)) return;
        int months = (int) first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
        Map<String, double[]> spend = new TreeMap<>();
        Map<String, List<List<Transaction>>> txs = new TreeMap<>();
        for (Transaction x : a.transactions()) {
            LocalDate d = Amounts.date(x);
            String c = a.categoryOf(x);
            if (d.isAfter(a.asOf()) || !x.amount().isNegative() || SpendingSummary.NOT_SPENDING.contains(c)
                    || "uncategorised".equals(c)) continue;
            int m = (int) first.until(YearMonth.from(d), java.time.temporal.ChronoUnit.MONTHS);
            spend.computeIfAbsent(c, k -> new double[months])[m] -= Amounts.amount(x);
            List<List<Transaction>> l = txs.computeIfAbsent(c, k -> {
                List<List<Transaction>> n = new ArrayList<>();
                for (int i = 0; i < months; i++) n.add(new ArrayList<>());
                return n;
            });
            l.get(m).add(x);
        }
        double[] h = new double[HISTORY_MONTHS];
        double[] dev = new double[HISTORY_MONTHS];
        for (Map.Entry<String, double[]> e : spend.entrySet()) {
            double[] s = e.getValue();
            for (int m = t.unusualMinHistory(); m < months; m++) {
                int n = 0;
                for (int p = Math.max(0, m - HISTORY_MONTHS); p < m; p++) h[n++] = s[p];
                int active = 0;
                for (int i = 0; i < n; i++) if (h[i] > 0) active++;
                if (2 * active < n) continue;
                double median = Amounts.median(h, n);
                for (int i = 0; i < n; i++) dev[i] = Math.abs(h[i] - median);
                double mad = Amounts.median(dev, n);
                double scale = Math.max(1.4826 * mad, Math.max(0.1 * median, 10));
                double z = (s[m] - median) / scale;
                if (z < t.unusualZ() || s[m] - median < t.unusualMinAmount()) continue;
                YearMonth ym = first.plusMonths(m);
                List<Transaction> in = new ArrayList<>(txs.get(e.getKey()).get(m));
                in.sort((p, q) -> p.amount().amount().compareTo(q.amount().amount()));
                Map<String, String> ev = new LinkedHashMap<>();
                ev.put("category", e.getKey());
                ev.put("month", ym.toString());
                ev.put("amount", Amounts.plain(s[m]));
                ev.put("median", Amounts.plain(median));
                ev.put("mad", Amounts.plain(mad));
                ev.put("z", String.format(Locale.ROOT, "%.2f", z));
                ev.put("historyMonths", Integer.toString(n));
                ev.put("largest", String.join(" ", in.subList(0, Math.min(3, in.size())).stream()
                        .map(x -> x.id() + ":" + Amounts.plain(-Amounts.amount(x))).toList()));
                String month = ym.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + ym.getYear();
                String ratio = median > 0 ? String.format(Locale.ROOT, ", %.1f× your usual %s", s[m] / median,
                        Amounts.money(median)) : " where you usually spend nothing";
                LocalDate date = in.isEmpty() ? ym.atEndOfMonth() : Amounts.date(in.get(0));
                out.accept(new Alert(a.customer().id(), AlertKind.UNUSUAL_SPENDING, e.getKey() + ":" + ym,
                        Severity.WARNING, date.isAfter(a.asOf()) ? a.asOf() : date,
                        "Unusual " + e.getKey() + " spending in " + month + ": " + Amounts.money(s[m]) + ratio
                                + String.format(Locale.ROOT, " (robust z %.1f)", z), ev));
            }
        }
    }
}
