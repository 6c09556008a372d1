package io.finrec.api.allocation;

import io.finrec.api.model.Fingerprint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prices of several assets on a common, ascending date axis; a missing price is {@code NaN} (gaps are allowed and
 * never filled silently). Immutable and thread-safe (the array is copied in and out).
 */
public final class PriceTable {
    private final List<LocalDate> dates;
    private final List<String> assets;
    private final double[][] prices;
    private final Map<String, Integer> index;

    /**
     * @param dates  strictly ascending dates
     * @param assets distinct asset names
     * @param prices {@code prices[date][asset]}, each finite and {@code > 0}, or NaN when missing
     */
    public PriceTable(List<LocalDate> dates, List<String> assets, double[][] prices) {
        this.dates = List.copyOf(Objects.requireNonNull(dates, "dates"));
        this.assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
        Objects.requireNonNull(prices, "prices");
        if (this.assets.isEmpty()) throw new IllegalArgumentException("assets: at least one asset is required");
        this.index = new HashMap<>();
        for (int a = 0; a < this.assets.size(); a++) {
            String name = this.assets.get(a);
            if (name == null || name.isBlank()) throw new IllegalArgumentException("assets: asset " + a + " has a blank name");
            if (index.put(name, a) != null)
                throw new IllegalArgumentException("assets: duplicate asset name '" + name + "'");
        }
        if (prices.length != this.dates.size())
            throw new IllegalArgumentException("prices: " + prices.length + " rows for " + this.dates.size() + " dates");
        this.prices = new double[prices.length][];
        for (int t = 0; t < prices.length; t++) {
            if (t > 0 && !this.dates.get(t).isAfter(this.dates.get(t - 1)))
                throw new IllegalArgumentException("dates: row " + t + " (" + this.dates.get(t)
                        + ") is not after the previous date");
            if (prices[t] == null || prices[t].length != this.assets.size())
                throw new IllegalArgumentException("prices: row " + t + " has "
                        + (prices[t] == null ? 0 : prices[t].length) + " values for "
                        + this.assets.size() + " assets");
            for (int a = 0; a < prices[t].length; a++) {
                double p = prices[t][a];
                if (!Double.isNaN(p) && (!Double.isFinite(p) || p <= 0))
                    throw new IllegalArgumentException("prices: row " + t + " (" + this.dates.get(t) + "), asset "
                            + this.assets.get(a) + ": " + p + " is not a positive finite price");
            }
            this.prices[t] = prices[t].clone();
        }
    }

    /** The dates. */
    public List<LocalDate> dates() {
        return dates;
    }

    /** The asset names. */
    public List<String> assets() {
        return assets;
    }

    /** Price of {@code asset} on date row {@code t}, or NaN when missing. */
    public double price(int t, int asset) {
        return prices[t][asset];
    }

    /** A copy of the price matrix. */
    public double[][] toArray() {
        double[][] out = new double[prices.length][];
        for (int t = 0; t < prices.length; t++) out[t] = prices[t].clone();
        return out;
    }

    /** Number of dates (rows). */
    public int dateCount() {
        return dates.size();
    }

    /** Number of assets (columns). */
    public int assetCount() {
        return assets.size();
    }

    /** Column of {@code asset}, or -1 when the table has no such asset. */
    public int indexOf(String asset) {
        Integer i = index.get(asset);
        return i == null ? -1 : i;
    }

    /** Whether every asset has a price on row {@code t}. */
    public boolean isComplete(int t) {
        for (double p : prices[t]) if (Double.isNaN(p)) return false;
        return true;
    }

    /** Number of rows on which every asset has a price. */
    public int completeRowCount() {
        int n = 0;
        for (int t = 0; t < prices.length; t++) if (isComplete(t)) n++;
        return n;
    }

    /**
     * The rows on which every asset has a price, in date order (the "intersect dates" policy). Note that two
     * consecutive kept rows may be further apart than one period when a row in between had a gap.
     */
    public PriceTable completeRows() {
        List<LocalDate> d = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int t = 0; t < prices.length; t++) {
            if (isComplete(t)) {
                d.add(dates.get(t));
                rows.add(prices[t]);
            }
        }
        return new PriceTable(d, assets, rows.toArray(new double[0][]));
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public PriceTable rows(int from, int to) {
        Objects.checkFromToIndex(from, to, prices.length);
        return new PriceTable(dates.subList(from, to), assets, java.util.Arrays.copyOfRange(prices, from, to));
    }

    /** The columns named in {@code selected}, in that order. */
    public PriceTable select(List<String> selected) {
        int[] cols = new int[selected.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = indexOf(selected.get(i));
            if (cols[i] < 0) throw new IllegalArgumentException("assets: unknown asset '" + selected.get(i) + "'");
        }
        double[][] out = new double[prices.length][cols.length];
        for (int t = 0; t < prices.length; t++) for (int i = 0; i < cols.length; i++) out[t][i] = prices[t][cols[i]];
        return new PriceTable(dates, selected, out);
    }

    /** SHA-256 over dates, asset names and price bit patterns: the input hash recorded in audits. */
    public String contentHash() {
        Fingerprint f = new Fingerprint().add("PriceTable/1").add(assets.size());
        for (String a : assets) f.add(a);
        f.add(dates.size());
        for (int t = 0; t < prices.length; t++) {
            f.add(dates.get(t).toEpochDay());
            for (double p : prices[t]) f.add(p);
        }
        return f.hex();
    }
}
