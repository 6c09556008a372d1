package io.finrec.recsys.spark.prepare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules that turn bank records into model inputs, shared by the Spark and the single-machine preparation so both
 * give identical results. Stateless and thread-safe.
 *
 * <ul>
 *   <li>Customer features, weight 1, in this order: {@code segment:<SEGMENT>}, {@code age:<band>} (16-24, 25-34,
 *       35-44, 45-54, 55-64, 65+), {@code income:<band>} (0-25k, 25k-50k, 50k-100k, 100k-200k, 200k+),
 *       {@code risk:<PROFILE>}, {@code region:<region>}; then spending shares {@code spend:<category>} = the
 *       category's part of the customer's card and account debits (amount {@code < 0}), by category name.</li>
 *   <li>Product features, weight 1: {@code type:<TYPE>}, {@code risk:<level>}.</li>
 *   <li>Interaction value of a (customer, product) pair: 1 when the customer holds it (an account opened under the
 *       product), else the weight of their latest event on it (ties: the largest) — VIEWED 0.25 ... OPENED 1,
 *       CLOSED -0.5 (a negative); sample weight 1; timestamp: the latest event or account opening.</li>
 * </ul>
 */
public final class BankFeatures {
    private static final MathContext SHARE = MathContext.DECIMAL64;

    private BankFeatures() {}

    /** One named feature with its weight. */
    public record Feature(String name, double weight) {}

    /** The customer's attribute features, in order. */
    public static List<Feature> customer(int age, BigDecimal income, String segment, String riskProfile,
                                         String region) {
        List<Feature> f = new ArrayList<>(5);
        f.add(new Feature("segment:" + segment.trim().toUpperCase(Locale.ROOT), 1));
        f.add(new Feature("age:" + ageBand(age), 1));
        f.add(new Feature("income:" + incomeBand(income), 1));
        f.add(new Feature("risk:" + riskProfile.trim().toUpperCase(Locale.ROOT), 1));
        if (region != null && !region.isBlank()) f.add(new Feature("region:" + region.trim(), 1));
        return f;
    }

    /** Age band label. */
    public static String ageBand(int age) {
        if (age < 25) return "16-24";
        if (age < 35) return "25-34";
        if (age < 45) return "35-44";
        if (age < 55) return "45-54";
        if (age < 65) return "55-64";
        return "65+";
    }

    /** Income band label. */
    public static String incomeBand(BigDecimal income) {
        double v = income.doubleValue();
        if (v < 25_000) return "0-25k";
        if (v < 50_000) return "25k-50k";
        if (v < 100_000) return "50k-100k";
        if (v < 200_000) return "100k-200k";
        return "200k+";
    }

    /**
     * Spending-share features from the customer's total debits per category (positive amounts), by category name;
     * categories with no spending are left out.
     */
    public static List<Feature> spending(Map<String, BigDecimal> spentByCategory) {
        TreeMap<String, BigDecimal> sorted = new TreeMap<>(spentByCategory);
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal v : sorted.values()) total = total.add(v);
        List<Feature> out = new ArrayList<>(sorted.size());
        if (total.signum() <= 0) return out;
        for (Map.Entry<String, BigDecimal> e : sorted.entrySet())
            if (e.getValue().signum() > 0)
                out.add(new Feature("spend:" + e.getKey(), e.getValue().divide(total, SHARE).doubleValue()));
        return out;
    }

    /** A product's features, in order. */
    public static List<Feature> product(String type, int riskLevel) {
        return List.of(new Feature("type:" + type.trim().toUpperCase(Locale.ROOT), 1),
                new Feature("risk:" + riskLevel, 1));
    }

    /** One customer–product signal: an event (weight, epoch seconds) or a holding ({@code held}, opening time). */
    public record Signal(boolean held, double weight, long time) {}

    /** The pair's value and timestamp from all its signals (see the class comment). */
    public static double[] value(List<Signal> signals) {
        boolean held = false;
        long heldTime = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        double w = Double.NEGATIVE_INFINITY;
        for (Signal s : signals) {
            if (s.held()) {
                held = true;
                heldTime = Math.max(heldTime, s.time());
            } else if (s.time() > last || (s.time() == last && s.weight() > w)) {
                last = s.time();
                w = s.weight();
            }
        }
        if (held) return new double[] {1.0, Math.max(heldTime, last)};
        return new double[] {w, last};
    }
}
