package io.finrec.nlp.categorize;

import io.finrec.nlp.categorize.features.Recurrence;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds, within a batch, transactions that recur for the same customer at the same merchant, and how often.
 * Transactions without a customer or a timestamp never recur. Stateless and thread-safe.
 */
final class RecurrenceDetector {
    private RecurrenceDetector() {}

    /** One transaction's recurrence key and facts. */
    record Occurrence(Optional<String> customer, String merchant, Optional<Instant> time, Optional<BigDecimal> amount) {}

    /** The recurrence of each occurrence, by position. */
    static Recurrence[] detect(List<Occurrence> items) {
        Recurrence[] out = new Recurrence[items.size()];
        Arrays.fill(out, Recurrence.NONE);
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Occurrence o = items.get(i);
            if (o.customer().isEmpty() || o.time().isEmpty() || o.merchant().isEmpty()) continue;
            groups.computeIfAbsent(o.customer().get() + '\u0000' + o.merchant(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> g : groups.values()) {
            if (g.size() < 2) continue;
            long[] t = new long[g.size()];
            for (int k = 0; k < t.length; k++) t[k] = items.get(g.get(k)).time().get().getEpochSecond();
            Arrays.sort(t);
            double[] gaps = new double[t.length - 1];
            for (int k = 1; k < t.length; k++) gaps[k - 1] = (t[k] - t[k - 1]) / 86400.0;
            Arrays.sort(gaps);
            double median = gaps[gaps.length / 2];
            Recurrence.Period period = Recurrence.periodOf(median);
            boolean same = true;
            BigDecimal first = null;
            for (int i : g) {
                Optional<BigDecimal> a = items.get(i).amount();
                if (a.isEmpty()) {
                    same = false;
                    break;
                }
                if (first == null) first = a.get().abs();
                else {
                    double x = first.doubleValue(), y = a.get().abs().doubleValue();
                    if (Math.abs(x - y) > 0.02 * Math.max(x, y)) same = false;
                }
            }
            Recurrence r = new Recurrence(period, same);
            for (int i : g) out[i] = r;
        }
        return out;
    }
}
