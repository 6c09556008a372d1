package io.finrec.strategy.data;

import io.finrec.api.allocation.PriceTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Periodic returns of several assets (rows = periods, ending on {@link #dates()}), with {@code NaN} where an
 * asset has no return (under {@link MissingPricePolicy#PAIRWISE}). Built from a {@link PriceTable} by
 * {@link #of(PriceTable, ReturnKind, MissingPricePolicy)}. Immutable and thread-safe (arrays are copied out).
 */
public final class ReturnSeries {
    private final List<LocalDate> dates;
    private final List<String> assets;
    private final double[][] values;
    private final ReturnKind kind;
    private final MissingPricePolicy policy;
    private final LocalDate windowStart;
    private final boolean dense;

    private ReturnSeries(List<LocalDate> dates, List<String> assets, double[][] values, ReturnKind kind,
                         MissingPricePolicy policy, LocalDate windowStart) {
        this.dates = List.copyOf(dates);
        this.assets = List.copyOf(assets);
        this.values = values;
        this.kind = kind;
        this.policy = policy;
        this.windowStart = windowStart;
        boolean d = true;
        outer:
        for (double[] row : values) for (double v : row) if (Double.isNaN(v)) { d = false; break outer; }
        this.dense = d;
    }

    /**
     * Returns of a price table. A return on row t exists for an asset when it has prices on rows t-1 and t;
     * under {@link MissingPricePolicy#INTERSECT} only the rows where every asset has one are kept, under
     * {@link MissingPricePolicy#PAIRWISE} every row where at least one asset has one.
     */
    public static ReturnSeries of(PriceTable prices, ReturnKind kind, MissingPricePolicy policy) {
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(policy, "policy");
        int n = prices.assetCount();
        List<LocalDate> dates = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int t = 1; t < prices.dateCount(); t++) {
            double[] r = new double[n];
            int present = 0;
            for (int a = 0; a < n; a++) {
                double p0 = prices.price(t - 1, a);
                double p1 = prices.price(t, a);
                if (Double.isNaN(p0) || Double.isNaN(p1)) {
                    r[a] = Double.NaN;
                } else {
                    r[a] = kind == ReturnKind.SIMPLE ? p1 / p0 - 1 : Math.log(p1 / p0);
                    present++;
                }
            }
            boolean keep = policy == MissingPricePolicy.INTERSECT ? present == n : present > 0;
            if (keep) {
                dates.add(prices.dates().get(t));
                rows.add(r);
            }
        }
        LocalDate start = prices.dateCount() == 0 ? null : prices.dates().get(0);
        if (!dates.isEmpty()) {
            // the window starts at the price date before the first kept return
            int first = prices.dates().indexOf(dates.get(0));
            start = prices.dates().get(first - 1);
        }
        return new ReturnSeries(dates, prices.assets(), rows.toArray(new double[0][]), kind, policy, start);
    }

    /** Returns given directly ({@code values[t][asset]}, NaN where missing). The array is copied. */
    public static ReturnSeries ofValues(List<LocalDate> dates, List<String> assets, double[][] values, ReturnKind kind) {
        Objects.requireNonNull(values, "values");
        if (values.length != dates.size())
            throw new IllegalArgumentException("values: " + values.length + " rows for " + dates.size() + " dates");
        double[][] copy = new double[values.length][];
        for (int t = 0; t < values.length; t++) {
            if (values[t].length != assets.size())
                throw new IllegalArgumentException("values: row " + t + " has " + values[t].length + " returns for "
                        + assets.size() + " assets");
            for (int a = 0; a < values[t].length; a++) {
                double v = values[t][a];
                if (Double.isInfinite(v) || v <= -1 && kind == ReturnKind.SIMPLE)
                    throw new IllegalArgumentException("values: row " + t + ", asset " + assets.get(a) + ": " + v
                            + " is not a valid " + kind.name().toLowerCase() + " return");
            }
            copy[t] = values[t].clone();
        }
        boolean anyNaN = false;
        for (double[] row : copy) for (double v : row) anyNaN |= Double.isNaN(v);
        return new ReturnSeries(dates, assets, copy, kind, anyNaN ? MissingPricePolicy.PAIRWISE : MissingPricePolicy.INTERSECT,
                dates.isEmpty() ? null : dates.get(0));
    }

    /** Number of return rows. */
    public int periods() {
        return values.length;
    }

    /** Number of assets. */
    public int assetCount() {
        return assets.size();
    }

    /** End date of each return period. */
    public List<LocalDate> dates() {
        return dates;
    }

    /** The asset names. */
    public List<String> assets() {
        return assets;
    }

    /** The first price date of the window (the start of the first return period). */
    public LocalDate windowStart() {
        return windowStart;
    }

    /** The return kind. */
    public ReturnKind kind() {
        return kind;
    }

    /** The missing-price policy the series was built with. */
    public MissingPricePolicy policy() {
        return policy;
    }

    /** Whether no return is missing. */
    public boolean isDense() {
        return dense;
    }

    /** Return of {@code asset} in period {@code t} (NaN when missing). */
    public double value(int t, int asset) {
        return values[t][asset];
    }

    /** Number of non-missing returns of {@code asset}. */
    public int count(int asset) {
        int c = 0;
        for (double[] row : values) if (!Double.isNaN(row[asset])) c++;
        return c;
    }

    /** The smallest per-asset count of returns. */
    public int minCount() {
        int min = Integer.MAX_VALUE;
        for (int a = 0; a < assets.size(); a++) min = Math.min(min, count(a));
        return assets.isEmpty() ? 0 : min;
    }

    /** A copy of the values ({@code [t][asset]}). */
    public double[][] toArray() {
        double[][] out = new double[values.length][];
        for (int t = 0; t < values.length; t++) out[t] = values[t].clone();
        return out;
    }

    /** The backing array, for the estimators of this module; callers must not modify it. */
    public double[][] view() {
        return values;
    }

    /** Simple returns of this series (converts log returns with {@code exp(r) - 1}). */
    public ReturnSeries toSimple() {
        if (kind == ReturnKind.SIMPLE) return this;
        double[][] v = toArray();
        for (double[] row : v) for (int a = 0; a < row.length; a++) row[a] = Math.expm1(row[a]);
        return new ReturnSeries(dates, assets, v, ReturnKind.SIMPLE, policy, windowStart);
    }

    /** The return of one asset as a column (NaN where missing). */
    public double[] column(int asset) {
        double[] out = new double[values.length];
        for (int t = 0; t < values.length; t++) out[t] = values[t][asset];
        return out;
    }
}
