package io.finrec.core.domain;

import io.finrec.core.util.Checks;
import java.time.LocalDate;

/**
 * An amortising loan. Immutable and thread-safe.
 *
 * @param id         loan id
 * @param customerId borrower
 * @param accountId  the loan account
 * @param productId  the loan product
 * @param principal  amount borrowed, {@code > 0}
 * @param annualRate nominal annual interest rate as a fraction (0.065 = 6.5 %), 0..1
 * @param termMonths number of monthly instalments, 1..480
 * @param start      date of the loan; the first instalment falls one month later
 */
public record Loan(String id, String customerId, String accountId, String productId, Money principal,
                   double annualRate, int termMonths, LocalDate start) {
    public Loan {
        Checks.id(id, "id");
        Checks.id(customerId, "customerId");
        Checks.id(accountId, "accountId");
        Checks.id(productId, "productId");
        Checks.notNull(principal, "principal");
        if (principal.amount().signum() <= 0) throw new IllegalArgumentException("principal: must be > 0");
        Checks.nonNegative(annualRate, "annualRate");
        if (annualRate > 1) throw new IllegalArgumentException("annualRate: " + annualRate + " is above 1 (100 %)");
        Checks.range(termMonths, 1, 480, "termMonths");
        Checks.notNull(start, "start");
    }

    /**
     * The fixed monthly instalment of this annuity loan, rounded half-up to the currency's minor unit:
     * {@code P * r / (1 - (1 + r)^-n)} with {@code r = annualRate / 12}, or {@code P / n} at a zero rate.
     */
    public Money monthlyPayment() {
        double p = principal.amount().doubleValue();
        double r = annualRate / 12.0;
        double payment = r == 0 ? p / termMonths : p * r / (1 - StrictMath.pow(1 + r, -termMonths));
        int scale = Math.max(0, principal.currency().getDefaultFractionDigits());
        return new Money(java.math.BigDecimal.valueOf(payment).setScale(scale, java.math.RoundingMode.HALF_UP),
                principal.currency());
    }

    /** Due date of instalment {@code k} (1-based): {@code k} months after {@link #start()}. */
    public LocalDate dueDate(int k) {
        Checks.range(k, 1, termMonths, "k");
        return start.plusMonths(k);
    }
}
