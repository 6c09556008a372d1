package io.finrec.examples.eval;

import io.finrec.api.allocation.AllocationConstraints;
import io.finrec.api.allocation.PriceTable;
import io.finrec.api.allocation.WeightBounds;
import io.finrec.strategy.data.MissingPricePolicy;
import io.finrec.strategy.data.PriceTableCsv;
import io.finrec.strategy.data.ReturnKind;
import io.finrec.strategy.data.ReturnSeries;
import io.finrec.strategy.estimate.BlackLitterman;
import io.finrec.strategy.estimate.Covariances;
import io.finrec.strategy.estimate.ExpectedReturns;
import io.finrec.strategy.estimate.PsdRepair;
import io.finrec.strategy.hrp.HierarchicalRiskParity;
import io.finrec.strategy.linalg.Matrices;
import io.finrec.strategy.optimize.MeanVarianceOptimizer;
import io.finrec.strategy.optimize.OptimizedPortfolio;
import io.finrec.strategy.optimize.PortfolioConstraints;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reproduces numbers that PyPortfolioOpt's own test suite asserts on {@code stock_prices.csv} (and
 * {@code spy_prices.csv}), with FinRec's estimators and optimisers in PyPortfolioOpt-compatible conventions, and
 * checks each against the test's tolerance. Usage: {@code PyPortfolioOptCompatibility DATA_DIR} where
 * {@code DATA_DIR/prices/} holds the two files. Prints one line per check; exits 1 if any check fails.
 *
 * <p>The expected values are copied from PyPortfolioOpt's tests (MIT, Copyright (c) 2018 Robert Andrew Martin):
 * {@code tests/test_expected_returns.py}, {@code test_efficient_frontier.py}, {@code test_hrp.py},
 * {@code test_black_litterman.py}, {@code resources/weights_hrp.csv}.
 */
public final class PyPortfolioOptCompatibility {
    private static final List<String> FAILURES = new ArrayList<>();
    private static int checks;

    private PyPortfolioOptCompatibility() {}

