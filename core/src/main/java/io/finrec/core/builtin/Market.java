package io.finrec.core.builtin;

import io.finrec.core.domain.AssetClass;
import io.finrec.core.domain.PricePoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly total-return index levels for stocks, bonds, real estate and cash from a four-regime Markov-switching
 * model (bull, normal, crisis, inflation), each regime with its own means, volatilities and correlations. Levels
 * start at 100. Stateless.
 */
final class Market {
    static final List<String> SERIES = List.of("STOCKS", "BONDS", "REAL_ESTATE", "CASH");
    private static final AssetClass[] CLASSES = {AssetClass.STOCKS, AssetClass.BONDS, AssetClass.REAL_ESTATE,
        AssetClass.CASH};
    /** Regime names, for the docs: 0 bull, 1 normal, 2 crisis, 3 inflation. */
    private static final double[][] TRANSITIONS = {
        {0.93, 0.05, 0.015, 0.005},
        {0.06, 0.90, 0.03, 0.01},
        {0.05, 0.15, 0.78, 0.02},
        {0.02, 0.06, 0.04, 0.88}};
    /** Monthly mean returns per regime: stocks, bonds, real estate, cash. */
    private static final double[][] MEANS = {
        {0.014, 0.0025, 0.010, 0.0015},
        {0.007, 0.0030, 0.006, 0.0020},
        {-0.030, 0.0060, -0.025, 0.0010},
        {-0.008, -0.0070, 0.003, 0.0035}};
    /** Monthly volatilities per regime. */
    private static final double[][] VOLS = {
        {0.032, 0.010, 0.030, 0.0005},
        {0.042, 0.013, 0.038, 0.0006},
        {0.080, 0.020, 0.075, 0.0005},
        {0.055, 0.022, 0.045, 0.0008}};
    /** Correlations per regime: stocks-bonds, stocks-real estate, bonds-real estate (cash is independent). */
    private static final double[][] CORRELATIONS = {
        {-0.2, 0.60, 0.1},
        {-0.1, 0.65, 0.2},
        {-0.4, 0.85, 0.0},
        {0.5, 0.55, 0.3}};

    private Market() {}

    /** Month-end points from {@code marketYears} before the window's end through the last month of the window. */
    static List<PricePoint> series(BankConfig cfg) {
        Rand r = new Rand(Rand.derive(cfg.seed(), "market", 0));
        LocalDate last = cfg.end().withDayOfMonth(1).minusDays(1);
        LocalDate first = last.withDayOfMonth(1).minusYears(cfg.marketYears()).plusMonths(1);
        int months = cfg.marketYears() * 12;
        double[][][] chol = new double[4][][];
        for (int k = 0; k < 4; k++) chol[k] = cholesky(k);
        double[] level = {100, 100, 100, 100};
        int regime = 1;
        List<PricePoint> out = new ArrayList<>(months * 4);
        for (int m = 0; m < months; m++) {
            LocalDate date = first.plusMonths(m);
            date = date.withDayOfMonth(date.lengthOfMonth());
            if (m > 0) {
                regime = r.weighted(TRANSITIONS[regime]);
                double[] z = {r.normal(), r.normal(), r.normal(), r.normal()};
                for (int a = 0; a < 4; a++) {
                    double shock = 0;
                    for (int b = 0; b <= a; b++) shock += chol[regime][a][b] * z[b];
                    double ret = Math.max(-0.5, MEANS[regime][a] + shock);
                    level[a] *= 1 + ret;
                }
            }
            for (int a = 0; a < 4; a++)
                out.add(new PricePoint(SERIES.get(a), CLASSES[a], date, StrictMath.round(level[a] * 10_000) / 10_000.0));
        }
        return out;
    }

    /** Lower Cholesky factor of the regime's covariance matrix. */
    private static double[][] cholesky(int k) {
        double[] v = VOLS[k];
        double[][] corr = {
            {1, CORRELATIONS[k][0], CORRELATIONS[k][1], 0},
            {CORRELATIONS[k][0], 1, CORRELATIONS[k][2], 0},
            {CORRELATIONS[k][1], CORRELATIONS[k][2], 1, 0},
            {0, 0, 0, 1}};
        double[][] cov = new double[4][4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) cov[i][j] = corr[i][j] * v[i] * v[j];
        double[][] l = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j <= i; j++) {
                double s = cov[i][j];
                for (int q = 0; q < j; q++) s -= l[i][q] * l[j][q];
                l[i][j] = i == j ? StrictMath.sqrt(s) : s / l[j][j];
            }
        }
        return l;
    }
}
