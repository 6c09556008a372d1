package io.finrec.strategy;

import io.finrec.strategy.data.ReturnKind;
import io.finrec.strategy.estimate.PsdRepair;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Settings of a {@link PortfolioStrategy}: the method, the estimators, the conventions and the method's
 * parameters. Immutable and thread-safe; build with {@link #builder(Method)}, change with {@link #toBuilder()}.
 */
public final class StrategyConfig {
    /** Fewest returns accepted for methods that use expected returns (about three months of daily data). */
    public static final int DEFAULT_MIN_OBSERVATIONS = 60;

    private final Method method;
    private final ReturnModel returnModel;
    private final RiskModel riskModel;
    private final Convention convention;
    private final ReturnKind covarianceReturns;
    private final PsdRepair.Method psdRepair;
    private final int minObservations;
    private final double returnSpan;
    private final double covarianceSpan;
    private final Double targetVolatility;
    private final Double targetReturn;
    private final double riskAversion;
    private final Map<String, Double> views;
    private final Map<String, Double> viewConfidences;
    private final Map<String, Double> marketCaps;
    private final double tau;
    private final double marketRiskAversion;
    private final Double semicovarianceBenchmark;

    private StrategyConfig(Builder b) {
        this.method = b.method;
        this.returnModel = b.returnModel;
        this.riskModel = b.riskModel;
        this.convention = b.convention;
        this.covarianceReturns = b.covarianceReturns;
        this.psdRepair = b.psdRepair;
        this.minObservations = b.minObservations;
        this.returnSpan = b.returnSpan;
        this.covarianceSpan = b.covarianceSpan;
        this.targetVolatility = b.targetVolatility;
        this.targetReturn = b.targetReturn;
        this.riskAversion = b.riskAversion;
        this.views = Collections.unmodifiableMap(new LinkedHashMap<>(b.views));
        this.viewConfidences = Collections.unmodifiableMap(new LinkedHashMap<>(b.viewConfidences));
        this.marketCaps = Collections.unmodifiableMap(new LinkedHashMap<>(b.marketCaps));
        this.tau = b.tau;
        this.marketRiskAversion = b.marketRiskAversion;
        this.semicovarianceBenchmark = b.semicovarianceBenchmark;
    }

    /** A builder for a method with the defaults: geometric returns, sample covariance, FinRec conventions. */
    public static Builder builder(Method method) {
        return new Builder(method);
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder(method).returnModel(returnModel).riskModel(riskModel).convention(convention)
                .covarianceReturns(covarianceReturns).psdRepair(psdRepair).minObservations(minObservations)
                .returnSpan(returnSpan).covarianceSpan(covarianceSpan).riskAversion(riskAversion).tau(tau)
                .marketRiskAversion(marketRiskAversion);
        b.targetVolatility = targetVolatility;
        b.semicovarianceBenchmark = semicovarianceBenchmark;
        b.targetReturn = targetReturn;
        b.views.putAll(views);
        b.viewConfidences.putAll(viewConfidences);
        b.marketCaps.putAll(marketCaps);
        return b;
    }

    /** The allocation method. */
    public Method method() { return method; }

    /** The expected-return estimator. */
    public ReturnModel returnModel() { return returnModel; }

    /** The covariance estimator. */
    public RiskModel riskModel() { return riskModel; }

    /** FinRec's or PyPortfolioOpt's estimation conventions. */
    public Convention convention() { return convention; }

    /** Simple or log returns for the covariance (expected returns always compound simple returns). */
    public ReturnKind covarianceReturns() { return covarianceReturns; }

    /** How a non-PSD covariance is repaired. */
    public PsdRepair.Method psdRepair() { return psdRepair; }

    /** Fewest returns accepted by methods that use expected returns. */
    public int minObservations() { return minObservations; }

    /** Span of the exponentially weighted mean return (PyPortfolioOpt default 500). */
    public double returnSpan() { return returnSpan; }

    /** Span of the exponentially weighted covariance (PyPortfolioOpt default 180). */
    public double covarianceSpan() { return covarianceSpan; }

    /** Volatility target of {@link Method#EFFICIENT_RISK}. */
    public OptionalDouble targetVolatility() {
        return targetVolatility == null ? OptionalDouble.empty() : OptionalDouble.of(targetVolatility);
    }

    /** Return target of {@link Method#EFFICIENT_RETURN}. */
    public OptionalDouble targetReturn() {
        return targetReturn == null ? OptionalDouble.empty() : OptionalDouble.of(targetReturn);
    }

    /** Risk aversion δ of {@link Method#QUADRATIC_UTILITY}. */
    public double riskAversion() { return riskAversion; }

    /** Black-Litterman absolute views: asset → expected annual return. */
    public Map<String, Double> views() { return views; }

    /** Black-Litterman view confidences in [0, 1] (Idzorek); empty uses He-Litterman's default uncertainty. */
    public Map<String, Double> viewConfidences() { return viewConfidences; }

    /** Market capitalisations for the Black-Litterman prior; empty uses equal weights as the market. */
    public Map<String, Double> marketCaps() { return marketCaps; }

    /** Black-Litterman τ. */
    public double tau() { return tau; }

    /** Market risk aversion δ of the Black-Litterman prior {@code δΣw + r_f}. */
    public double marketRiskAversion() { return marketRiskAversion; }

    /** Per-period benchmark return of the semicovariance; empty means the per-period risk-free rate. */
    public OptionalDouble semicovarianceBenchmark() {
        return semicovarianceBenchmark == null ? OptionalDouble.empty() : OptionalDouble.of(semicovarianceBenchmark);
    }

    /** The settings as text, for audit records. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("method", method.id());
        m.put("expectedReturns", returnModel.id() + (returnModel == ReturnModel.EXPONENTIAL ? " (span " + returnSpan + ")" : ""));
        m.put("covariance", riskModel.id() + (riskModel == RiskModel.EXPONENTIAL ? " (span " + covarianceSpan + ")" : ""));
        m.put("convention", convention.name().toLowerCase(java.util.Locale.ROOT));
        m.put("covarianceReturns", covarianceReturns.name().toLowerCase(java.util.Locale.ROOT));
        m.put("psdRepair", psdRepair.name().toLowerCase(java.util.Locale.ROOT));
        m.put("minObservations", Integer.toString(minObservations));
        if (riskModel == RiskModel.SEMICOVARIANCE)
            m.put("semicovarianceBenchmark", semicovarianceBenchmark == null ? "per-period risk-free rate" : semicovarianceBenchmark.toString());
        if (targetVolatility != null) m.put("targetVolatility", targetVolatility.toString());
        if (targetReturn != null) m.put("targetReturn", targetReturn.toString());
        if (method == Method.QUADRATIC_UTILITY) m.put("riskAversion", Double.toString(riskAversion));
        if (method == Method.BLACK_LITTERMAN) {
            m.put("views", views.toString());
            m.put("viewConfidences", viewConfidences.isEmpty() ? "default (He-Litterman)" : viewConfidences.toString());
            m.put("prior", marketCaps.isEmpty() ? "equal-weight market" : "market capitalisations " + marketCaps);
            m.put("tau", Double.toString(tau));
            m.put("marketRiskAversion", Double.toString(marketRiskAversion));
        }
        return m;
    }

    @Override
    public String toString() {
        return "StrategyConfig" + describe();
    }

    /** Builder of {@link StrategyConfig}. Not thread-safe. */
    public static final class Builder {
        private Method method;
        private ReturnModel returnModel = ReturnModel.GEOMETRIC;
        private RiskModel riskModel = RiskModel.SAMPLE;
        private Convention convention = Convention.FINREC;
        private ReturnKind covarianceReturns = ReturnKind.SIMPLE;
        private PsdRepair.Method psdRepair = PsdRepair.Method.EIGENVALUE_CLIP;
        private int minObservations = DEFAULT_MIN_OBSERVATIONS;
        private double returnSpan = 500;
        private double covarianceSpan = 180;
        private Double targetVolatility;
        private Double targetReturn;
        private double riskAversion = 1;
        private final Map<String, Double> views = new LinkedHashMap<>();
        private final Map<String, Double> viewConfidences = new LinkedHashMap<>();
        private final Map<String, Double> marketCaps = new LinkedHashMap<>();
        private double tau = 0.05;
        private double marketRiskAversion = 2.5;
        private Double semicovarianceBenchmark;

        private Builder(Method method) {
            this.method = Objects.requireNonNull(method, "method");
        }

        /** The method. */
        public Builder method(Method m) { this.method = Objects.requireNonNull(m, "method"); return this; }

        /** The expected-return estimator (default geometric). */
        public Builder returnModel(ReturnModel m) { this.returnModel = Objects.requireNonNull(m, "returnModel"); return this; }

        /** The covariance estimator (default sample). */
        public Builder riskModel(RiskModel m) { this.riskModel = Objects.requireNonNull(m, "riskModel"); return this; }

        /** The conventions (default FinRec's). */
        public Builder convention(Convention c) { this.convention = Objects.requireNonNull(c, "convention"); return this; }

        /** Simple (default) or log returns for the covariance. */
        public Builder covarianceReturns(ReturnKind k) { this.covarianceReturns = Objects.requireNonNull(k, "covarianceReturns"); return this; }

        /** How to repair a non-PSD covariance (default eigenvalue clipping). */
        public Builder psdRepair(PsdRepair.Method m) { this.psdRepair = Objects.requireNonNull(m, "psdRepair"); return this; }

        /** Fewest returns for methods that use expected returns (default 60, at least 2). */
        public Builder minObservations(int n) {
            if (n < 2) throw new IllegalArgumentException("minObservations: must be >= 2, was " + n);
            this.minObservations = n;
            return this;
        }

        /** Span of the exponentially weighted mean return (default 500). */
        public Builder returnSpan(double s) {
            if (!(s >= 1)) throw new IllegalArgumentException("returnSpan: must be >= 1, was " + s);
            this.returnSpan = s;
            return this;
        }

        /** Span of the exponentially weighted covariance (default 180). */
        public Builder covarianceSpan(double s) {
            if (!(s >= 1)) throw new IllegalArgumentException("covarianceSpan: must be >= 1, was " + s);
            this.covarianceSpan = s;
            return this;
        }

        /** Volatility target for efficient-risk, e.g. 0.15. */
        public Builder targetVolatility(double v) {
            if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException("targetVolatility: must be positive, was " + v);
            this.targetVolatility = v;
            return this;
        }

        /** Return target for efficient-return, e.g. 0.08. */
        public Builder targetReturn(double r) {
            if (!Double.isFinite(r)) throw new IllegalArgumentException("targetReturn: must be finite, was " + r);
            this.targetReturn = r;
            return this;
        }

        /** Risk aversion δ for quadratic utility (default 1). */
        public Builder riskAversion(double d) {
            if (!(d > 0) || !Double.isFinite(d)) throw new IllegalArgumentException("riskAversion: must be positive, was " + d);
            this.riskAversion = d;
            return this;
        }

        /** A Black-Litterman absolute view. */
        public Builder view(String asset, double expectedReturn) {
            Objects.requireNonNull(asset, "asset");
            if (!Double.isFinite(expectedReturn)) throw new IllegalArgumentException("views: '" + asset + "' is not finite");
            views.put(asset, expectedReturn);
            return this;
        }

        /** A Black-Litterman view with Idzorek confidence in [0, 1]. */
        public Builder view(String asset, double expectedReturn, double confidence) {
            if (!(confidence >= 0 && confidence <= 1))
                throw new IllegalArgumentException("viewConfidences: '" + asset + "' has " + confidence + ", outside [0, 1]");
            view(asset, expectedReturn);
            viewConfidences.put(asset, confidence);
            return this;
        }

        /** A market capitalisation for the Black-Litterman prior. */
        public Builder marketCap(String asset, double cap) {
            if (!(cap >= 0) || !Double.isFinite(cap)) throw new IllegalArgumentException("marketCaps: '" + asset + "' has " + cap);
            marketCaps.put(Objects.requireNonNull(asset, "asset"), cap);
            return this;
        }

        /** Black-Litterman τ (default 0.05). */
        public Builder tau(double t) {
            if (!(t > 0 && t <= 1)) throw new IllegalArgumentException("tau: must be in (0, 1], was " + t);
            this.tau = t;
            return this;
        }

        /** Market risk aversion δ of the Black-Litterman prior (default 2.5). */
        public Builder marketRiskAversion(double d) {
            if (!(d > 0) || !Double.isFinite(d)) throw new IllegalArgumentException("marketRiskAversion: must be positive, was " + d);
            this.marketRiskAversion = d;
            return this;
        }

        /** Per-period benchmark return of the semicovariance (default: the per-period risk-free rate). */
        public Builder semicovarianceBenchmark(double b) {
            if (!Double.isFinite(b)) throw new IllegalArgumentException("semicovarianceBenchmark: must be finite, was " + b);
            this.semicovarianceBenchmark = b;
            return this;
        }

        /** Validates and builds. */
        public StrategyConfig build() {
            if (method == Method.EFFICIENT_RISK && targetVolatility == null)
                throw new IllegalArgumentException("targetVolatility: required by efficient-risk");
            if (method == Method.EFFICIENT_RETURN && targetReturn == null)
                throw new IllegalArgumentException("targetReturn: required by efficient-return");
            if (!viewConfidences.isEmpty() && viewConfidences.size() != views.size())
                throw new IllegalArgumentException("viewConfidences: give a confidence for every view or for none");
            return new StrategyConfig(this);
        }
    }
}
