package io.finrec.core.domain;

import io.finrec.core.util.Checks;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * Rules a customer must satisfy to be offered a product. Immutable and thread-safe.
 *
 * @param minAge         minimum age, inclusive
 * @param maxAge         maximum age, inclusive
 * @param minIncome      minimum annual income, inclusive
 * @param minRiskProfile lowest risk profile allowed to hold the product (1 = anyone)
 * @param segments       segments the product is offered to; {@link #ALL_SEGMENTS} for every segment
 */
public record Eligibility(int minAge, int maxAge, BigDecimal minIncome, int minRiskProfile, Set<Segment> segments) {
    /** Every segment, as a named constant (never {@code null} or empty meaning "all"). */
    public static final Set<Segment> ALL_SEGMENTS = Set.copyOf(EnumSet.allOf(Segment.class));
    /** Anyone from 18 years of age with any income and profile. */
    public static final Eligibility ANY_ADULT = new Eligibility(18, Customer.MAX_AGE, BigDecimal.ZERO, 1, ALL_SEGMENTS);

    public Eligibility {
        Checks.range(minAge, Customer.MIN_AGE, Customer.MAX_AGE, "minAge");
        Checks.range(maxAge, minAge, Customer.MAX_AGE, "maxAge");
        Checks.nonNegative(minIncome, "minIncome");
        Checks.range(minRiskProfile, 1, 5, "minRiskProfile");
        Checks.notNull(segments, "segments");
        if (segments.isEmpty()) throw new IllegalArgumentException("segments: must not be empty (use ALL_SEGMENTS)");
        segments = Set.copyOf(segments);
    }

    /** Whether the customer satisfies every rule. */
    public boolean admits(Customer c) {
        return c.age() >= minAge && c.age() <= maxAge && c.annualIncome().compareTo(minIncome) >= 0
                && c.riskProfile().level() >= minRiskProfile && segments.contains(c.segment());
    }

    /** The first rule the customer fails, in words, or an empty string when eligible. */
    public String whyNot(Customer c) {
        if (c.age() < minAge) return "age " + c.age() + " is below the minimum " + minAge;
        if (c.age() > maxAge) return "age " + c.age() + " is above the maximum " + maxAge;
        if (c.annualIncome().compareTo(minIncome) < 0)
            return "income " + c.annualIncome().toPlainString() + " is below the minimum " + minIncome.toPlainString();
        if (c.riskProfile().level() < minRiskProfile)
            return "risk profile " + c.riskProfile().level() + " is below the required " + minRiskProfile;
        if (!segments.contains(c.segment())) return "segment " + c.segment() + " is not offered this product";
        return "";
    }
}
