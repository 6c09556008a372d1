package io.finrec.examples.recommend;

import io.finrec.core.domain.Customer;
import io.finrec.core.domain.LifeEvent;
import io.finrec.core.domain.Product;
import io.finrec.examples.spending.SpendingSummary;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The named features the hybrid model learns from, and how to say them to a customer. Customer features:
 * {@code segment:FAMILY}, {@code age:35-44}, {@code income:50-100k}, {@code risk:3}, {@code event:BABY} (a life event
 * in the year before the as-of date, weight 1, or 0.5 when older), {@code spend:travel} (the category's share of the
 * customer's spending, transfers and salary left out), and social-signal features as given (prefixed
 * {@code social:} when they are not already). Product features: {@code type:HOME_LOAN}, {@code risk:2}. Stateless.
 */
public final class BankFeatures {
    private BankFeatures() {}

    /** A customer's features as of {@code asOf}. */
    public static Map<String, Double> customer(Customer c, List<LifeEvent> events, Map<String, Double> spending,
                                               Map<String, Double> social, LocalDate asOf) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("segment:" + c.segment().name(), 1.0);
        f.put("age:" + ageBand(c.age()), 1.0);
        f.put("income:" + incomeBand(c.annualIncome().doubleValue()), 1.0);
        f.put("risk:" + c.riskProfile().level(), 1.0);
        for (LifeEvent e : events) {
            if (e.date().isAfter(asOf)) continue;
            double w = ChronoUnit.DAYS.between(e.date(), asOf) <= 365 ? 1.0 : 0.5;
            f.merge("event:" + e.kind().name(), w, Math::max);
        }
        double total = 0;
        for (Map.Entry<String, Double> e : spending.entrySet())
            if (!SpendingSummary.NOT_SPENDING.contains(e.getKey()) && e.getValue() > 0) total += e.getValue();
        if (total > 0)
            for (Map.Entry<String, Double> e : spending.entrySet()) {
                if (SpendingSummary.NOT_SPENDING.contains(e.getKey()) || e.getValue() <= 0
                        || "uncategorised".equals(e.getKey())) continue;
                double share = e.getValue() / total;
                if (share >= 0.01) f.put("spend:" + e.getKey(), share);
            }
        for (Map.Entry<String, Double> e : social.entrySet()) {
            double v = e.getValue();
            if (!Double.isFinite(v) || v == 0) continue;
            f.put(e.getKey().startsWith("social:") ? e.getKey() : "social:" + e.getKey(), v);
        }
        return f;
    }

    /** A product's features. */
    public static Map<String, Double> product(Product p) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("type:" + p.type().name(), 1.0);
        f.put("risk:" + p.riskLevel(), 1.0);
        return f;
    }

    /** The age band of a customer feature. */
    public static String ageBand(int age) {
        if (age < 25) return "<25";
        if (age >= 65) return "65+";
        int lo = (age - 25) / 10 * 10 + 25;
        return lo + "-" + (lo + 9);
    }

    /** The income band of a customer feature. */
    public static String incomeBand(double income) {
        if (income <= 0) return "none";
        if (income < 25_000) return "<25k";
        if (income < 50_000) return "25-50k";
        if (income < 100_000) return "50-100k";
        if (income < 200_000) return "100-200k";
        return "200k+";
    }

    private static String social(String v) {
        int colon = v.indexOf(':');
        String kind = colon < 0 ? v : v.substring(0, colon);
        String what = colon < 0 ? "" : v.substring(colon + 1).toLowerCase(Locale.ROOT).replace('_', ' ');
        return switch (kind) {
            case "affinity" -> "your posts show interest in " + what;
            case "life_event" -> "your posts mention " + what;
            case "action" -> "your posts call for " + what;
            case "sentiment" -> "the tone of your posts";
            case "churn_risk" -> "your posts about the bank";
            default -> "what you posted (" + v.replace('_', ' ') + ")";
        };
    }

    /** A customer feature in words, for reasons ("your recent life event: baby"). */
    public static String describe(String feature, double weight) {
        int colon = feature.indexOf(':');
        if (colon < 0) return "your history with the bank";
        String kind = feature.substring(0, colon);
        String v = feature.substring(colon + 1);
        String words = v.toLowerCase(Locale.ROOT).replace('_', ' ');
        return switch (kind) {
            case "segment" -> "customers in the " + words + " segment choose it";
            case "age" -> "customers aged " + v.replace("-", "–") + " choose it";
            case "income" -> "customers with income " + v + " choose it";
            case "risk" -> "it suits your risk profile (" + v + " of 5)";
            case "event" -> "your life event: " + words;
            case "spend" -> String.format(Locale.ROOT, "your spending on %s (%.0f%% of your spending)", words, 100 * weight);
            case "social" -> social(v);
            default -> feature;
        };
    }
}
