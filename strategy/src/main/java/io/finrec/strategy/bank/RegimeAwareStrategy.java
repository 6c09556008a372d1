package io.finrec.strategy.bank;

import io.finrec.api.allocation.Allocation;
import io.finrec.api.allocation.AllocationAudit;
import io.finrec.api.allocation.AllocationConstraints;
import io.finrec.api.allocation.AllocationException;
import io.finrec.api.allocation.AllocationRequest;
import io.finrec.api.allocation.AllocationStrategy;
import io.finrec.api.allocation.WeightBounds;
import io.finrec.core.domain.AssetClass;
import io.finrec.strategy.Method;
import io.finrec.strategy.PortfolioStrategy;
import io.finrec.strategy.RiskModel;
import io.finrec.strategy.StrategyConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A profile-bounded, regime-aware allocation over asset classes: the price table's columns are asset-class names
 * (STOCKS, BONDS, REAL_ESTATE, CASH...), the {@link ProfilePolicy} bounds each class and caps volatility, the
 * {@link RegimeDetector} reads the regime from the same prices, and the regime tightens the limits within the
 * profile's (never beyond): a lower volatility target and lower caps on stocks and real estate in caution and
 * risk-off. The weights maximise expected return at that volatility target (efficient risk, Ledoit-Wolf
 * covariance, geometric mean returns); when the class limits cannot reach a volatility that low, the
 * minimum-variance portfolio within the limits is proposed and a warning says so. The request's own constraints
 * are replaced by the profile's limits. Immutable and thread-safe.
 */
public final class RegimeAwareStrategy implements AllocationStrategy {
    /** The limits after the regime's tilt. */
    public record TiltedLimits(Regime regime, Map<AssetClass, WeightBounds> bounds, double volatilityTarget,
                               List<String> changes) {
        public TiltedLimits {
            bounds = java.util.Collections.unmodifiableMap(new EnumMap<>(bounds));
            changes = List.copyOf(changes);
        }
    }

    private final ProfilePolicy policy;
    private final RegimeConfig config;
    private final RegimeDetector detector;

