package io.finrec.strategy.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns continuous weights into whole numbers of shares with PyPortfolioOpt's greedy algorithm
 * ({@code DiscreteAllocation.greedy_portfolio}): sort by weight, buy the whole shares each weight affords, then
 * spend the leftover one share at a time on the asset furthest below its target weight that the cash can still
 * buy. Portfolios with shorts are split into a long and a short book (the short book's value is the total value
 * times the short ratio, by default the sum of the negative weights). Stateless and thread-safe.
 */
public final class DiscreteAllocation {
    private DiscreteAllocation() {}

    /** Shares per asset (zero positions omitted; negative for shorts) and the cash left over. */
    public record Result(Map<String, Long> shares, double leftover) {}

    /**
     * Greedy allocation.
     *
     * @param weights      target weights by asset (order matters for ties, as in PyPortfolioOpt)
     * @param latestPrices latest price of each asset
     * @param totalValue   the amount to invest, {@code > 0}
     * @param reinvest     whether to add the proceeds of the short book to the long book
     */
    public static Result greedy(Map<String, Double> weights, Map<String, Double> latestPrices, double totalValue,
                                boolean reinvest) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(latestPrices, "latestPrices");
        if (!(totalValue > 0) || !Double.isFinite(totalValue))
            throw new IllegalArgumentException("totalValue: must be a positive number, was " + totalValue);
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(weights.entrySet());
        for (Map.Entry<String, Double> e : sorted) {
            if (e.getValue() == null || !Double.isFinite(e.getValue()))
                throw new IllegalArgumentException("weights: asset '" + e.getKey() + "' has no finite weight");
            Double p = latestPrices.get(e.getKey());
            if (p == null || !(p > 0) || !Double.isFinite(p))
                throw new IllegalArgumentException("latestPrices: asset '" + e.getKey() + "' has no positive price");
        }
        sorted.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        if (!sorted.isEmpty() && sorted.get(sorted.size() - 1).getValue() < 0) {
            Map<String, Double> longs = new LinkedHashMap<>();
            Map<String, Double> shorts = new LinkedHashMap<>();
            double lt = 0;
            double st = 0;
            for (Map.Entry<String, Double> e : sorted) {
                if (e.getValue() >= 0) {
                    longs.put(e.getKey(), e.getValue());
                    lt += e.getValue();
                } else {
                    shorts.put(e.getKey(), -e.getValue());
                    st += -e.getValue();
                }
            }
            double ltf = lt;
            double stf = st;
            longs.replaceAll((k, v) -> v / ltf);
            shorts.replaceAll((k, v) -> v / stf);
            double shortValue = totalValue * st;
            double longValue = totalValue + (reinvest ? shortValue : 0);
            Result l = greedy(longs, latestPrices, longValue, false);
            Result s = greedy(shorts, latestPrices, shortValue, false);
            Map<String, Long> all = new LinkedHashMap<>(l.shares());
            s.shares().forEach((k, v) -> all.put(k, -v));
            all.values().removeIf(v -> v == 0);
            return new Result(all, l.leftover() + s.leftover());
        }
        int n = sorted.size();
        double[] w = new double[n];
        double[] price = new double[n];
        long[] shares = new long[n];
        double funds = totalValue;
        for (int i = 0; i < n; i++) {
            w[i] = sorted.get(i).getValue();
            price[i] = latestPrices.get(sorted.get(i).getKey());
            shares[i] = (long) (w[i] * totalValue / price[i]);
            funds -= shares[i] * price[i];
        }
        double[] deficit = new double[n];
        while (funds > 0) {
            double held = 0;
            for (int i = 0; i < n; i++) held += price[i] * shares[i];
            for (int i = 0; i < n; i++) deficit[i] = w[i] - (held == 0 ? 0 : price[i] * shares[i] / held);
            int idx = argmax(deficit);
            int counter = 0;
            boolean stop = false;
            while (price[idx] > funds) {
                deficit[idx] = 0;
                idx = argmax(deficit);
                if (deficit[idx] < 0 || counter == 10) {
                    stop = true;
                    break;
                }
                counter++;
            }
            if (stop || deficit[idx] <= 0 || counter == 10) break;
            shares[idx]++;
            funds -= price[idx];
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) if (shares[i] != 0) out.put(sorted.get(i).getKey(), shares[i]);
        return new Result(out, funds);
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
