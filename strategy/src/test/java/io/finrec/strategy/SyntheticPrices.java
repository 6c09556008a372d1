package io.finrec.strategy;

import io.finrec.api.allocation.PriceTable;
import io.finrec.api.random.Seeds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded daily price paths with a common factor, for tests (no external data). */
public final class SyntheticPrices {
    private SyntheticPrices() {}

    /**
     * {@code assets} geometric random walks over {@code days} business-like days: daily drift {@code drift[i]}, a
     * market factor with loading {@code 0.3 + 0.1 i mod 5} and idiosyncratic noise.
     */
    public static PriceTable generate(long seed, int assets, int days, double[] drift) {
        SplittableRandom rnd = Seeds.random(seed, "synthetic-prices");
        List<LocalDate> dates = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int a = 0; a < assets; a++) names.add("A" + a);
        double[][] p = new double[days][assets];
        LocalDate d = LocalDate.of(2015, 1, 2);
        for (int a = 0; a < assets; a++) p[0][a] = 50 + 10 * a;
        dates.add(d);
        for (int t = 1; t < days; t++) {
            d = d.plusDays(d.getDayOfWeek().getValue() >= 5 ? 8 - d.getDayOfWeek().getValue() : 1);
            dates.add(d);
            double market = rnd.nextGaussian() * 0.01;
            for (int a = 0; a < assets; a++) {
                double beta = 0.3 + 0.1 * (a % 5);
                double r = drift[a] + beta * market + rnd.nextGaussian() * (0.006 + 0.002 * (a % 4));
                p[t][a] = p[t - 1][a] * Math.exp(r);
            }
        }
        return new PriceTable(dates, names, p);
    }

    /** {@code assets} assets with small positive drifts. */
    public static PriceTable generate(long seed, int assets, int days) {
        double[] drift = new double[assets];
        for (int a = 0; a < assets; a++) drift[a] = 0.0002 + 0.0001 * (a % 7);
        return generate(seed, assets, days, drift);
    }
}
