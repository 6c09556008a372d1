package io.finrec.strategy;

import io.finrec.api.allocation.Allocation;
import io.finrec.api.allocation.AllocationAudit;
import io.finrec.api.allocation.AllocationException;
import io.finrec.api.allocation.AllocationRequest;
import io.finrec.api.allocation.AllocationStrategy;
import io.finrec.api.allocation.PriceTable;
import io.finrec.api.allocation.SolverReport;
import io.finrec.api.model.Provenance;
import io.finrec.strategy.data.MissingPricePolicy;
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
import io.finrec.strategy.optimize.RiskBudgeting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The {@link AllocationStrategy} of this module: estimates expected returns and covariance from the request's
 * prices (as configured by a {@link StrategyConfig}), runs the configured method under the request's constraints
 * and returns the weights with their figures, warnings and audit record. Refusals are typed
 * {@link AllocationException}s (history too short, target unreachable, no asset above the risk-free rate,
 * infeasible or unsupported constraints, singular covariance); it never falls back to equal weights.
 *
 * <p>Immutable and thread-safe: one instance can serve concurrent requests.
 */
public final class PortfolioStrategy implements AllocationStrategy {
    private final StrategyConfig config;

    /** A strategy with these settings. */
    public PortfolioStrategy(StrategyConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A strategy for a method with default settings (targets must be set through {@link StrategyConfig}). */
    public static PortfolioStrategy of(Method method) {
        return new PortfolioStrategy(StrategyConfig.builder(method).build());
    }

    /** The settings. */
    public StrategyConfig config() {
        return config;
    }

    @Override
    public String name() {
        return config.method().id();
    }

    /**
     * Estimates expected returns and covariance from the request's prices.
     *
     * @throws AllocationException {@code HISTORY_TOO_SHORT} when the method needs more returns than the prices give
     */
    public MarketEstimate estimate(AllocationRequest request) {
        Objects.requireNonNull(request, "request");
        PriceTable prices = request.prices();
        int periods = request.periodsPerYear();
        MissingPricePolicy policy = config.convention() == Convention.PYPORTFOLIOOPT
                ? MissingPricePolicy.PAIRWISE : MissingPricePolicy.INTERSECT;
        ReturnSeries simple = ReturnSeries.of(prices, ReturnKind.SIMPLE, policy);
        int obs = simple.periods() == 0 ? 0 : simple.minCount();
        Method method = config.method();
        if (obs < 2)
            throw new AllocationException(AllocationException.Reason.HISTORY_TOO_SHORT,
                    "the prices give " + obs + " return(s) " + (policy == MissingPricePolicy.INTERSECT
                            ? "on dates where every asset has consecutive prices" : "for the asset with the shortest history"),
                    "supply a longer price history or drop the asset with the shortest history");
        List<String> warnings = new ArrayList<>();
        if (obs < config.minObservations()) {
            if (method.usesExpectedReturns())
                throw new AllocationException(AllocationException.Reason.HISTORY_TOO_SHORT, String.format(Locale.ROOT,
                        "only %d returns are available; %s needs at least %d for a usable expected-return estimate",
                        obs, method.id(), config.minObservations()),
                        "use a covariance-only method (min-variance, erc or hrp) or supply a longer price history");
            warnings.add(String.format(Locale.ROOT, "only %d returns: the covariance estimate is noisy (%d or more"
                    + " recommended)", obs, config.minObservations()));
        }
        ReturnSeries covReturns = config.covarianceReturns() == ReturnKind.LOG
                ? ReturnSeries.of(prices, ReturnKind.LOG, policy) : simple;
        double[] mu = switch (config.returnModel()) {
            case GEOMETRIC -> ExpectedReturns.geometric(simple, periods);
            case ARITHMETIC -> ExpectedReturns.arithmetic(simple, periods);
            case EXPONENTIAL -> ExpectedReturns.exponentiallyWeighted(simple, config.returnSpan(), periods, true);
            case CAPM -> ExpectedReturns.capm(simple, null, request.riskFreeRate(), periods, true);
        };
        boolean pyp = config.convention() == Convention.PYPORTFOLIOOPT;
        OptionalDouble shrinkage = OptionalDouble.empty();
        double[][] cov;
        switch (config.riskModel()) {
            case SAMPLE -> cov = Covariances.sample(covReturns, periods);
            case EXPONENTIAL -> cov = Covariances.exponentiallyWeighted(covReturns, config.covarianceSpan(), periods);
            case LEDOIT_WOLF -> {
                Covariances.Shrunk s = Covariances.ledoitWolf(covReturns, periods);
                cov = s.matrix();
                shrinkage = OptionalDouble.of(s.shrinkage());
            }
            case LEDOIT_WOLF_CONSTANT_CORRELATION -> {
                Covariances.Shrunk s = Covariances.ledoitWolfConstantCorrelation(covReturns, periods, pyp);
                cov = s.matrix();
                shrinkage = OptionalDouble.of(s.shrinkage());
            }
            case LEDOIT_WOLF_SINGLE_FACTOR -> {
                Covariances.Shrunk s = Covariances.ledoitWolfSingleFactor(covReturns, periods);
                cov = s.matrix();
                shrinkage = OptionalDouble.of(s.shrinkage());
            }
            case SEMICOVARIANCE -> cov = Covariances.semicovariance(covReturns, config.semicovarianceBenchmark()
                    .orElse(Math.pow(1 + request.riskFreeRate(), 1.0 / periods) - 1), periods);
            default -> throw new IllegalStateException(config.riskModel().toString());
        }
        for (int i = 0; i < cov.length; i++)
            if (!(cov[i][i] > 0))
                throw new AllocationException(AllocationException.Reason.SINGULAR_MATRIX,
                        "asset " + prices.assets().get(i) + " has zero variance in the window (its price never moves)",
                        "remove the asset or use a window in which it trades");
        PsdRepair.Result repaired = PsdRepair.ensurePsd(cov, config.psdRepair());
        repaired.warning().ifPresent(warnings::add);
        cov = repaired.matrix();
        double[][] corr = pyp && config.riskModel() == RiskModel.SAMPLE
                ? Covariances.pairwiseCorrelation(simple) : Covariances.correlation(cov);
        return new MarketEstimate(prices.assets(), mu, cov, corr, simple, shrinkage, warnings);
    }

    @Override
    public Allocation allocate(AllocationRequest request) {
        MarketEstimate est = estimate(request);
        PortfolioConstraints pc = PortfolioConstraints.resolve(request.constraints(), est.assets());
        double rf = request.riskFreeRate();
        double[] mu = est.expectedReturns();
        double[][] cov = est.covariance();
        Map<String, String> extra = new LinkedHashMap<>();
        OptimizedPortfolio result;
        switch (config.method()) {
            case MIN_VARIANCE -> result = new MeanVarianceOptimizer(mu, cov, pc).minVariance();
            case MAX_SHARPE -> result = new MeanVarianceOptimizer(mu, cov, pc).maxSharpe(rf);
            case EFFICIENT_RISK -> result = new MeanVarianceOptimizer(mu, cov, pc)
                    .efficientRisk(config.targetVolatility().orElseThrow());
            case EFFICIENT_RETURN -> result = new MeanVarianceOptimizer(mu, cov, pc)
                    .efficientReturn(config.targetReturn().orElseThrow());
            case QUADRATIC_UTILITY -> result = new MeanVarianceOptimizer(mu, cov, pc).quadraticUtility(config.riskAversion());
            case ERC -> result = requireUnconstrained(pc, new RiskBudgeting(cov).equalRiskContribution());
            case HRP, HRP_LDP -> {
                HierarchicalRiskParity hrp = new HierarchicalRiskParity(config.method() == Method.HRP
                        ? HierarchicalRiskParity.Variant.PLAIN_DISTANCE : HierarchicalRiskParity.Variant.DISTANCE_OF_DISTANCES);
                HierarchicalRiskParity.Result r = hrp.weights(cov, est.correlation());
                List<String> order = new ArrayList<>();
                for (int i : r.order()) order.add(est.assets().get(i));
                extra.put("clusterOrder", String.join(" ", order));
                result = requireUnconstrained(pc, new OptimizedPortfolio(r.weights(),
                        SolverReport.closedForm("hierarchical risk parity, " + hrp.variant().name().toLowerCase(Locale.ROOT)), List.of()));
            }
            case BLACK_LITTERMAN -> {
                BlackLitterman bl = blackLitterman(est, rf);
                mu = bl.posteriorReturns();
                cov = bl.posteriorCovariance();
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < mu.length; i++)
                    sb.append(i == 0 ? "" : " ").append(est.assets().get(i)).append('=').append(String.format(Locale.ROOT, "%.6f", mu[i]));
                extra.put("posteriorReturns", sb.toString());
                result = new MeanVarianceOptimizer(mu, cov, pc).maxSharpe(rf);
            }
            default -> throw new IllegalStateException(config.method().toString());
        }
        List<String> warnings = new ArrayList<>(est.warnings());
        warnings.addAll(result.notes());
        if (config.method() == Method.BLACK_LITTERMAN && config.views().isEmpty())
            warnings.add("no Black-Litterman views were given: the posterior equals the prior");
        double[] w = result.weights();
        describeWeights(est.assets(), w, pc, warnings);
        Map<String, String> settings = new LinkedHashMap<>(config.describe());
        settings.put("missingPrices", (config.convention() == Convention.PYPORTFOLIOOPT
                ? MissingPricePolicy.PAIRWISE : MissingPricePolicy.INTERSECT).name().toLowerCase(Locale.ROOT));
        settings.put("riskFreeRate", Double.toString(rf));
        settings.put("periodsPerYear", Integer.toString(request.periodsPerYear()));
        est.shrinkage().ifPresent(s -> settings.put("shrinkage", Double.toString(s)));
        settings.putAll(extra);
        return build(est.assets(), w, mu, cov, rf, warnings, new AllocationAudit(request.prices().contentHash(),
                config.method().id(), est.windowStart(), est.windowEnd(), est.returns().periods(), settings,
                result.report(), Provenance.LIBRARY_VERSION));
    }

