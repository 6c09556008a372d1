package io.finrec.strategy.bank;

import io.finrec.api.allocation.WeightBounds;
import io.finrec.core.domain.AssetClass;
import io.finrec.core.domain.RiskProfile;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The investment limits of a risk profile: bounds on each asset class's weight and a ceiling on the portfolio's
 * annualised volatility. {@link #standard(RiskProfile)} gives the bank's default policy table (documented in
 * docs/strategy.md); a bank can build its own. Immutable and thread-safe.
 *
 * @param profile            the profile
 * @param classBounds        allowed weight range per asset class (classes not listed are excluded: [0, 0])
 * @param volatilityCeiling  highest annualised volatility the profile accepts
 */
public record ProfilePolicy(RiskProfile profile, Map<AssetClass, WeightBounds> classBounds, double volatilityCeiling) {
    public ProfilePolicy {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(classBounds, "classBounds");
        if (!(volatilityCeiling > 0) || !Double.isFinite(volatilityCeiling))
            throw new IllegalArgumentException("volatilityCeiling: must be positive, was " + volatilityCeiling);
        EnumMap<AssetClass, WeightBounds> copy = new EnumMap<>(AssetClass.class);
        copy.putAll(classBounds);
        double lo = 0;
        double hi = 0;
        for (WeightBounds b : copy.values()) {
            if (b.lower() < 0) throw new IllegalArgumentException("classBounds: profile limits must be long-only, got " + b);
            lo += b.lower();
            hi += b.upper();
        }
        if (lo > 1 + 1e-12 || hi < 1 - 1e-12)
            throw new IllegalArgumentException("classBounds: the limits of profile " + profile + " cannot sum to 100 %");
        classBounds = Collections.unmodifiableMap(copy);
    }

    /** The bounds of a class ([0, 0] when the class is not allowed). */
    public WeightBounds bounds(AssetClass c) {
        return classBounds.getOrDefault(c, WeightBounds.of(0, 0));
    }

    /** The bank's standard policy for a profile. */
    public static ProfilePolicy standard(RiskProfile p) {
        Map<AssetClass, WeightBounds> m = new EnumMap<>(AssetClass.class);
        switch (p) {
            case CONSERVATIVE -> {
                m.put(AssetClass.STOCKS, WeightBounds.of(0.00, 0.25));
                m.put(AssetClass.BONDS, WeightBounds.of(0.40, 0.90));
                m.put(AssetClass.REAL_ESTATE, WeightBounds.of(0.00, 0.10));
                m.put(AssetClass.CASH, WeightBounds.of(0.05, 0.50));
                return new ProfilePolicy(p, m, 0.05);
            }
            case MODERATELY_CONSERVATIVE -> {
                m.put(AssetClass.STOCKS, WeightBounds.of(0.10, 0.40));
                m.put(AssetClass.BONDS, WeightBounds.of(0.30, 0.80));
                m.put(AssetClass.REAL_ESTATE, WeightBounds.of(0.00, 0.15));
                m.put(AssetClass.CASH, WeightBounds.of(0.02, 0.30));
                return new ProfilePolicy(p, m, 0.08);
            }
            case BALANCED -> {
                m.put(AssetClass.STOCKS, WeightBounds.of(0.25, 0.60));
                m.put(AssetClass.BONDS, WeightBounds.of(0.20, 0.60));
                m.put(AssetClass.REAL_ESTATE, WeightBounds.of(0.00, 0.20));
                m.put(AssetClass.CASH, WeightBounds.of(0.00, 0.20));
                return new ProfilePolicy(p, m, 0.11);
            }
            case GROWTH -> {
                m.put(AssetClass.STOCKS, WeightBounds.of(0.40, 0.80));
                m.put(AssetClass.BONDS, WeightBounds.of(0.05, 0.45));
                m.put(AssetClass.REAL_ESTATE, WeightBounds.of(0.00, 0.25));
                m.put(AssetClass.CASH, WeightBounds.of(0.00, 0.15));
                return new ProfilePolicy(p, m, 0.14);
            }
            case AGGRESSIVE -> {
                m.put(AssetClass.STOCKS, WeightBounds.of(0.55, 0.95));
                m.put(AssetClass.BONDS, WeightBounds.of(0.00, 0.30));
                m.put(AssetClass.REAL_ESTATE, WeightBounds.of(0.00, 0.30));
                m.put(AssetClass.CASH, WeightBounds.of(0.00, 0.10));
                return new ProfilePolicy(p, m, 0.18);
            }
            default -> throw new IllegalArgumentException("profile: " + p);
        }
    }
}