    /** A strategy for a profile's policy with the given regime settings. */
    public RegimeAwareStrategy(ProfilePolicy policy, RegimeConfig config) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.config = Objects.requireNonNull(config, "config");
        this.detector = new RegimeDetector(config);
    }

    @Override
    public String name() {
        return "regime-aware " + policy.profile().name().toLowerCase(Locale.ROOT);
    }

    /** The profile's policy. */
    public ProfilePolicy policy() {
        return policy;
    }

    /** The regime detector. */
    public RegimeDetector detector() {
        return detector;
    }

    /**
     * The profile's limits tightened for an assessment: the regime's tilt, plus, in risk-on, the caution cut on a
     * risky class (stocks, real estate) that is itself below its trend with elevated volatility.
     */
    public TiltedLimits tilt(RegimeDetector.Assessment assessment) {
        TiltedLimits base = tilt(assessment.regime());
        if (assessment.regime() != Regime.RISK_ON || config.cautionRiskyCut() == 0) return base;
        Map<AssetClass, WeightBounds> b = new EnumMap<>(base.bounds());
        List<String> changes = new ArrayList<>(base.changes());
        for (AssetClass c : List.of(AssetClass.STOCKS, AssetClass.REAL_ESTATE)) {
            RegimeDetector.Signals sig = assessment.signals().get(c);
            WeightBounds old = b.get(c);
            if (sig == null || old == null || !(sig.trend() < 0 && sig.volatilityRatio() > config.volatilityEnter())) continue;
            double hi = Math.max(old.lower(), old.upper() - config.cautionRiskyCut());
            if (hi < old.upper()) {
                b.put(c, WeightBounds.of(old.lower(), hi));
                changes.add(String.format(Locale.ROOT, "%s cap %.0f %% -> %.0f %% (its own trend %+.1f %%, volatility ratio %.2f)",
                        label(c), 100 * old.upper(), 100 * hi, 100 * sig.trend(), sig.volatilityRatio()));
            }
        }
        return new TiltedLimits(base.regime(), b, base.volatilityTarget(), changes);
    }

    /** The profile's limits tightened for a regime. */
    public TiltedLimits tilt(Regime regime) {
        double scale = switch (regime) {
            case RISK_ON -> 1;
            case CAUTION -> config.cautionVolatilityScale();
            case RISK_OFF -> config.riskOffVolatilityScale();
        };
        double cut = switch (regime) {
            case RISK_ON -> 0;
            case CAUTION -> config.cautionRiskyCut();
            case RISK_OFF -> config.riskOffRiskyCut();
        };
        Map<AssetClass, WeightBounds> b = new EnumMap<>(policy.classBounds());
        List<String> changes = new ArrayList<>();
        double target = policy.volatilityCeiling() * scale;
        if (scale < 1)
            changes.add(String.format(Locale.ROOT, "volatility target %.1f %% (%.0f %% of the %.1f %% ceiling)", 100 * target,
                    100 * scale, 100 * policy.volatilityCeiling()));
        if (cut > 0) {
            for (AssetClass c : List.of(AssetClass.STOCKS, AssetClass.REAL_ESTATE)) {
                WeightBounds old = b.get(c);
                if (old == null) continue;
                double hi = Math.max(old.lower(), old.upper() - cut);
                if (hi < old.upper()) {
                    b.put(c, WeightBounds.of(old.lower(), hi));
                    changes.add(String.format(Locale.ROOT, "%s cap %.0f %% -> %.0f %%", label(c), 100 * old.upper(), 100 * hi));
                }
            }
            // keep the limits feasible: if the caps now sum below 100 %, the safe classes absorb the rest
            double sumHi = 0;
            for (WeightBounds w : b.values()) sumHi += w.upper();
            if (sumHi < 1) {
                for (AssetClass c : List.of(AssetClass.BONDS, AssetClass.CASH)) {
                    WeightBounds old = b.get(c);
                    if (old == null || sumHi >= 1) continue;
                    double add = Math.min(1 - sumHi, 1 - old.upper());
                    b.put(c, WeightBounds.of(old.lower(), old.upper() + add));
                    sumHi += add;
                    changes.add(String.format(Locale.ROOT, "%s cap raised to %.0f %% to stay fully invested", label(c), 100 * (old.upper() + add)));
                }
            }
        }
        return new TiltedLimits(regime, b, target, changes);
    }

    @Override
    public Allocation allocate(AllocationRequest request) {
        return allocate(request, detector.assess(request.prices()));
    }

    /** Allocates for an already computed assessment (of the same prices). */
    Allocation allocate(AllocationRequest request, RegimeDetector.Assessment assessment) {
        Objects.requireNonNull(request, "request");
        TiltedLimits limits = tilt(assessment);
        AllocationConstraints.Builder cb = AllocationConstraints.builder();
        for (String asset : request.prices().assets()) {
            AssetClass c;
            try {
                c = AssetClass.valueOf(asset);
            } catch (IllegalArgumentException e) {
                throw new AllocationException(AllocationException.Reason.INVALID_INPUT,
                        "price column '" + asset + "' is not an asset class", "name the columns STOCKS, BONDS, REAL_ESTATE, CASH...");
            }
            cb.bounds(asset, limits.bounds().getOrDefault(c, WeightBounds.of(0, 0)));
        }
        AllocationRequest bounded = request.withConstraints(cb.build());
        List<String> warnings = new ArrayList<>();
        StrategyConfig base = StrategyConfig.builder(Method.EFFICIENT_RISK).riskModel(RiskModel.LEDOIT_WOLF)
                .targetVolatility(limits.volatilityTarget()).minObservations(36).build();
        Allocation a;
        try {
            a = new PortfolioStrategy(base).allocate(bounded);
        } catch (AllocationException e) {
            if (e.reason() != AllocationException.Reason.TARGET_VOLATILITY_TOO_LOW) throw e;
            a = new PortfolioStrategy(base.toBuilder().method(Method.MIN_VARIANCE).build()).allocate(bounded);
            warnings.add(String.format(Locale.ROOT, "the volatility target %.1f %% is below the lowest volatility the profile's"
                    + " class limits allow (%.1f %%): the minimum-variance portfolio within the limits is proposed",
                    100 * limits.volatilityTarget(), 100 * a.volatility()));
        }
        // concentration is governed by the class limits here, so the generic concentration notes are left out
        for (String w : a.warnings()) if (!w.startsWith("concentrated") && !w.contains("get no weight")) warnings.add(w);
        if (!limits.changes().isEmpty())
            warnings.add("regime " + assessment.regime().name().toLowerCase(Locale.ROOT).replace('_', '-') + " since "
                    + assessment.since() + ": risk reduced (" + String.join("; ", limits.changes()) + ")");
        Map<String, String> settings = new LinkedHashMap<>(a.audit().settings());
        settings.put("profile", policy.profile().level() + " " + policy.profile().name().toLowerCase(Locale.ROOT));
        settings.put("volatilityCeiling", Double.toString(policy.volatilityCeiling()));
        settings.put("regime", assessment.regime().name().toLowerCase(Locale.ROOT));
        settings.put("regimeSince", assessment.since().toString());
        settings.put("regimeReason", assessment.reason());
        settings.put("volatilityTarget", Double.toString(limits.volatilityTarget()));
        settings.put("classBounds", limits.bounds().toString());
        settings.put("regimeConfig", config.toString());
        AllocationAudit audit = new AllocationAudit(a.audit().inputHash(), name(), a.audit().windowStart(), a.audit().windowEnd(),
                a.audit().observations(), settings, a.audit().solver(), a.audit().library());
        return new Allocation(a.weights(), a.expectedReturn(), a.volatility(), a.sharpe(), a.riskContributions(), warnings, audit);
    }

    static String label(AssetClass c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
