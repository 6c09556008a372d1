package io.finrec.strategy.bank;

import io.finrec.api.allocation.Allocation;
import io.finrec.api.allocation.AllocationRequest;
import io.finrec.api.allocation.PriceTable;
import io.finrec.api.allocation.SolverReport;
import io.finrec.api.allocation.WeightBounds;
import io.finrec.core.domain.AssetClass;
import io.finrec.core.domain.RiskProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bank layer's entry point: for a customer's risk profile (or questionnaire), monthly asset-class prices and
 * optionally the customer's current holdings, computes the {@link RegimeAwareStrategy} allocation, rebalancing
 * advice and the explanation. Immutable and thread-safe.
 */
public final class AdvisoryAllocator {
    private final RegimeConfig regimeConfig;
    private final RebalanceAdvisor rebalancer;

    /** An allocator with the default regime settings and rebalancing bands. */
    public AdvisoryAllocator() {
        this(RegimeConfig.DEFAULT, RebalanceAdvisor.DEFAULT);
    }

    /** An allocator with these settings. */
    public AdvisoryAllocator(RegimeConfig regimeConfig, RebalanceAdvisor rebalancer) {
        this.regimeConfig = Objects.requireNonNull(regimeConfig, "regimeConfig");
        this.rebalancer = Objects.requireNonNull(rebalancer, "rebalancer");
    }

    /**
     * Advice for one customer.
     *
     * @param customerId   the customer's id, for the record
     * @param profile      the customer's risk profile
     * @param scoring      the questionnaire scoring behind the profile, if any (explained when present)
     * @param prices       monthly asset-class prices (columns named after {@link AssetClass} values)
     * @param riskFreeRate annual risk-free rate
     * @param holdings     current amounts per asset class, or empty
     */
    public Advice advise(String customerId, RiskProfile profile, Optional<RiskQuestionnaire.Scored> scoring,
                         PriceTable prices, double riskFreeRate, Map<String, Double> holdings) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(holdings, "holdings");
        ProfilePolicy policy = ProfilePolicy.standard(profile);
        RegimeAwareStrategy strategy = new RegimeAwareStrategy(policy, regimeConfig);
        RegimeDetector.Assessment assessment = strategy.detector().assess(prices);
        RegimeAwareStrategy.TiltedLimits limits = strategy.tilt(assessment);
        AllocationRequest request = new AllocationRequest(prices, riskFreeRate, 12);
        Allocation allocation = strategy.allocate(request, assessment);
        Optional<RebalanceAdvisor.Plan> plan = holdings.isEmpty() ? Optional.empty()
                : Optional.of(rebalancer.advise(holdings, allocation.weights()));
        List<String> text = explain(customerId, policy, scoring, assessment, limits, allocation, plan, riskFreeRate);
        return new Advice(customerId, allocation, policy, limits, assessment, plan, text);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String range(WeightBounds b) {
        return String.format(Locale.ROOT, "%.0f-%.0f %%", 100 * b.lower(), 100 * b.upper());
    }

    static List<String> explain(String customerId, ProfilePolicy policy, Optional<RiskQuestionnaire.Scored> scoring,
                                RegimeDetector.Assessment assessment, RegimeAwareStrategy.TiltedLimits limits,
                                Allocation a, Optional<RebalanceAdvisor.Plan> plan, double rf) {
        List<String> out = new ArrayList<>();
        RiskProfile p = policy.profile();
        out.add("Profile:");
        List<String> classes = new ArrayList<>();
        for (Map.Entry<AssetClass, WeightBounds> e : policy.classBounds().entrySet())
            classes.add(RegimeAwareStrategy.label(e.getKey()) + " " + range(e.getValue()));
        out.add(String.format(Locale.ROOT, "Customer %s has risk profile %d (%s): %s; volatility ceiling %s.", customerId,
                p.level(), p.name().toLowerCase(Locale.ROOT).replace('_', ' '), String.join(", ", classes),
                pct(policy.volatilityCeiling())));
        scoring.ifPresent(s -> out.add("Questionnaire: " + String.join("; ", s.reasons()) + "."));
        out.add("Strategy:");
        boolean minVar = a.audit().settings().getOrDefault("method", "").equals("min-variance");
        out.add(minVar
                ? "Minimum variance within the class limits, because the limits cannot reach a volatility as low as the target."
                : String.format(Locale.ROOT, "Highest expected return at a volatility of %s (efficient risk), so the portfolio"
                        + " uses the risk budget the profile and the market regime allow and no more.", pct(limits.volatilityTarget())));
        out.add(String.format(Locale.ROOT, "Estimates: Ledoit-Wolf shrinkage covariance and geometric mean returns over %d"
                + " monthly returns, %s to %s.", a.audit().observations(), a.audit().windowStart(), a.audit().windowEnd()));
        out.add("Regime:");
        out.add(String.format(Locale.ROOT, "%s since %s: %s.", assessment.regime().name().replace('_', '-').toLowerCase(Locale.ROOT),
                assessment.since(), assessment.reason()));
        out.add(limits.changes().isEmpty() ? "No tilt: the profile's full limits apply."
                : "Tilt within the profile's limits: " + String.join("; ", limits.changes()) + ".");
        for (RegimeDetector.Signals s : assessment.signals().values())
            out.add(String.format(Locale.ROOT, "Signal %s: trend %+.1f %%, 12-month return %+.1f %%, volatility ratio %.2f,"
                    + " 12-month drawdown %.1f %%.", RegimeAwareStrategy.label(s.assetClass()), 100 * s.trend(),
                    100 * s.momentum12m(), s.volatilityRatio(), 100 * s.drawdown12m()));
        out.add("Weights:");
        for (Map.Entry<String, Double> e : a.weights().entrySet())
            out.add(String.format(Locale.ROOT, "%s %s of the portfolio, %s of its risk.",
                    e.getKey().toLowerCase(Locale.ROOT).replace('_', ' '), pct(e.getValue()), pct(a.riskContributions().get(e.getKey()))));
        out.add("Figures:");
        out.add(String.format(Locale.ROOT, "Expected return %s a year, volatility %s, Sharpe ratio %.2f at a risk-free rate of %s"
                + " (estimates from past data, not a promise).", pct(a.expectedReturn()), pct(a.volatility()), a.sharpe(), pct(rf)));
        if (!a.warnings().isEmpty()) {
            out.add("Warnings:");
            for (String w : a.warnings()) out.add(Character.toUpperCase(w.charAt(0)) + w.substring(1) + ".");
        }
        out.add("Rebalancing:");
        if (plan.isEmpty()) {
            out.add("No current holdings were given.");
        } else {
            out.add(Character.toUpperCase(plan.get().summary().charAt(0)) + plan.get().summary().substring(1) + ".");
            for (RebalanceAdvisor.Trade t : plan.get().trades())
                if (t.action() != RebalanceAdvisor.Action.HOLD)
                    out.add(String.format(Locale.ROOT, "%s: %s.", t.asset().toLowerCase(Locale.ROOT).replace('_', ' '), t.reason()));
        }
        out.add("Audit:");
        SolverReport s = a.audit().solver();
        out.add(String.format(Locale.ROOT, "Input hash %s; solver %s, %s after %d iterations, largest KKT residual %.1e.",
                a.audit().inputHash().substring(0, 16), s.solver(), s.status(), s.iterations(), s.maxResidual()));
        return out;
    }
}
