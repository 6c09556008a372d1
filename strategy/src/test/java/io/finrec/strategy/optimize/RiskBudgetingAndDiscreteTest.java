package io.finrec.strategy.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskBudgetingAndDiscreteTest {
    @Test
    void ercOnDiagonalCovarianceIsInverseVolatility() {
        double[] vol = {0.1, 0.2, 0.25, 0.4};
        double[][] cov = new double[4][4];
        double inv = 0;
        for (int i = 0; i < 4; i++) {
            cov[i][i] = vol[i] * vol[i];
            inv += 1 / vol[i];
        }
        double[] w = new RiskBudgeting(cov).equalRiskContribution().weights();
        for (int i = 0; i < 4; i++) assertEquals(1 / vol[i] / inv, w[i], 1e-14);
    }

    @Test
    void riskBudgetsAreMetOnCorrelatedAssets() {
        double[][] cov = {{0.04, 0.018, 0.004}, {0.018, 0.09, 0.03}, {0.004, 0.03, 0.16}};
        double[] b = {0.5, 0.3, 0.2};
        OptimizedPortfolio p = new RiskBudgeting(cov).solve(b);
        double[] rc = RiskBudgeting.riskContributions(cov, p.weights());
        for (int i = 0; i < 3; i++) assertEquals(b[i], rc[i], 1e-13);
        assertTrue(p.report().stationarity() < 1e-13);
    }

    @Test
    void greedyDiscreteAllocationBuysWholeSharesAndSpendsTheCash() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("A", 0.5);
        w.put("B", 0.3);
        w.put("C", 0.2);
        Map<String, Double> p = Map.of("A", 120.0, "B", 33.0, "C", 7.5);
        DiscreteAllocation.Result r = DiscreteAllocation.greedy(w, p, 10_000, false);
        double spent = 0;
        for (Map.Entry<String, Long> e : r.shares().entrySet()) spent += e.getValue() * p.get(e.getKey());
        assertEquals(10_000 - spent, r.leftover(), 1e-9);
        // first round: floor(5000/120) = 41, floor(3000/33) = 90, floor(2000/7.5) = 266, leaving 115; A is then the
        // only asset below target but costs 120, so (as in PyPortfolioOpt) the greedy loop stops
        assertEquals(Map.of("A", 41L, "B", 90L, "C", 266L), r.shares());
        assertEquals(115, r.leftover(), 1e-9);
        for (Map.Entry<String, Long> e : r.shares().entrySet())
            assertEquals(w.get(e.getKey()), e.getValue() * p.get(e.getKey()) / spent, 0.02);
    }

    @Test
    void shortsAreAllocatedAsASeparateBook() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("A", 1.2);
        w.put("B", -0.2);
        DiscreteAllocation.Result r = DiscreteAllocation.greedy(w, Map.of("A", 10.0, "B", 5.0), 1000, false);
        assertEquals(100, r.shares().get("A"));
        assertEquals(-40, r.shares().get("B"));
    }
}
