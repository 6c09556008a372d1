package io.finrec.api.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Prices of several assets on a common, ascending date axis; a missing price is {@code NaN} (gaps are allowed and
 * never filled silently). Immutable and thread-safe (the array is copied in and out).
 */
public final class PriceTable {
    private final List<LocalDate> dates;
    private final List<String> assets;
    private final double[][] prices;

    /**
     * @param dates  strictly ascending dates
     * @param assets distinct asset names
     * @param prices {@code prices[date][asset]}, each finite and {@code > 0}, or NaN when missing
     */
    public PriceTable(List<LocalDate> dates, List<String> assets, double[][] prices) {
        this.dates = List.copyOf(dates);
        this.assets = List.copyOf(assets);
        Objects.requireNonNull(prices, "prices");
        if (this.assets.stream().distinct().count() != this.assets.size())
            throw new IllegalArgumentException("assets: duplicate asset name in " + assets);
        if (prices.length != this.dates.size())
            throw new IllegalArgumentException("prices: " + prices.length + " rows for " + this.dates.size() + " dates");
        this.prices = new double[prices.length][];
        for (int t = 0; t < prices.length; t++) {
            if (t > 0 && !this.dates.get(t).isAfter(this.dates.get(t - 1)))
                throw new IllegalArgumentException("dates: row " + t + " (" + this.dates.get(t)
                        + ") is not after the previous date");
            if (prices[t].length != this.assets.size())
                throw new IllegalArgumentException("prices: row " + t + " has " + prices[t].length + " values for "
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
}
