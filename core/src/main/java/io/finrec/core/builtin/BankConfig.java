package io.finrec.core.builtin;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Settings of the built-in bank generator. Immutable and thread-safe.
 *
 * <p>Customer {@code i} is generated from its own random stream derived from {@code (seed, i)}, so a bank of
 * {@code n} customers is exactly the first {@code n} customers of a larger bank with the same seed and dates.
 *
 * @param seed              the seed; the same config always gives byte-identical output
 * @param customers         number of customers, 1..1,000,000 (default 2,000)
 * @param start             first day of the simulated window of transactions and interactions (default 2024-01-01)
 * @param months            length of the window in months, 1..60 (default 12)
 * @param marketYears       years of monthly market history ending with the window, 2..50 (default 15)
 */
public record BankConfig(long seed, int customers, LocalDate start, int months, int marketYears) {
    /** The default seed. */
    public static final long DEFAULT_SEED = 42L;
    /** The default number of customers. */
    public static final int DEFAULT_CUSTOMERS = 2_000;
    /** The default first day of the window. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2024, 1, 1);
    /** The default window length in months. */
    public static final int DEFAULT_MONTHS = 12;
    /** The default market history in years. */
    public static final int DEFAULT_MARKET_YEARS = 15;
    /** The largest number of customers accepted. */
    public static final int MAX_CUSTOMERS = 1_000_000;

    public BankConfig {
        if (customers < 1 || customers > MAX_CUSTOMERS)
            throw new IllegalArgumentException("customers: " + customers + " is outside [1, " + MAX_CUSTOMERS + "]");
        Objects.requireNonNull(start, "start");
        if (start.getYear() < 1950 || start.getYear() > 2200)
            throw new IllegalArgumentException("start: " + start + " is outside the years 1950..2200");
        if (months < 1 || months > 60) throw new IllegalArgumentException("months: " + months + " is outside [1, 60]");
        if (marketYears < 2 || marketYears > 50)
            throw new IllegalArgumentException("marketYears: " + marketYears + " is outside [2, 50]");
    }

    /** The defaults: seed 42, 2,000 customers, 12 months from 2024-01-01, 15 years of market history. */
    public static BankConfig defaults() {
        return new BankConfig(DEFAULT_SEED, DEFAULT_CUSTOMERS, DEFAULT_START, DEFAULT_MONTHS, DEFAULT_MARKET_YEARS);
    }

    /** A copy with another seed. */
    public BankConfig withSeed(long newSeed) {
        return new BankConfig(newSeed, customers, start, months, marketYears);
    }

    /** A copy with another number of customers. */
    public BankConfig withCustomers(int newCustomers) {
        return new BankConfig(seed, newCustomers, start, months, marketYears);
    }

    /** A copy with another window. */
    public BankConfig withWindow(LocalDate newStart, int newMonths) {
        return new BankConfig(seed, customers, newStart, newMonths, marketYears);
    }

    /** A copy with another market history length. */
    public BankConfig withMarketYears(int years) {
        return new BankConfig(seed, customers, start, months, years);
    }

    /** The first day after the window. */
    public LocalDate end() {
        return start.plusMonths(months);
    }
}