    /** Builds an {@link Allocation} from weights and the estimates they are judged by. */
    static Allocation build(List<String> assets, double[] w, double[] mu, double[][] cov, double rf,
                            List<String> warnings, AllocationAudit audit) {
        double ret = Matrices.dot(mu, w);
        double vol = Math.sqrt(Math.max(0, Matrices.quadraticForm(cov, w)));
        double[] rc = RiskBudgeting.riskContributions(cov, w);
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Double> contributions = new LinkedHashMap<>();
        for (int i = 0; i < assets.size(); i++) {
            weights.put(assets.get(i), w[i] == 0 ? 0.0 : w[i]);
            contributions.put(assets.get(i), rc[i] == 0 ? 0.0 : rc[i]);
        }
        return new Allocation(weights, ret, vol, vol > 0 ? (ret - rf) / vol : Double.NaN, contributions, warnings, audit);
    }

    private BlackLitterman blackLitterman(MarketEstimate est, double rf) {
        List<String> assets = est.assets();
        BlackLitterman.Builder b = BlackLitterman.builder(assets, est.covariance()).tau(config.tau())
                .riskAversion(config.marketRiskAversion());
        double[] caps = new double[assets.size()];
        if (config.marketCaps().isEmpty()) {
            java.util.Arrays.fill(caps, 1);
        } else {
            for (int i = 0; i < caps.length; i++) {
                Double c = config.marketCaps().get(assets.get(i));
                if (c == null)
                    throw new AllocationException(AllocationException.Reason.INVALID_INPUT,
                            "marketCaps: no market capitalisation for asset " + assets.get(i),
                            "give a capitalisation for every asset, or none to use equal weights as the market");
                caps[i] = c;
            }
            for (String a : config.marketCaps().keySet())
                if (!assets.contains(a))
                    throw new AllocationException(AllocationException.Reason.INVALID_INPUT,
                            "marketCaps: asset '" + a + "' is not in the price table", "remove it");
        }
        b.marketPrior(caps, config.marketRiskAversion(), rf);
        double[] conf = new double[config.views().size()];
        int k = 0;
        for (Map.Entry<String, Double> v : config.views().entrySet()) {
            if (!assets.contains(v.getKey()))
                throw new AllocationException(AllocationException.Reason.INVALID_INPUT,
                        "views: asset '" + v.getKey() + "' is not in the price table", "remove the view");
            b.absoluteView(v.getKey(), v.getValue());
            conf[k++] = config.viewConfidences().getOrDefault(v.getKey(), Double.NaN);
        }
        if (!config.viewConfidences().isEmpty()) b.idzorekConfidences(conf);
        return b.build();
    }

