package io.finrec.core.domain;

/**
 * The customer segment a bank assigns for marketing and eligibility. Immutable and thread-safe.
 */
public enum Segment {
    /** Students and first-jobbers with low income and short credit history. */
    STUDENT,
    /** Salaried customers early in their careers. */
    YOUNG_PROFESSIONAL,
    /** Households with dependants; mortgages, education and protection needs. */
    FAMILY,
    /** High-income or high-balance customers; investment and advisory needs. */
    AFFLUENT,
    /** Self-employed and small-business owners. */
    SMALL_BUSINESS,
    /** Retired customers; income preservation and low risk. */
    RETIREE
}
