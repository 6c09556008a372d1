package io.finrec.strategy.bank;

import io.finrec.api.allocation.PriceTable;
import io.finrec.core.domain.PricePoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds the wide {@link PriceTable} the bank layer reads (one column per asset class, named after the class) from
 * long-format {@link PricePoint}s such as the built-in bank's monthly market series. Stateless and thread-safe.
 */
public final class AssetClassPrices {
    private AssetClassPrices() {}

    /**
     * One column per asset class present in {@code points} (in enum order), one row per date; a class without a
     * price on a date gets a gap. Two points for the same class and date are an error.
     */
    public static PriceTable fromPoints(List<PricePoint> points) {
        Objects.requireNonNull(points, "points");
        if (points.isEmpty()) throw new IllegalArgumentException("points: no prices");
        TreeMap<LocalDate, Map<String, Double>> byDate = new TreeMap<>();
        java.util.EnumSet<io.finrec.core.domain.AssetClass> classes = java.util.EnumSet.noneOf(io.finrec.core.domain.AssetClass.class);
        for (PricePoint p : points) {
            classes.add(p.assetClass());
            Double old = byDate.computeIfAbsent(p.date(), d -> new HashMap<>()).put(p.assetClass().name(), p.price());
            if (old != null)
                throw new IllegalArgumentException("points: two prices for " + p.assetClass() + " on " + p.date());
        }
        List<String> names = new ArrayList<>();
        for (io.finrec.core.domain.AssetClass c : classes) names.add(c.name());
        double[][] rows = new double[byDate.size()][names.size()];
        int t = 0;
        for (Map<String, Double> m : byDate.values()) {
            for (int a = 0; a < names.size(); a++) rows[t][a] = m.getOrDefault(names.get(a), Double.NaN);
            t++;
        }
        return new PriceTable(new ArrayList<>(byDate.keySet()), names, rows);
    }
}
