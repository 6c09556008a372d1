package io.finrec.core.domain;

import io.finrec.core.util.Checks;
import java.math.BigDecimal;

/**
 * A bank customer. Immutable and thread-safe; validated at construction.
 *
 * @param id           the bank's customer id
 * @param age          age in years, 16..120
 * @param annualIncome gross annual income in the bank's base currency, {@code >= 0}
 * @param segment      marketing segment
 * @param riskProfile  investment risk profile
 * @param region       region or state code, e.g. "TX"
 */
public record Customer(String id, int age, BigDecimal annualIncome, Segment segment, RiskProfile riskProfile,
                       String region) {
    /** Youngest age a customer record may carry. */
    public static final int MIN_AGE = 16;
    /** Oldest age a customer record may carry. */
    public static final int MAX_AGE = 120;

    public Customer {
        Checks.id(id, "id");
        Checks.range(age, MIN_AGE, MAX_AGE, "age");
        Checks.nonNegative(annualIncome, "annualIncome");
        Checks.notNull(segment, "segment");
        Checks.notNull(riskProfile, "riskProfile");
        Checks.text(region, "region");
    }
}
