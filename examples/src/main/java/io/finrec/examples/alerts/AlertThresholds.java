package io.finrec.examples.alerts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The thresholds the rules use for one customer. Limits apply to spending: debits that are not transfers between
 * accounts (a card payment is not new spending). Immutable and thread-safe.
 *
 * @param perTransactionLimit largest single debit before {@link AlertKind#TRANSACTION_LIMIT}
 * @param dailyLimit          largest total of one day before {@link AlertKind#DAILY_LIMIT}
 * @param monthlyLimit        largest total of one month before {@link AlertKind#MONTHLY_LIMIT}
 * @param lowBalance          balance under which a checking account is low ({@link AlertKind#LOW_BALANCE})
 * @param unusualZ            robust z-score at or above which category spending is unusual
 * @param unusualMinAmount    smallest excess over the usual (median) month for an unusual-spending alert
 * @param unusualMinHistory   months of history a category needs before it can be unusual
 * @param loanDueDays         days ahead an instalment is announced as due
 * @param loanGraceDays       days after the due date before an unpaid instalment counts as missed
 * @param goalOnTrack         share of the expected progress a savings goal needs to be on track (e.g. 0.9)
 */
public record AlertThresholds(double perTransactionLimit, double dailyLimit, double monthlyLimit, double lowBalance,
                              double unusualZ, double unusualMinAmount, int unusualMinHistory, int loanDueDays,
                              int loanGraceDays, double goalOnTrack) {
    /** The defaults: $5,000 a transaction, $10,000 a day, $20,000 a month, $100 low balance, z 3.5 and $150, ... */
    public static final AlertThresholds DEFAULTS = new AlertThresholds(5_000, 10_000, 20_000, 100, 3.5, 150, 3, 7, 5, 0.9);

    public AlertThresholds {
        positive(perTransactionLimit, "perTransactionLimit");
        positive(dailyLimit, "dailyLimit");
        positive(monthlyLimit, "monthlyLimit");
        if (!Double.isFinite(lowBalance)) throw new IllegalArgumentException("lowBalance: must be finite, was " + lowBalance);
        positive(unusualZ, "unusualZ");
        if (!(unusualMinAmount >= 0) || Double.isInfinite(unusualMinAmount))
            throw new IllegalArgumentException("unusualMinAmount: must be finite and >= 0, was " + unusualMinAmount);
        if (unusualMinHistory < 1) throw new IllegalArgumentException("unusualMinHistory: must be >= 1, was " + unusualMinHistory);
        if (loanDueDays < 0) throw new IllegalArgumentException("loanDueDays: must be >= 0, was " + loanDueDays);
        if (loanGraceDays < 0) throw new IllegalArgumentException("loanGraceDays: must be >= 0, was " + loanGraceDays);
        if (!(goalOnTrack > 0 && goalOnTrack <= 1))
            throw new IllegalArgumentException("goalOnTrack: must be in (0, 1], was " + goalOnTrack);
    }

    private static void positive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + ": must be finite and > 0, was " + v);
    }

    /** The thresholds as name → value, in declaration order (the names of the policy file). */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("perTransactionLimit", perTransactionLimit);
        m.put("dailyLimit", dailyLimit);
        m.put("monthlyLimit", monthlyLimit);
        m.put("lowBalance", lowBalance);
        m.put("unusualZ", unusualZ);
        m.put("unusualMinAmount", unusualMinAmount);
        m.put("unusualMinHistory", (double) unusualMinHistory);
        m.put("loanDueDays", (double) loanDueDays);
        m.put("loanGraceDays", (double) loanGraceDays);
        m.put("goalOnTrack", goalOnTrack);
        return m;
    }

    /**
     * These thresholds with some replaced by name (names as in {@link #asMap()}).
     *
     * @throws IllegalArgumentException naming an unknown threshold or a bad value
     */
    public AlertThresholds with(Map<String, Double> overrides) {
        Map<String, Double> m = asMap();
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            if (!m.containsKey(e.getKey()))
                throw new IllegalArgumentException(e.getKey() + ": unknown threshold; expected one of " + m.keySet());
            m.put(e.getKey(), e.getValue());
        }
        return new AlertThresholds(m.get("perTransactionLimit"), m.get("dailyLimit"), m.get("monthlyLimit"),
                m.get("lowBalance"), m.get("unusualZ"), m.get("unusualMinAmount"), whole(m, "unusualMinHistory"),
                whole(m, "loanDueDays"), whole(m, "loanGraceDays"), m.get("goalOnTrack"));
    }

    private static int whole(Map<String, Double> m, String name) {
        double v = m.get(name);
        if (v != Math.rint(v) || Math.abs(v) > 1e6) throw new IllegalArgumentException(name + ": must be a whole number, was " + v);
        return (int) v;
    }
}
