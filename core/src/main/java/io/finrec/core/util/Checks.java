package io.finrec.core.util;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Eager argument checks used by every FinRec value type. Each check names the offending field in its message,
 * so that an error raised while reading a file can be reported as "file, row, field: reason".
 *
 * <p>Stateless and thread-safe.
 */
public final class Checks {
    /** Longest id FinRec accepts (customer, product, transaction ids...). */
    public static final int MAX_ID_LENGTH = 128;
    /** Longest free-text field accepted by the domain types (descriptions, posts, names). */
    public static final int MAX_TEXT_LENGTH = 100_000;


    private Checks() {}

    /** Requires a non-blank id made of letters, digits and {@code _ . : @ # / -}, at most {@value #MAX_ID_LENGTH} chars. */
    public static String id(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty()) throw new IllegalArgumentException(field + ": must not be empty");
        if (value.length() > MAX_ID_LENGTH)
            throw new IllegalArgumentException(field + ": longer than " + MAX_ID_LENGTH + " characters");
        if (!isId(value))
            throw new IllegalArgumentException(field + ": '" + abbreviate(value) + "' is not a valid id "
                    + "(letters, digits and _ . : @ # / - only, starting with a letter or digit)");
        return value;
    }

    /** Whether {@code v} matches {@code [A-Za-z0-9][A-Za-z0-9_.:@#/-]*} (a hand-written loop: ids are checked per row). */
    private static boolean isId(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (alnum) continue;
            if (i == 0) return false;
            if (c != '_' && c != '.' && c != ':' && c != '@' && c != '#' && c != '/' && c != '-') return false;
        }
        return true;
    }

    /** Requires non-null text that is not blank and at most {@value #MAX_TEXT_LENGTH} characters long. */
    public static String text(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) throw new IllegalArgumentException(field + ": must not be blank");
        return maxLength(value, field);
    }

    /** Requires non-null text (may be empty) of at most {@value #MAX_TEXT_LENGTH} characters. */
    public static String maxLength(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.length() > MAX_TEXT_LENGTH)
            throw new IllegalArgumentException(field + ": longer than " + MAX_TEXT_LENGTH + " characters ("
                    + value.length() + ")");
        return value;
    }

    /** Requires {@code min <= value <= max}. */
    public static int range(int value, int min, int max, String field) {
        if (value < min || value > max)
            throw new IllegalArgumentException(field + ": " + value + " is outside [" + min + ", " + max + "]");
        return value;
    }

    /** Requires a finite value (not NaN, not infinite). */
    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException(field + ": must be finite, was " + value);
        return value;
    }

    /** Requires a finite value {@code >= 0}. */
    public static double nonNegative(double value, String field) {
        finite(value, field);
        if (value < 0) throw new IllegalArgumentException(field + ": must be >= 0, was " + value);
        return value;
    }

    /** Requires a finite value {@code > 0}. */
    public static double positive(double value, String field) {
        finite(value, field);
        if (value <= 0) throw new IllegalArgumentException(field + ": must be > 0, was " + value);
        return value;
    }

    /** Requires an int {@code > 0}. */
    public static int positive(int value, String field) {
        if (value <= 0) throw new IllegalArgumentException(field + ": must be > 0, was " + value);
        return value;
    }

    /** Requires a non-null amount {@code >= 0}. */
    public static BigDecimal nonNegative(BigDecimal value, String field) {
        Objects.requireNonNull(value, field);
        if (value.signum() < 0) throw new IllegalArgumentException(field + ": must be >= 0, was " + value.toPlainString());
        return value;
    }

    /** Requires a non-null value; a shorthand that keeps messages uniform. */
    public static <T> T notNull(T value, String field) {
        return Objects.requireNonNull(value, field);
    }

    /** Shortens a value for an error message so a huge field does not flood the log. */
    public static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
