package io.finrec.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.allocation.Allocation;
import io.finrec.api.allocation.AllocationConstraints;
import io.finrec.api.allocation.AllocationException;
import io.finrec.api.allocation.AllocationRequest;
import io.finrec.api.allocation.PriceTable;
import io.finrec.api.allocation.WeightBounds;
import io.finrec.strategy.linalg.Matrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PortfolioStrategyTest {
    static final PriceTable PRICES = SyntheticPrices.generate(3, 8, 500);
    static final AllocationRequest REQUEST = AllocationRequest.of(PRICES);

    static double[] weights(Allocation a) {
        return a.weights().values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    static void assertValid(Allocation a, double lo, double hi) {
        double sum = 0;
        for (double w : weights(a)) {
            assertTrue(w >= lo - 1e-12 && w <= hi + 1e-12, "weight out of bounds: " + w);
            sum += w;
        }
        assertEquals(1, sum, 1e-10);
        double rc = a.riskContributions().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1, rc, 1e-10);
        assertTrue(a.audit().solver().maxResidual() < 1e-9, "KKT residuals: " + a.audit().solver());
    }

    static MarketEstimate estimate(Method m) {
        return new PortfolioStrategy(StrategyConfig.builder(m).targetVolatility(0.2).targetReturn(0.1).build()).estimate(REQUEST);
    }

    @Test
    void unconstrainedMinimumVarianceIsInverseCovarianceTimesOnes() {
        AllocationRequest shortable = REQUEST.withConstraints(AllocationConstraints.builder()
                .defaultBounds(WeightBounds.of(-10, 10)).build());
        Allocation a = PortfolioStrategy.of(Method.MIN_VARIANCE).allocate(shortable);
        double[][] s = estimate(Method.MIN_VARIANCE).covariance();
        double[] x = Matrices.solve(s, ones(s.length));
        double sum = 0;
        for (double v : x) sum += v;
        double[] w = weights(a);
        for (int i = 0; i < w.length; i++) assertEquals(x[i] / sum, w[i], 1e-10);
        assertValid(a, -10, 10);
    }

    @Test
    void unconstrainedMaxSharpeIsTangencyPortfolio() {
        AllocationRequest shortable = REQUEST.withConstraints(AllocationConstraints.builder()
                .defaultBounds(WeightBounds.of(-10, 10)).build());
        Allocation a = PortfolioStrategy.of(Method.MAX_SHARPE).allocate(shortable);
        MarketEstimate e = estimate(Method.MAX_SHARPE);
        double[] ex = e.expectedReturns();
        for (int i = 0; i < ex.length; i++) ex[i] -= 0.02;
        double[] x = Matrices.solve(e.covariance(), ex);
        double sum = 0;
        for (double v : x) sum += v;
        double[] w = weights(a);
        for (int i = 0; i < w.length; i++) assertEquals(x[i] / sum, w[i], 1e-9);
    }

    @Test
    void twoAssetMinimumVarianceClosedForm() {
        PriceTable two = PRICES.select(List.of("A0", "A3"));
        Allocation a = PortfolioStrategy.of(Method.MIN_VARIANCE).allocate(AllocationRequest.of(two));
        double[][] s = new PortfolioStrategy(StrategyConfig.builder(Method.MIN_VARIANCE).build()).estimate(AllocationRequest.of(two)).covariance();
        double w0 = (s[1][1] - s[0][1]) / (s[0][0] + s[1][1] - 2 * s[0][1]);
        assertEquals(w0, a.weight("A0"), 1e-12);
        assertEquals(1 - w0, a.weight("A3"), 1e-12);
    }

    @Test
    void longOnlyMethodsSatisfyConstraintsAndKkt() {
        for (Method m : Method.values()) {
            StrategyConfig c = StrategyConfig.builder(m).targetVolatility(0.2).targetReturn(0.08).view("A1", 0.1).build();
            Allocation a = new PortfolioStrategy(c).allocate(REQUEST);
            assertValid(a, 0, 1);
            assertEquals(m.id(), a.audit().strategy());
            assertEquals(PRICES.contentHash(), a.audit().inputHash());
        }
    }

    @Test
    void maxSharpeBeatsRandomFeasiblePortfolios() {
        Allocation best = PortfolioStrategy.of(Method.MAX_SHARPE).allocate(REQUEST);
        MarketEstimate e = estimate(Method.MAX_SHARPE);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int k = 0; k < 2000; k++) {
            double[] w = randomSimplex(rnd, 8);
            double ret = Matrices.dot(e.expectedReturns(), w);
            double vol = Math.sqrt(Matrices.quadraticForm(e.covariance(), w));
            assertTrue((ret - 0.02) / vol <= best.sharpe() + 1e-12);
        }
    }

    @Test
    void efficientRiskHitsTargetAndBeatsRandomPortfoliosBelowIt() {
        MarketEstimate e = estimate(Method.EFFICIENT_RISK);
        var mv = new io.finrec.strategy.optimize.MeanVarianceOptimizer(e.expectedReturns(), e.covariance(),
                io.finrec.strategy.optimize.PortfolioConstraints.longOnly(PRICES.assets()));
        double lo = mv.volatility(mv.minVariance().weights());
        double hi = mv.volatility(mv.maxReturn().weights());
        assertTrue(hi > lo * 1.1, "degenerate test data " + lo + " " + hi);
        double target = (lo + hi) / 2;
        Allocation a = new PortfolioStrategy(StrategyConfig.builder(Method.EFFICIENT_RISK).targetVolatility(target).build()).allocate(REQUEST);
        assertEquals(target, a.volatility(), 1e-10);
        SplittableRandom rnd = new SplittableRandom(9);
        int below = 0;
        for (int k = 0; k < 5000; k++) {
            double[] w = randomSimplex(rnd, 8);
            if (Math.sqrt(Matrices.quadraticForm(e.covariance(), w)) <= target) {
                below++;
                assertTrue(Matrices.dot(e.expectedReturns(), w) <= a.expectedReturn() + 1e-12);
            }
        }
        assertTrue(below > 10, "too few random portfolios below the target: " + below);
    }

    @Test
    void boxAndGroupConstraintsAreHonoured() {
        AllocationConstraints c = AllocationConstraints.builder().defaultBounds(WeightBounds.of(0.02, 0.3))
                .group("first", Set.of("A0", "A1", "A2"), WeightBounds.of(0.4, 0.5))
                .bounds("A7", WeightBounds.of(0.1, 0.1)).build();
        for (Method m : List.of(Method.MIN_VARIANCE, Method.MAX_SHARPE, Method.QUADRATIC_UTILITY)) {
            Allocation a = PortfolioStrategy.of(m).allocate(REQUEST.withConstraints(c));
            assertValid(a, 0.02, 0.3);
            double g = a.weight("A0") + a.weight("A1") + a.weight("A2");
            assertTrue(g >= 0.4 - 1e-12 && g <= 0.5 + 1e-12, m + " group sum " + g);
            assertEquals(0.1, a.weight("A7"), 0.0);
        }
    }

    @Test
    void explainedFailures() {
        // every asset falls: nothing beats the risk-free rate
        double[] down = new double[5];
        java.util.Arrays.fill(down, -0.001);
        PriceTable falling = SyntheticPrices.generate(4, 5, 300, down);
        AllocationException e = assertThrows(AllocationException.class,
                () -> PortfolioStrategy.of(Method.MAX_SHARPE).allocate(AllocationRequest.of(falling)));
        assertEquals(AllocationException.Reason.NO_ASSET_BEATS_RISK_FREE, e.reason());
        assertTrue(e.getMessage().contains("risk-free"));

        e = assertThrows(AllocationException.class, () -> new PortfolioStrategy(StrategyConfig.builder(Method.EFFICIENT_RISK)
                .targetVolatility(0.01).build()).allocate(REQUEST));
        assertEquals(AllocationException.Reason.TARGET_VOLATILITY_TOO_LOW, e.reason());
        assertTrue(e.remedy().contains("raise the target"));

        e = assertThrows(AllocationException.class, () -> PortfolioStrategy.of(Method.MIN_VARIANCE).allocate(
                REQUEST.withConstraints(AllocationConstraints.builder().defaultBounds(WeightBounds.of(0, 0.1)).build())));
        assertEquals(AllocationException.Reason.INFEASIBLE_CONSTRAINTS, e.reason());

        PriceTable shortHistory = PRICES.rows(0, 40);
        e = assertThrows(AllocationException.class, () -> PortfolioStrategy.of(Method.MAX_SHARPE).allocate(AllocationRequest.of(shortHistory)));
        assertEquals(AllocationException.Reason.HISTORY_TOO_SHORT, e.reason());
        assertTrue(e.remedy().contains("min-variance"));
        // covariance-only methods still run, with a warning
        Allocation hrp = PortfolioStrategy.of(Method.HRP).allocate(AllocationRequest.of(shortHistory));
        assertTrue(hrp.warnings().stream().anyMatch(w -> w.contains("noisy")));

        PriceTable wide = SyntheticPrices.generate(6, 30, 12);
        e = assertThrows(AllocationException.class, () -> PortfolioStrategy.of(Method.MIN_VARIANCE).allocate(AllocationRequest.of(wide)));
        assertEquals(AllocationException.Reason.SINGULAR_MATRIX, e.reason());
        assertTrue(e.remedy().contains("Ledoit-Wolf"));
        // ...and Ledoit-Wolf fixes it
        Allocation lw = new PortfolioStrategy(StrategyConfig.builder(Method.MIN_VARIANCE).riskModel(RiskModel.LEDOIT_WOLF).build())
                .allocate(AllocationRequest.of(wide));
        assertValid(lw, 0, 1);

        e = assertThrows(AllocationException.class, () -> PortfolioStrategy.of(Method.ERC).allocate(
                REQUEST.withConstraints(AllocationConstraints.builder().defaultBounds(WeightBounds.of(0, 0.13)).build())));
        assertEquals(AllocationException.Reason.INVALID_INPUT, e.reason());
    }

    @Test
    void deterministicAndThreadSafe() throws Exception {
        PortfolioStrategy s = new PortfolioStrategy(StrategyConfig.builder(Method.EFFICIENT_RISK).targetVolatility(0.15)
                .riskModel(RiskModel.LEDOIT_WOLF).build());
        Allocation ref = s.allocate(REQUEST);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Allocation>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) fs.add(pool.submit(() -> s.allocate(REQUEST)));
            for (Future<Allocation> f : fs) assertArrayEquals(weights(ref), weights(f.get()), 0.0);
        } finally {
            pool.shutdownNow();
        }
    }

    static double[] randomSimplex(SplittableRandom rnd, int n) {
        double[] w = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            w[i] = -Math.log(rnd.nextDouble());
            if (rnd.nextInt(3) == 0) w[i] = 0;
            s += w[i];
        }
        if (s == 0) {
            w[0] = 1;
            return w;
        }
        for (int i = 0; i < n; i++) w[i] /= s;
        return w;
    }

    static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1);
        return o;
    }
}
