package io.finrec.examples.alerts;

import io.finrec.core.domain.Transaction;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** Formatting and arithmetic shared by the rules. Stateless. */
final class Amounts {
    private Amounts() {}

    /** "$5,000" for whole amounts, "$1,234.50" otherwise; negative as "-$45.10". */
    static String money(double v) {
        double a = Math.abs(v);
        String s = Math.rint(a * 100) % 100 == 0 ? String.format(Locale.US, "$%,.0f", a) : String.format(Locale.US, "$%,.2f", a);
        return v < 0 && a >= 0.005 ? "-" + s : s;
    }

    /** A plain decimal with two places, for evidence. */
    static String plain(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static LocalDate date(Transaction t) {
        return t.timestamp().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    static double amount(Transaction t) {
        return t.amount().amount().doubleValue();
    }

    /** Median of the first {@code n} values of {@code v} (sorted in place). */
    static double median(double[] v, int n) {
        java.util.Arrays.sort(v, 0, n);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
