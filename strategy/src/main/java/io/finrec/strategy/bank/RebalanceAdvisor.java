package io.finrec.strategy.bank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Rebalancing advice with tolerance bands and a minimum trade size. A position is out of its band when its weight
 * differs from the target by more than {@code min(absoluteBand, relativeBand × target)} (so small positions get
 * proportionally tight bands, with a floor of {@code minimumBand}); if any position is out of band the portfolio is
 * brought back to target, skipping trades smaller than {@code minimumTrade} (their amount is absorbed by the
 * largest trade so buys and sells still net to zero). Immutable and thread-safe.
 *
 * @param absoluteBand  largest tolerated absolute weight drift, e.g. 0.05
 * @param relativeBand  largest tolerated drift relative to the target weight, e.g. 0.25
 * @param minimumBand   smallest band, e.g. 0.01 (so a 2 % target may drift by one point)
 * @param minimumTrade  smallest trade worth making, in currency, e.g. 250
 */
public record RebalanceAdvisor(double absoluteBand, double relativeBand, double minimumBand, double minimumTrade) {
    /** ±5 points or ±25 % of the target (at least ±1 point), trades of at least 250. */
    public static final RebalanceAdvisor DEFAULT = new RebalanceAdvisor(0.05, 0.25, 0.01, 250);

    public RebalanceAdvisor {
        if (!(absoluteBand > 0)) throw new IllegalArgumentException("absoluteBand: must be positive");
        if (!(relativeBand > 0)) throw new IllegalArgumentException("relativeBand: must be positive");
        if (!(minimumBand >= 0 && minimumBand <= absoluteBand)) throw new IllegalArgumentException("minimumBand: must be in [0, absoluteBand]");
        if (!(minimumTrade >= 0)) throw new IllegalArgumentException("minimumTrade: must be >= 0");
    }

    /** What to do with one position. */
    public enum Action { BUY, SELL, HOLD }

    /** One line of the plan. */
    public record Trade(String asset, double currentWeight, double targetWeight, double band, Action action, double amount,
                        String reason) {}

    /** The plan: whether to rebalance, why, and the trades. */
    public record Plan(boolean rebalance, String summary, double portfolioValue, List<Trade> trades) {
        public Plan {
            trades = List.copyOf(trades);
        }
    }

    /**
     * Advice for moving {@code holdings} (currency amounts per asset, non-negative) to {@code target} weights.
     * Assets in either map are considered; missing ones count as zero.
     */
    public Plan advise(Map<String, Double> holdings, Map<String, Double> target) {
        Objects.requireNonNull(holdings, "holdings");
        Objects.requireNonNull(target, "target");
        double value = 0;
        for (Map.Entry<String, Double> e : holdings.entrySet()) {
            double v = e.getValue();
            if (!(v >= 0) || !Double.isFinite(v))
                throw new IllegalArgumentException("holdings: '" + e.getKey() + "' has " + v + " (amounts must be >= 0)");
            value += v;
        }
        if (!(value > 0)) throw new IllegalArgumentException("holdings: the portfolio is empty");
        Map<String, Double> all = new LinkedHashMap<>();
        target.keySet().forEach(k -> all.put(k, 0.0));
        holdings.keySet().forEach(k -> all.put(k, 0.0));
        List<String> breaches = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String a : all.keySet()) {
            double cw = holdings.getOrDefault(a, 0.0) / value;
            double tw = target.getOrDefault(a, 0.0);
            double band = Math.max(minimumBand, Math.min(absoluteBand, relativeBand * tw));
            if (Math.abs(cw - tw) > band + 1e-12)
                breaches.add(String.format(Locale.ROOT, "%s %.1f %% vs target %.1f %% (band ±%.1f)", a, 100 * cw, 100 * tw, 100 * band));
            names.add(a);
            rows.add(new double[] {cw, tw, band});
        }
        List<Trade> trades = new ArrayList<>();
        if (breaches.isEmpty()) {
            for (int i = 0; i < names.size(); i++) {
                double[] r = rows.get(i);
                trades.add(new Trade(names.get(i), r[0], r[1], r[2], Action.HOLD, 0, "within its band"));
            }
            return new Plan(false, "no rebalancing needed: every position is within its tolerance band", value, trades);
        }
        double[] amounts = new double[names.size()];
        int largest = 0;
        double skipped = 0;
        for (int i = 0; i < names.size(); i++) {
            double[] r = rows.get(i);
            amounts[i] = (r[1] - r[0]) * value;
            if (Math.abs(amounts[i]) > Math.abs(amounts[largest])) largest = i;
        }
        for (int i = 0; i < names.size(); i++) {
            if (i != largest && Math.abs(amounts[i]) < minimumTrade) {
                skipped += amounts[i];
                amounts[i] = 0;
            }
        }
        amounts[largest] += skipped;
        for (int i = 0; i < names.size(); i++) {
            double[] r = rows.get(i);
            double a = amounts[i];
            Action act = a > 0 ? Action.BUY : a < 0 ? Action.SELL : Action.HOLD;
            String why = act == Action.HOLD
                    ? (Math.abs(r[1] - r[0]) * value < minimumTrade && Math.abs(r[1] - r[0]) > 1e-12
                        ? String.format(Locale.ROOT, "drift below the minimum trade of %.0f", minimumTrade) : "on target")
                    : String.format(Locale.ROOT, "%s %.0f to move from %.1f %% to %.1f %%", act == Action.BUY ? "buy" : "sell",
                        Math.abs(a), 100 * r[0], 100 * (r[0] + a / value));
            trades.add(new Trade(names.get(i), r[0], r[1], r[2], act, a, why));
        }
        return new Plan(true, "rebalance: " + String.join("; ", breaches), value, trades);
    }
}