    /** Runs the checks. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: PyPortfolioOptCompatibility DATA_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).resolve("prices");
        PriceTable df = PriceTableCsv.read(dir.resolve("stock_prices.csv"));
        PriceTable spy = PriceTableCsv.read(dir.resolve("spy_prices.csv"));
        ReturnSeries r = ReturnSeries.of(df, ReturnKind.SIMPLE, MissingPricePolicy.PAIRWISE);
        double[] mu = ExpectedReturns.geometric(r, 252);
        double[][] s = PsdRepair.ensurePsd(Covariances.sample(r, 252), PsdRepair.Method.EIGENVALUE_CLIP).matrix();

        // test_expected_returns.py
        vector("mean_historical_return (geometric)", mu, new double[] {0.247967, 0.294304, 0.284037, 0.1923164, 0.371327,
            0.1360093, 0.0328503, 0.1200115, 0.105540, 0.0423457, 0.1002559, 0.1442237, -0.0792602, 0.1430506, 0.0736356,
            0.238835, 0.388665, 0.226717, 0.1561701, 0.2318153}, 1.5e-6);
        vector("capm_return (equal-weight market, rf 0.02)", ExpectedReturns.capm(r, null, 0.02, 252, true), new double[] {
            0.22148462799238577, 0.2835429647498704, 0.14693081977908462, 0.1488989354304723, 0.4162399750335195,
            0.22716772604184535, 0.3970337136813829, 0.16733214988182069, 0.31791477659742146, 0.17279931642386534,
            0.15271750464365566, 0.351778014382922, 0.32859883451716376, 0.1501938182844417, 0.268295486802897,
            0.31632339201710874, 0.27753479916328516, 0.16959588523287855, 0.3089119447773357, 0.2558719211959501}, 1.5e-6);
        double[] spyOnRows = align(r, spy);
        vector("capm_return (SPY market, rf 0.02)", ExpectedReturns.capm(r, spyOnRows, 0.02, 252, true), new double[] {
            0.09115799375654746, 0.09905386632033128, 0.05676282405265752, 0.06291827346436336, 0.13147799781014877,
            0.10239088012000815, 0.1311567086884512, 0.07339649698626659, 0.1301248935078549, 0.07620949056643983,
            0.07629095442513395, 0.12163575425541985, 0.10400070536161658, 0.0781736030988492, 0.09185177050469516,
            0.10245700691271296, 0.11268307946677197, 0.07870087187919145, 0.1275598841214107, 0.09536788741392595}, 1.5e-6);

        // test_efficient_frontier.py (assert_allclose: rtol 1e-7, or atol 1e-6 where the test says so)
        List<String> t = df.assets();
        PortfolioConstraints longOnly = PortfolioConstraints.longOnly(t);
        PortfolioConstraints shorts = PortfolioConstraints.resolve(
                AllocationConstraints.builder().defaultBounds(WeightBounds.of(-1, 1)).build(), t);
        MeanVarianceOptimizer ef = new MeanVarianceOptimizer(mu, s, longOnly);
        MeanVarianceOptimizer efShort = new MeanVarianceOptimizer(mu, s, shorts);
        perf("min_volatility", ef, ef.minVariance(), 0.15056821399482578, 0.15915084514118694, 0.8204054077060996, 0);
        perf("max_sharpe", ef, ef.maxSharpe(0.02), 0.3047768672819914, 0.22165566922402932, 1.2847714127003216, 0);
        perf("efficient_risk(0.19)", ef, ef.efficientRisk(0.19), 0.2552422849133517, 0.19, 1.2381172871434818, 1e-6);
        perf("efficient_return(0.25)", ef, ef.efficientReturn(0.25), 0.25, 0.18723269942026335, 1.2284179030274036, 1e-6);
        perf("max_quadratic_utility(2)", ef, ef.quadraticUtility(2), 0.3677732711751504, 0.2921342197778279, 1.1904571516463793, 0);
        perf("min_volatility short", efShort, efShort.minVariance(), 0.1516319319875544, 0.1555915367269669, 0.8460095886741129, 0);
        perf("max_sharpe short", efShort, efShort.maxSharpe(0.02), 0.4937195216716211, 0.29516576454651955, 1.6049270564945908, 0);
        perf("efficient_risk(0.19) short", efShort, efShort.efficientRisk(0.19), 0.30035471606347336, 0.19, 1.4755511348079207, 1e-6);
        perf("max_quadratic_utility short", efShort, efShort.quadraticUtility(1), 1.4170505733098597, 1.0438577623242156, 1.3383533884915872, 0);
        double[][] semi = Covariances.semicovariance(r, 0, 252);
        MeanVarianceOptimizer efSemi = new MeanVarianceOptimizer(mu, semi, longOnly);
        perf("max_sharpe semicovariance", efSemi, efSemi.maxSharpe(0.02), 0.2762965426962885, 0.07372667096108301, 3.476307004714425, 0);
        double[][] expCov = PsdRepair.ensurePsd(Covariances.exponentiallyWeighted(r, 180, 252), PsdRepair.Method.EIGENVALUE_CLIP).matrix();
        MeanVarianceOptimizer efExp = new MeanVarianceOptimizer(mu, expCov, longOnly);
        perf("max_sharpe exp_cov", efExp, efExp.maxSharpe(0.02), 0.33700887443850647, 0.1807332515488447, 1.7540152225548384, 0);
        MeanVarianceOptimizer efSf = new MeanVarianceOptimizer(mu, Covariances.ledoitWolfSingleFactor(r, 252).matrix(), longOnly);
        perf("efficient_return(0.22) single_factor", efSf, efSf.efficientReturn(0.22), 0.22, 0.08892192396903059, 2.2491641101878916, 0);

        // test_hrp.py and resources/weights_hrp.csv
        double[][] dailyCov = Covariances.sample(r, 1);
        HierarchicalRiskParity.Result hrp = new HierarchicalRiskParity(HierarchicalRiskParity.Variant.PLAIN_DISTANCE)
                .weights(dailyCov, Covariances.pairwiseCorrelation(r));
        Map<String, Double> expectedHrp = Map.ofEntries(Map.entry("AAPL", 0.022258941278778387), Map.entry("AMD", 0.022294021796692116),
                Map.entry("AMZN", 0.016086842079874982), Map.entry("BABA", 0.07963382071794088), Map.entry("BAC", 0.014409222455552267),
                Map.entry("BBY", 0.03406419438245041), Map.entry("FB", 0.06272994714663536), Map.entry("GE", 0.05519063444162851),
                Map.entry("GM", 0.055576660241857236), Map.entry("GOOG", 0.04956008428992926), Map.entry("JPM", 0.017675709092515715),
                Map.entry("MA", 0.038127373497320226), Map.entry("PFE", 0.07786528342813452), Map.entry("RRC", 0.03161528695094598),
                Map.entry("SBUX", 0.039844436656239136), Map.entry("SHLD", 0.027113184241298872), Map.entry("T", 0.11138956508836473),
                Map.entry("UAA", 0.027115909570750083), Map.entry("WMT", 0.10569551148587902), Map.entry("XOM", 0.11175337115721229));
        double[] expHrp = new double[t.size()];
        for (int i = 0; i < expHrp.length; i++) expHrp[i] = expectedHrp.get(t.get(i));
        vector("HRPOpt weights (weights_hrp.csv)", hrp.weights(), expHrp, 1e-9);
        vector("HRPOpt quasi-diagonal order [:5]", new double[] {hrp.order()[0], hrp.order()[1], hrp.order()[2], hrp.order()[3], hrp.order()[4]},
                new double[] {12, 6, 15, 14, 2}, 0);

        // test_black_litterman.py
        double[] ema = ExpectedReturns.exponentiallyWeighted(r, 500, 252, true);
        double[][] lw = PsdRepair.ensurePsd(Covariances.ledoitWolf(r, 252).matrix(), PsdRepair.Method.EIGENVALUE_CLIP).matrix();
        BlackLitterman.Builder allViews = BlackLitterman.builder(t, lw).prior(ema);
        for (String a : t) allViews.absoluteView(a, 0.1);
        vector("bl_returns (EMA prior, Ledoit-Wolf, all views 0.1)", allViews.build().posteriorReturns(), new double[] {
            0.11168648, 0.16782938, 0.12516799, 0.24067997, 0.32848296, -0.22789895, 0.16311297, 0.11928542, 0.25414308,
            0.11007738, 0.06282615, -0.03140218, -0.16977172, 0.05254821, -0.10463884, 0.32173375, 0.26399864, 0.1118594,
            0.22999558, 0.08977448}, 1.5e-6);
        Map<String, Double> caps = new HashMap<>(Map.ofEntries(Map.entry("GOOG", 927e9), Map.entry("AAPL", 1.19e12), Map.entry("FB", 574e9),
                Map.entry("BABA", 533e9), Map.entry("AMZN", 867e9), Map.entry("GE", 96e9), Map.entry("AMD", 43e9), Map.entry("WMT", 339e9),
                Map.entry("BAC", 301e9), Map.entry("GM", 51e9), Map.entry("T", 61e9), Map.entry("UAA", 78e9), Map.entry("SHLD", 0.0),
                Map.entry("XOM", 295e9), Map.entry("RRC", 1e9), Map.entry("BBY", 22e9), Map.entry("MA", 288e9), Map.entry("PFE", 212e9),
                Map.entry("JPM", 422e9), Map.entry("SBUX", 102e9)));
        double[] capArr = new double[t.size()];
        for (int i = 0; i < capArr.length; i++) capArr[i] = caps.get(t.get(i));
        BlackLitterman idz = BlackLitterman.builder(t, s).marketPrior(capArr, 1, 0)
                .absoluteView("GOOG", 0.4).absoluteView("AAPL", -0.3).absoluteView("FB", 0.3).absoluteView("BABA", 0)
                .idzorekConfidences(new double[] {1, 1, 0.25, 0.25}).build();
        blPerf("bl_weights performance (market prior, Idzorek)", idz, 0.943431295405105, 0.5361412623208567, 1.722365653051476);
        BlackLitterman eq = BlackLitterman.builder(t, s).prior(filled(t.size(), 1.0 / t.size()))
                .absoluteView("AAPL", 0.20).absoluteView("BBY", -0.30).absoluteView("BAC", 0).absoluteView("SBUX", -0.2)
                .absoluteView("T", 0.131321).build();
        blPerf("bl_weights performance (equal prior)", eq, 0.1877432247395778, 0.3246889329226965, 0.5166274785827545);

        System.out.printf(Locale.ROOT, "%d checks, %d failed%n", checks, FAILURES.size());
        if (!FAILURES.isEmpty()) {
            System.out.println("FAILED: " + String.join("; ", FAILURES));
            System.exit(1);
        }
    }

    /** PyPortfolioOpt's bl.bl_weights() then portfolio_performance() (posterior returns and covariance, rf 0.02). */
    private static void blPerf(String name, BlackLitterman bl, double er, double vol, double sharpe) {
        double[] w = bl.impliedWeights();
        double ret = Matrices.dot(bl.posteriorReturns(), w);
        double v = Math.sqrt(Matrices.quadraticForm(bl.posteriorCovariance(), w));
        double[] expected = {er, vol, sharpe};
        check(name, new double[] {ret, v, (ret - 0.02) / v}, expected, i -> 1e-7 * Math.abs(expected[i]));
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** The market's own returns looked up on the return dates of {@code r} (NaN where it has none). */
    private static double[] align(ReturnSeries r, PriceTable market) {
        ReturnSeries m = ReturnSeries.of(market, ReturnKind.SIMPLE, MissingPricePolicy.PAIRWISE);
        Map<LocalDate, Double> byDate = new HashMap<>();
        for (int i = 0; i < m.periods(); i++) byDate.put(m.dates().get(i), m.value(i, 0));
        double[] out = new double[r.periods()];
        for (int i = 0; i < out.length; i++) out[i] = byDate.getOrDefault(r.dates().get(i), Double.NaN);
        return out;
    }

    private static void perf(String name, MeanVarianceOptimizer ef, OptimizedPortfolio p, double er, double vol, double sharpe,
                             double atol) {
        double[] w = p.weights();
        double r = ef.expectedReturn(w);
        double v = ef.volatility(w);
        double[] actual = {r, v, (r - 0.02) / v};
        double[] expected = {er, vol, sharpe};
        check(name, actual, expected, i -> atol + 1e-7 * Math.abs(expected[i]));
    }

    private static void vector(String name, double[] actual, double[] expected, double atol) {
        check(name, actual, expected, i -> atol);
    }

    private static void scalar(String name, double actual, double expected, double atol) {
        check(name, new double[] {actual}, new double[] {expected}, i -> atol);
    }

    private static void check(String name, double[] actual, double[] expected, Function<Integer, Double> tol) {
        checks++;
        double worst = 0;
        boolean ok = actual.length == expected.length;
        for (int i = 0; ok && i < actual.length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            worst = Math.max(worst, d);
            if (!(d <= tol.apply(i))) ok = false;
        }
        System.out.printf(Locale.ROOT, "%-4s %-55s max |diff| %.3e%n", ok ? "ok" : "FAIL", name, worst);
        if (!ok) FAILURES.add(name);
    }
}
