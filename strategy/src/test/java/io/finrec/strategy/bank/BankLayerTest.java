package io.finrec.strategy.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.allocation.Allocation;
import io.finrec.api.allocation.AllocationException;
import io.finrec.api.allocation.PriceTable;
import io.finrec.api.allocation.WeightBounds;
import io.finrec.api.random.Seeds;
import io.finrec.core.domain.AssetClass;
import io.finrec.core.domain.RiskProfile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BankLayerTest {
    /** Monthly STOCKS, BONDS, REAL_ESTATE, CASH; the last {@code crashMonths} months are a stock-market crash. */
    static PriceTable monthly(long seed, int months, int crashMonths) {
        SplittableRandom r = Seeds.random(seed, "monthly-market");
        List<LocalDate> dates = new ArrayList<>();
        double[][] p = new double[months][4];
        double[] level = {100, 100, 100, 100};
        LocalDate d = LocalDate.of(2005, 1, 31);
        for (int t = 0; t < months; t++) {
            dates.add(d);
            d = d.plusMonths(1).withDayOfMonth(d.plusMonths(1).lengthOfMonth());
            boolean crash = t >= months - crashMonths;
            double z = r.nextGaussian();
            double s = crash ? -0.06 + 0.09 * z : 0.008 + 0.035 * z;
            double b = 0.003 + 0.012 * r.nextGaussian() - (crash ? 0 : 0.1 * 0.035 * z);
            double re = 0.6 * s + 0.004 + 0.03 * r.nextGaussian();
            double c = 0.0015 + 0.0004 * r.nextGaussian();
            double[] ret = {s, b, re, c};
            for (int a = 0; a < 4; a++) {
                if (t > 0) level[a] *= 1 + ret[a];
                p[t][a] = level[a];
            }
        }
        return new PriceTable(dates, List.of("STOCKS", "BONDS", "REAL_ESTATE", "CASH"), p);
    }

    static final PriceTable CALM = monthly(1, 180, 0);
    static final PriceTable CRASH = monthly(1, 180, 4);

    @Test
    void questionnaireScoringAndKnockOuts() {
        RiskQuestionnaire.Scored young = new RiskQuestionnaire(28, 30, 5, 5, 4, 5).score();
        assertEquals(RiskProfile.AGGRESSIVE, young.profile());
        assertEquals(4 + 6 + 4 + 4 + 1 + 2, young.points());
        assertEquals(RiskProfile.CONSERVATIVE, new RiskQuestionnaire(75, 1, 1, 1, 1, 1).score().profile());
        RiskQuestionnaire.Scored shortHorizon = new RiskQuestionnaire(30, 2, 5, 5, 5, 5).score();
        assertEquals(RiskProfile.MODERATELY_CONSERVATIVE, shortHorizon.profile());
        assertTrue(shortHorizon.reasons().get(shortHorizon.reasons().size() - 1).contains("horizon"));
        assertEquals(RiskProfile.MODERATELY_CONSERVATIVE, new RiskQuestionnaire(30, 20, 5, 1, 5, 5).score().profile());
        assertThrows(IllegalArgumentException.class, () -> new RiskQuestionnaire(30, 20, 6, 1, 5, 5));
    }

    @Test
    void regimesWithHysteresis() {
        RegimeDetector det = new RegimeDetector(RegimeConfig.DEFAULT);
        RegimeDetector.Assessment crash = det.assess(CRASH);
        assertEquals(Regime.RISK_OFF, crash.regime(), crash.reason());
        assertFalse(crash.transitions().isEmpty());
        assertEquals(crash.since(), crash.transitions().get(crash.transitions().size() - 1).date());
        assertTrue(crash.signals().get(AssetClass.STOCKS).trend() < 0);
        // a single strong month after the crash does not end risk-off (minimum dwell and exit thresholds)
        double[][] p = CRASH.toArray();
        double[][] q = new double[p.length + 1][];
        System.arraycopy(p, 0, q, 0, p.length);
        q[p.length] = p[p.length - 1].clone();
        q[p.length][0] *= 1.08;
        List<LocalDate> dates = new ArrayList<>(CRASH.dates());
        dates.add(dates.get(dates.size() - 1).plusMonths(1));
        RegimeDetector.Assessment bounce = det.assess(new PriceTable(dates, CRASH.assets(), q));
        assertEquals(Regime.RISK_OFF, bounce.regime());
        assertThrows(AllocationException.class, () -> det.assess(CALM.rows(0, 15)));
    }

    @Test
    void allocationsStayWithinTiltedLimitsAndRiskRisesWithTheProfile() {
        double prevVol = -1;
        for (RiskProfile p : RiskProfile.values()) {
            RegimeAwareStrategy s = new RegimeAwareStrategy(ProfilePolicy.standard(p), RegimeConfig.DEFAULT);
            RegimeDetector.Assessment as = s.detector().assess(CALM);
            RegimeAwareStrategy.TiltedLimits lim = s.tilt(as.regime());
            Allocation a = s.allocate(io.finrec.api.allocation.AllocationRequest.of(CALM));
            double sum = 0;
            for (Map.Entry<String, Double> e : a.weights().entrySet()) {
                WeightBounds b = lim.bounds().get(AssetClass.valueOf(e.getKey()));
                assertTrue(b.contains(e.getValue(), 1e-12), p + " " + e);
                sum += e.getValue();
            }
            assertEquals(1, sum, 1e-10);
            assertTrue(a.volatility() <= lim.volatilityTarget() + 1e-9 || a.warnings().stream().anyMatch(w -> w.contains("minimum-variance")),
                    p + " vol " + a.volatility());
            assertTrue(a.volatility() >= prevVol - 1e-12, "volatility should not fall as the profile rises: " + p);
            prevVol = a.volatility();
            assertEquals(String.valueOf(p.level()), a.audit().settings().get("profile").substring(0, 1));
        }
    }

    @Test
    void riskOffTiltCutsStocksAndVolatility() {
        RegimeAwareStrategy s = new RegimeAwareStrategy(ProfilePolicy.standard(RiskProfile.GROWTH), RegimeConfig.DEFAULT);
        RegimeAwareStrategy.TiltedLimits on = s.tilt(Regime.RISK_ON);
        RegimeAwareStrategy.TiltedLimits off = s.tilt(Regime.RISK_OFF);
        assertEquals(0.14, on.volatilityTarget(), 1e-15);
        assertEquals(0.14 * 0.65, off.volatilityTarget(), 1e-15);
        assertEquals(0.60, off.bounds().get(AssetClass.STOCKS).upper(), 1e-15);
        assertEquals(0.40, off.bounds().get(AssetClass.STOCKS).lower(), 1e-15);
        Allocation crash = s.allocate(io.finrec.api.allocation.AllocationRequest.of(CRASH));
        assertTrue(crash.weight("STOCKS") <= 0.60 + 1e-12);
        assertTrue(crash.warnings().stream().anyMatch(w -> w.startsWith("regime risk-off")), crash.warnings().toString());
    }

    @Test
    void aRiskyClassBelowItsOwnTrendIsCutEvenInRiskOn() {
        RegimeAwareStrategy s = new RegimeAwareStrategy(ProfilePolicy.standard(RiskProfile.GROWTH), RegimeConfig.DEFAULT);
        Map<AssetClass, RegimeDetector.Signals> sig = new java.util.EnumMap<>(AssetClass.class);
        sig.put(AssetClass.STOCKS, new RegimeDetector.Signals(AssetClass.STOCKS, 0.03, 0.1, 0.9, -0.01));
        sig.put(AssetClass.REAL_ESTATE, new RegimeDetector.Signals(AssetClass.REAL_ESTATE, -0.04, -0.1, 1.6, -0.12));
        RegimeDetector.Assessment as = new RegimeDetector.Assessment(Regime.RISK_ON, LocalDate.of(2020, 1, 31), "calm", sig, List.of());
        RegimeAwareStrategy.TiltedLimits t = s.tilt(as);
        assertEquals(0.80, t.bounds().get(AssetClass.STOCKS).upper(), 1e-15);
        assertEquals(0.15, t.bounds().get(AssetClass.REAL_ESTATE).upper(), 1e-15);
        assertEquals(0.14, t.volatilityTarget(), 1e-15);
        assertTrue(t.changes().get(0).startsWith("real estate cap 25 % -> 15 %"), t.changes().toString());
    }

    @Test
    void rebalancingBandsAndMinimumTrade() {
        Map<String, Double> target = Map.of("STOCKS", 0.5, "BONDS", 0.4, "CASH", 0.1);
        Map<String, Double> near = new LinkedHashMap<>(Map.of("STOCKS", 5200.0, "BONDS", 3900.0, "CASH", 900.0));
        RebalanceAdvisor.Plan hold = RebalanceAdvisor.DEFAULT.advise(near, target);
        assertFalse(hold.rebalance(), hold.summary());
        Map<String, Double> far = new LinkedHashMap<>(Map.of("STOCKS", 7000.0, "BONDS", 2900.0, "CASH", 1000.0));
        RebalanceAdvisor.Plan plan = RebalanceAdvisor.DEFAULT.advise(far, target);
        assertTrue(plan.rebalance());
        double net = 0;
        for (RebalanceAdvisor.Trade t : plan.trades()) net += t.amount();
        assertEquals(0, net, 1e-9);
        RebalanceAdvisor.Trade cash = plan.trades().stream().filter(t -> t.asset().equals("CASH")).findFirst().orElseThrow();
        // value 10 900: cash 1000 -> 1090 would be a buy of 90 < 250, so it is skipped and the largest trade
        // (stocks 7000 -> 5450, a sale of 1550) absorbs it: sell 1460; bonds 2900 -> 4360, buy 1460
        assertEquals(RebalanceAdvisor.Action.HOLD, cash.action());
        assertTrue(cash.reason().contains("minimum trade"), cash.reason());
        RebalanceAdvisor.Trade stocks = plan.trades().stream().filter(t -> t.asset().equals("STOCKS")).findFirst().orElseThrow();
        assertEquals(-1460, stocks.amount(), 1e-9);
        assertEquals(0, plan.trades().stream().filter(t -> Math.abs(t.amount()) > 0 && Math.abs(t.amount()) < 250).count());
    }

    @Test
    void adviceIsDeterministicAndExplained() {
        AdvisoryAllocator adv = new AdvisoryAllocator();
        Map<String, Double> holdings = Map.of("STOCKS", 8000.0, "BONDS", 1000.0, "CASH", 1000.0);
        Advice a = adv.advise("C-1", RiskProfile.BALANCED, Optional.of(new RiskQuestionnaire(45, 12, 4, 3, 3, 4).score()),
                CRASH, 0.02, holdings);
        Advice b = adv.advise("C-1", RiskProfile.BALANCED, Optional.of(new RiskQuestionnaire(45, 12, 4, 3, 3, 4).score()),
                CRASH, 0.02, holdings);
        assertEquals(a.explanation(), b.explanation());
        String text = a.explanationText();
        for (String h : List.of("Profile:", "Strategy:", "Regime:", "Weights:", "Figures:", "Rebalancing:", "Audit:"))
            assertTrue(text.contains(h), "missing " + h + "\n" + text);
        assertTrue(text.contains("risk-off since"), text);
        assertTrue(a.rebalancing().orElseThrow().rebalance());
        assertEquals(a.allocation().audit().inputHash(), CRASH.contentHash());
    }
}