    private OptimizedPortfolio requireUnconstrained(PortfolioConstraints pc, OptimizedPortfolio p) {
        if (pc.isDefaultLongOnly()) return p;
        double v = pc.violation(p.weights());
        if (v > 1e-9)
            throw new AllocationException(AllocationException.Reason.INVALID_INPUT, String.format(Locale.ROOT,
                    "%s does not take box or group constraints and its weights break the given ones by %.4f",
                    config.method().id(), v), "use min-variance, max-sharpe or efficient-risk, which honour them");
        return p;
    }

    private static void describeWeights(List<String> assets, double[] w, PortfolioConstraints pc, List<String> warnings) {
        int max = 0;
        int zero = 0;
        List<String> atUpper = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            if (w[i] > w[max]) max = i;
            if (w[i] == 0) zero++;
            if (pc.upper(i) < 1 && w[i] == pc.upper(i)) atUpper.add(assets.get(i));
        }
        if (w[max] > 0.5)
            warnings.add(String.format(Locale.ROOT, "concentrated: %.1f %% in %s", 100 * w[max], assets.get(max)));
        if (zero > 0 && w.length > 1)
            warnings.add(zero + " of " + w.length + " assets get no weight");
        if (!atUpper.isEmpty())
            warnings.add("at their upper bound: " + String.join(", ", atUpper));
    }
}
