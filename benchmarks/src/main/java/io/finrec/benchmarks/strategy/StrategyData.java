package io.finrec.benchmarks.strategy;

import io.finrec.api.random.Seeds;
import io.finrec.strategy.data.ReturnKind;
import io.finrec.strategy.data.ReturnSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded daily returns from a 5-factor model (realistic correlation structure) for the strategy benchmarks. */
final class StrategyData {
    private StrategyData() {}

    static ReturnSeries returns(int assets, int days, long seed) {
        SplittableRandom r = Seeds.random(seed, "strategy-benchmark");
        int k = 5;
        double[][] loadings = new double[assets][k];
        for (double[] row : loadings) for (int f = 0; f < k; f++) row[f] = (f == 0 ? 0.8 : 0.3) * r.nextGaussian();
        double[][] v = new double[days][assets];
        List<LocalDate> dates = new ArrayList<>();
        LocalDate d = LocalDate.of(2015, 1, 1);
        for (int t = 0; t < days; t++) {
            dates.add(d.plusDays(t));
            double[] f = new double[k];
            for (int j = 0; j < k; j++) f[j] = r.nextGaussian() * 0.01;
            for (int a = 0; a < assets; a++) {
                double x = 0.0003 + 0.0001 * (a % 9);
                for (int j = 0; j < k; j++) x += loadings[a][j] * f[j];
                v[t][a] = x + r.nextGaussian() * (0.008 + 0.004 * (a % 5));
            }
        }
        List<String> names = new ArrayList<>();
        for (int a = 0; a < assets; a++) names.add("S" + a);
        return ReturnSeries.ofValues(dates, names, v, ReturnKind.SIMPLE);
    }
}
