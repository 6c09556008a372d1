package io.finrec.core.domain;

/**
 * A customer's investment risk profile on the usual five-step scale (1 = most conservative, 5 = most aggressive).
 * Products carry a {@link Product#riskLevel() risk level} on the same scale. Immutable and thread-safe.
 */
public enum RiskProfile {
    CONSERVATIVE(1), MODERATELY_CONSERVATIVE(2), BALANCED(3), GROWTH(4), AGGRESSIVE(5);

    private final int level;

    RiskProfile(int level) {
        this.level = level;
    }

    /** The numeric level, 1..5. */
    public int level() {
        return level;
    }

    /** The profile of a numeric level 1..5. */
    public static RiskProfile ofLevel(int level) {
        for (RiskProfile p : values()) if (p.level == level) return p;
        throw new IllegalArgumentException("risk level: " + level + " is outside [1, 5]");
    }
}
