package io.finrec.strategy.bank;

import io.finrec.api.allocation.AllocationException;
import io.finrec.api.allocation.PriceTable;
import io.finrec.core.domain.AssetClass;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Classifies the market into {@link Regime}s from monthly asset-class prices. Signals per class: trend (price over
 * its {@code trendWindow}-month average, minus one), 12-month momentum, volatility ratio (realised volatility of the
 * last {@code volatilityWindow} months over its long-run median) and 12-month drawdown. The regime is driven by
 * stocks (the largest risky class), walked month by month through the whole history with hysteresis:
 * <ul>
 *   <li>risk-off when stocks trend down and volatility is high or the drawdown is deep;</li>
 *   <li>caution when they trend down or volatility is high;</li>
 *   <li>easing (risk-off to caution, caution to risk-on) only after {@code minMonths} in the regime and once the
 *   trend is above {@code trendExit} or volatility back below {@code volatilityExit}.</li>
 * </ul>
 * Deterministic; immutable and thread-safe.
 */
public final class RegimeDetector {
    /** Signals of one asset class at the last month. */
    public record Signals(AssetClass assetClass, double trend, double momentum12m, double volatilityRatio,
                          double drawdown12m) {}

    /** A change of regime. */
    public record Transition(LocalDate date, Regime from, Regime to, String reason) {}

    /** The current regime, since when, why, the signals behind it and the history of changes. */
    public record Assessment(Regime regime, LocalDate since, String reason, Map<AssetClass, Signals> signals,
                             List<Transition> transitions) {
        public Assessment {
            Objects.requireNonNull(regime, "regime");
            signals = java.util.Collections.unmodifiableMap(new EnumMap<>(signals));
            transitions = List.copyOf(transitions);
        }
    }

    private final RegimeConfig config;

