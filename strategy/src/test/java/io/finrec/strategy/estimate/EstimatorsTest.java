package io.finrec.strategy.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.allocation.PriceTable;
import io.finrec.strategy.SyntheticPrices;
import io.finrec.strategy.data.MissingPricePolicy;
import io.finrec.strategy.data.ReturnKind;
import io.finrec.strategy.data.ReturnSeries;
import io.finrec.strategy.linalg.Matrices;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstimatorsTest {
    static final ReturnSeries R = ReturnSeries.of(SyntheticPrices.generate(1, 6, 400), ReturnKind.SIMPLE, MissingPricePolicy.INTERSECT);

    /** PyPortfolioOpt's test_mean_historical_returns_dummy (its expected numbers, rtol 1e-3). */
    @Test
    void meanHistoricalReturnsOnPyPortfolioOptDummy() {
        double[][] p = {{4.0, 2.0, 0.6, -12}, {4.2, 2.1, 0.59, -13.2}, {3.9, 2.0, 0.58, -11.3}, {4.3, 2.1, 0.62, -11.7}, {4.1, 2.2, 0.63, -10.1}};
        double[][] r = new double[4][4];
        for (int t = 1; t < 5; t++) for (int a = 0; a < 4; a++) r[t - 1][a] = p[t][a] / p[t - 1][a] - 1;
        List<LocalDate> d = new ArrayList<>();
        for (int t = 0; t < 4; t++) d.add(LocalDate.of(2020, 1, 2 + t));
        ReturnSeries s = ReturnSeries.ofValues(d, List.of("a", "b", "c", "d"), r, ReturnKind.SIMPLE);
        double[] geo = ExpectedReturns.geometric(s, 1);
        double[] expGeo = {0.0061922, 0.0241137, 0.0122722, -0.0421775};
        double[] ari = ExpectedReturns.arithmetic(s, 1);
        double[] expAri = {0.0086560, 0.0250000, 0.0128697, -0.03632333};
        for (int a = 0; a < 4; a++) {
            assertEquals(expGeo[a], geo[a], 1e-3 * Math.abs(expGeo[a]));
            assertEquals(expAri[a], ari[a], 1e-3 * Math.abs(expAri[a]));
        }
    }

    @Test
    void exponentialMeanWithHugeSpanIsTheArithmeticMean() {
        double[] ew = ExpectedReturns.exponentiallyWeighted(R, 1e12, 252, false);
        assertArrayEquals(ExpectedReturns.arithmetic(R, 252), ew, 1e-9);
    }

    @Test
    void sampleCovarianceByDefinition() {
        double[][] s = Covariances.sample(R, 1);
        double[][] v = R.toArray();
        int t = v.length;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double mi = 0, mj = 0;
                for (double[] row : v) { mi += row[i]; mj += row[j]; }
                mi /= t;
                mj /= t;
                double c = 0;
                for (double[] row : v) c += (row[i] - mi) * (row[j] - mj);
                assertEquals(c / (t - 1), s[i][j], 1e-15);
            }
        }
    }

    /** scikit-learn's LedoitWolf, written naively from its definition (unblocked). */
    @Test
    void ledoitWolfMatchesSklearnDefinition() {
        double[][] x = R.toArray();
        int t = x.length, n = x[0].length;
        double[] mean = new double[n];
        for (double[] row : x) for (int i = 0; i < n; i++) mean[i] += row[i] / t;
        for (double[] row : x) for (int i = 0; i < n; i++) row[i] -= mean[i];
        double[][] emp = new double[n][n];
        for (double[] row : x) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) emp[i][j] += row[i] * row[j] / t;
        double mu = 0;
        for (int i = 0; i < n; i++) mu += emp[i][i] / n;
        double beta = 0, delta = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double target = i == j ? mu : 0;
                delta += (emp[i][j] - target) * (emp[i][j] - target);
                double b = 0;
                for (double[] row : x) b += Math.pow(row[i] * row[j] - emp[i][j], 2);
                beta += b / t / t;
            }
        }
        delta /= n;
        beta /= n;
        double shrink = Math.min(beta, delta) / delta;
        Covariances.Shrunk lw = Covariances.ledoitWolf(R, 1);
        assertEquals(shrink, lw.shrinkage(), 1e-10);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                assertEquals((1 - shrink) * emp[i][j] + (i == j ? shrink * mu : 0), lw.matrix()[i][j], 1e-15);
    }

    /** Ledoit-Wolf 2004 constant-correlation shrinkage written from the paper's formulas with loops. */
    @Test
    void constantCorrelationMatchesPaperFormulas() {
        double[][] y = R.toArray();
        int t = y.length, n = y[0].length;
        double[] mean = new double[n];
        for (double[] row : y) for (int i = 0; i < n; i++) mean[i] += row[i] / t;
        for (double[] row : y) for (int i = 0; i < n; i++) row[i] -= mean[i];
        double[][] s = new double[n][n];
        for (double[] row : y) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) s[i][j] += row[i] * row[j] / t;
        double rbar = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (i != j) rbar += s[i][j] / Math.sqrt(s[i][i] * s[j][j]);
        rbar /= n * (n - 1.0);
        double pi = 0, rho = 0, gamma = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double f = i == j ? s[i][i] : rbar * Math.sqrt(s[i][i] * s[j][j]);
                gamma += (f - s[i][j]) * (f - s[i][j]);
                double p = 0;
                for (double[] row : y) p += Math.pow(row[i] * row[j] - s[i][j], 2);
                pi += p / t;
                if (i == j) {
                    rho += p / t;
                } else {
                    double thii = 0, thjj = 0;
                    for (double[] row : y) {
                        thii += (row[i] * row[i] - s[i][i]) * (row[i] * row[j] - s[i][j]);
                        thjj += (row[j] * row[j] - s[j][j]) * (row[i] * row[j] - s[i][j]);
                    }
                    rho += rbar / 2 * (Math.sqrt(s[j][j] / s[i][i]) * thii / t + Math.sqrt(s[i][i] / s[j][j]) * thjj / t);
                }
            }
        }
        double delta = Math.max(0, Math.min(1, (pi - rho) / gamma / t));
        Covariances.Shrunk cc = Covariances.ledoitWolfConstantCorrelation(R, 1, false);
        assertEquals(delta, cc.shrinkage(), 1e-10);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double f = i == j ? s[i][i] : rbar * Math.sqrt(s[i][i] * s[j][j]);
                assertEquals(delta * f + (1 - delta) * s[i][j], cc.matrix()[i][j], 1e-15);
            }
        assertTrue(cc.shrinkage() > 0 && cc.shrinkage() < 1);
        assertTrue(Covariances.ledoitWolfSingleFactor(R, 1).shrinkage() >= 0);
    }

    @Test
    void pairwiseEstimatesUseEachAssetsOwnHistory() {
        PriceTable full = SyntheticPrices.generate(2, 3, 300);
        double[][] p = full.toArray();
        for (int t = 0; t < 100; t++) p[t][2] = Double.NaN; // asset 2 lists later
        PriceTable gappy = new PriceTable(full.dates(), full.assets(), p);
        ReturnSeries pw = ReturnSeries.of(gappy, ReturnKind.SIMPLE, MissingPricePolicy.PAIRWISE);
        assertEquals(299, pw.count(0));
        assertEquals(199, pw.count(2));
        // asset 0's estimates equal those on its own full history
        ReturnSeries own = ReturnSeries.of(full.select(List.of("A0")), ReturnKind.SIMPLE, MissingPricePolicy.INTERSECT);
        assertEquals(ExpectedReturns.geometric(own, 252)[0], ExpectedReturns.geometric(pw, 252)[0], 1e-15);
        assertEquals(Covariances.sample(own, 252)[0][0], Covariances.sample(pw, 252)[0][0], 1e-15);
        // intersect keeps only the 199 shared returns and never bridges the gap
        ReturnSeries in = ReturnSeries.of(gappy, ReturnKind.SIMPLE, MissingPricePolicy.INTERSECT);
        assertEquals(199, in.periods());
        assertTrue(in.isDense());
    }

    @Test
    void neverComputesAReturnAcrossAGap() {
        PriceTable full = SyntheticPrices.generate(2, 2, 10);
        double[][] p = full.toArray();
        p[5][1] = Double.NaN;
        ReturnSeries r = ReturnSeries.of(new PriceTable(full.dates(), full.assets(), p), ReturnKind.SIMPLE, MissingPricePolicy.PAIRWISE);
        assertTrue(Double.isNaN(r.value(4, 1)));  // return ending on row 5
        assertTrue(Double.isNaN(r.value(5, 1)));  // return ending on row 6 would span the gap
        assertEquals(p[7][1] / p[6][1] - 1, r.value(6, 1), 1e-15);
        assertEquals(7, ReturnSeries.of(new PriceTable(full.dates(), full.assets(), p), ReturnKind.SIMPLE, MissingPricePolicy.INTERSECT).periods());
    }

    @Test
    void psdRepairClipsNegativeEigenvaluesWithAWarning() {
        double[][] bad = {{1, 0.9, 0.1}, {0.9, 1, 0.9}, {0.1, 0.9, 1}};
        double min = Matrices.minEigenvalue(bad);
        assertTrue(min < 0);
        PsdRepair.Result r = PsdRepair.ensurePsd(bad, PsdRepair.Method.EIGENVALUE_CLIP);
        assertTrue(r.repaired());
        assertEquals(min, r.minEigenvalue(), 1e-12);
        assertTrue(r.warning().orElseThrow().contains(String.format(java.util.Locale.ROOT, "%.3e", min)));
        assertTrue(Matrices.minEigenvalue(r.matrix()) > -1e-12);
        PsdRepair.Result shift = PsdRepair.ensurePsd(bad, PsdRepair.Method.DIAGONAL_SHIFT);
        assertTrue(Matrices.isPositiveDefinite(shift.matrix()));
        assertEquals(1 - 1.1 * min, shift.matrix()[0][0], 1e-12);
        assertTrue(!PsdRepair.ensurePsd(Matrices.identity(3), PsdRepair.Method.EIGENVALUE_CLIP).repaired());
    }

    @Test
    void blackLittermanPosteriorProperties() {
        List<String> a = List.of("a", "b", "c");
        double[][] cov = {{0.04, 0.01, 0.0}, {0.01, 0.09, 0.02}, {0.0, 0.02, 0.16}};
        double[] pi = {0.05, 0.07, 0.09};
        // no views: posterior = prior
        assertArrayEquals(pi, BlackLitterman.builder(a, cov).prior(pi).build().posteriorReturns(), 0);
        // certain view (Ω = 0): posterior equals the view on that asset
        BlackLitterman certain = BlackLitterman.builder(a, cov).prior(pi).absoluteView("b", 0.2).omega(new double[][] {{0}}).build();
        assertEquals(0.2, certain.posteriorReturns()[1], 1e-12);
        // default Ω: the explicit-inverse formula
        BlackLitterman bl = BlackLitterman.builder(a, cov).prior(pi).absoluteView("a", 0.1).absoluteView("c", 0.0).build();
        double tau = 0.05;
        double[][] tauS = Matrices.scale(Matrices.copy(cov), tau);
        double[][] om = bl.omega();
        assertEquals(tau * cov[0][0], om[0][0], 1e-15);
        double[][] inv = Matrices.inverseSpd(tauS);
        double[][] lhs = Matrices.copy(inv);
        double[] rhs = Matrices.multiply(inv, pi);
        int[] idx = {0, 2};
        double[] q = {0.1, 0.0};
        for (int v = 0; v < 2; v++) {
            lhs[idx[v]][idx[v]] += 1 / om[v][v];
            rhs[idx[v]] += q[v] / om[v][v];
        }
        assertArrayEquals(Matrices.solve(lhs, rhs), bl.posteriorReturns(), 1e-12);
        // Idzorek: 100 % confidence -> the view; 0 % -> the prior
        assertEquals(0.1, BlackLitterman.builder(a, cov).prior(pi).absoluteView("a", 0.1).idzorekConfidences(new double[] {1}).build().posteriorReturns()[0], 1e-12);
        assertEquals(0.05, BlackLitterman.builder(a, cov).prior(pi).absoluteView("a", 0.1).idzorekConfidences(new double[] {0}).build().posteriorReturns()[0], 1e-6);
        // posterior covariance is symmetric and larger than the prior's on the diagonal
        double[][] pc = bl.posteriorCovariance();
        for (int i = 0; i < 3; i++) assertTrue(pc[i][i] > cov[i][i]);
        double s = 0;
        for (double w : bl.impliedWeights()) s += w;
        assertEquals(1, s, 1e-12);
    }

    @Test
    void capmWithEqualWeightMarket() {
        double[] mu = ExpectedReturns.capm(R, null, 0.02, 252, true);
        // the equal-weight market has beta 1 on average
        double[] mkt = new double[R.periods()];
        for (int t = 0; t < R.periods(); t++) {
            double s = 0;
            for (int a = 0; a < 6; a++) s += R.value(t, a);
            mkt[t] = s / 6;
        }
        double mean = 0;
        for (double v : mu) mean += v / 6;
        double mLog = 0;
        for (double v : mkt) mLog += Math.log1p(v);
        double erm = Math.expm1(mLog * 252 / mkt.length);
        assertEquals(erm, mean, 1e-12);
    }
}