    /** A detector with these thresholds. */
    public RegimeDetector(RegimeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Assesses monthly prices whose columns are asset-class names (at least STOCKS).
     *
     * @throws AllocationException {@code HISTORY_TOO_SHORT} with fewer than {@link RegimeConfig#minHistory()} months
     */
    public Assessment assess(PriceTable monthly) {
        Objects.requireNonNull(monthly, "monthly");
        int stocks = monthly.indexOf(AssetClass.STOCKS.name());
        if (stocks < 0)
            throw new AllocationException(AllocationException.Reason.INVALID_INPUT,
                    "regime detection needs a STOCKS series; the prices have " + monthly.assets(),
                    "name the equity series STOCKS");
        PriceTable complete = monthly.completeRows();
        int months = complete.dateCount();
        if (months < config.minHistory())
            throw new AllocationException(AllocationException.Reason.HISTORY_TOO_SHORT,
                    "regime detection needs " + config.minHistory() + " months of prices, got " + months,
                    "supply a longer monthly history or use a static (regime-free) allocation");
        double[] s = column(complete, stocks);
        double[] trend = trend(s);
        double[] volRatio = volatilityRatio(s);
        double[] dd = drawdown(s);
        int first = config.minHistory() - 1;
        Regime state = Regime.RISK_ON;
        int monthsIn = 0;
        LocalDate since = complete.dates().get(first);
        String reason = "no stress signal since the start of the history";
        List<Transition> transitions = new ArrayList<>();
        for (int t = first; t < months; t++) {
            boolean down = trend[t] < 0;
            boolean up = trend[t] > config.trendExit();
            boolean volHigh = volRatio[t] > config.volatilityEnter();
            boolean volNormal = volRatio[t] < config.volatilityExit();
            boolean deep = dd[t] < config.drawdownRiskOff();
            Regime next = state;
            String why = null;
            String sig = String.format(Locale.ROOT, "stocks trend %+.1f %%, volatility ratio %.2f, 12-month drawdown %.1f %%",
                    100 * trend[t], volRatio[t], 100 * dd[t]);
            boolean canEase = monthsIn >= config.minMonths();
            switch (state) {
                case RISK_ON -> {
                    if (down && (volHigh || deep)) { next = Regime.RISK_OFF; why = "down-trend with " + (volHigh ? "high volatility" : "a deep drawdown"); }
                    else if (down || volHigh) { next = Regime.CAUTION; why = down ? "stocks fell below their trend" : "volatility rose above normal"; }
                }
                case CAUTION -> {
                    if (down && (volHigh || deep)) { next = Regime.RISK_OFF; why = "down-trend with " + (volHigh ? "high volatility" : "a deep drawdown"); }
                    else if (canEase && up && volNormal) { next = Regime.RISK_ON; why = "trend recovered and volatility normalised"; }
                }
                case RISK_OFF -> {
                    if (canEase && up && volNormal) { next = Regime.RISK_ON; why = "trend recovered and volatility normalised"; }
                    else if (canEase && (up || (volNormal && !deep))) { next = Regime.CAUTION; why = up ? "trend recovered" : "volatility normalised"; }
                }
                default -> throw new IllegalStateException();
            }
            if (next != state) {
                transitions.add(new Transition(complete.dates().get(t), state, next, why + " (" + sig + ")"));
                state = next;
                monthsIn = 1;
                since = complete.dates().get(t);
                reason = why + " (" + sig + ")";
            } else {
                monthsIn++;
            }
        }
        if (transitions.isEmpty()) {
            int t = months - 1;
            reason = String.format(Locale.ROOT, "no stress signal (stocks trend %+.1f %%, volatility ratio %.2f, 12-month drawdown %.1f %%)",
                    100 * trend[t], volRatio[t], 100 * dd[t]);
        }
        Map<AssetClass, Signals> signals = new EnumMap<>(AssetClass.class);
        for (int a = 0; a < complete.assetCount(); a++) {
            AssetClass c;
            try {
                c = AssetClass.valueOf(complete.assets().get(a));
            } catch (IllegalArgumentException e) {
                continue;
            }
            double[] p = column(complete, a);
            int t = months - 1;
            signals.put(c, new Signals(c, trend(p)[t], p[t] / p[t - 12] - 1, volatilityRatio(p)[t], drawdown(p)[t]));
        }
        return new Assessment(state, since, reason, signals, transitions);
    }

    private static double[] column(PriceTable t, int a) {
        double[] c = new double[t.dateCount()];
        for (int i = 0; i < c.length; i++) c[i] = t.price(i, a);
        return c;
    }

    private double[] trend(double[] p) {
        int w = config.trendWindow();
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        for (int t = w - 1; t < p.length; t++) {
            double s = 0;
            for (int k = t - w + 1; k <= t; k++) s += p[k];
            out[t] = p[t] / (s / w) - 1;
        }
        return out;
    }

    /** Realised volatility over the window divided by the median of all windows up to that month. */
    private double[] volatilityRatio(double[] p) {
        int w = config.volatilityWindow();
        double[] vol = new double[p.length];
        Arrays.fill(vol, Double.NaN);
        for (int t = w; t < p.length; t++) {
            double mean = 0;
            for (int k = t - w + 1; k <= t; k++) mean += Math.log(p[k] / p[k - 1]);
            mean /= w;
            double v = 0;
            for (int k = t - w + 1; k <= t; k++) {
                double r = Math.log(p[k] / p[k - 1]) - mean;
                v += r * r;
            }
            vol[t] = Math.sqrt(v / (w - 1));
        }
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        List<Double> seen = new ArrayList<>();
        for (int t = w; t < p.length; t++) {
            seen.add(vol[t]);
            double[] sorted = seen.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int m = sorted.length;
            double median = m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
            out[t] = median > 0 ? vol[t] / median : 1;
        }
        return out;
    }

    private static double[] drawdown(double[] p) {
        double[] out = new double[p.length];
        for (int t = 0; t < p.length; t++) {
            double peak = p[t];
            for (int k = Math.max(0, t - 12); k <= t; k++) peak = Math.max(peak, p[k]);
            out[t] = p[t] / peak - 1;
        }
        return out;
    }
}
