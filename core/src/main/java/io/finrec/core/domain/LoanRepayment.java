package io.finrec.core.domain;

import io.finrec.core.util.Checks;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One scheduled instalment of a {@link Loan}, and whether (and when) it was paid. Immutable and thread-safe.
 *
 * @param loanId      the loan
 * @param installment instalment number, 1-based
 * @param due         due date
 * @param amountDue   scheduled amount, {@code > 0}
 * @param paidOn      payment date, empty while unpaid
 * @param amountPaid  amount paid (zero while unpaid)
 */
public record LoanRepayment(String loanId, int installment, LocalDate due, Money amountDue,
                            Optional<LocalDate> paidOn, Money amountPaid) {
    public LoanRepayment {
        Checks.id(loanId, "loanId");
        Checks.positive(installment, "installment");
        Checks.notNull(due, "due");
        Checks.notNull(amountDue, "amountDue");
        if (amountDue.amount().signum() <= 0) throw new IllegalArgumentException("amountDue: must be > 0");
        Checks.notNull(paidOn, "paidOn");
        Checks.notNull(amountPaid, "amountPaid");
        if (amountPaid.amount().signum() < 0) throw new IllegalArgumentException("amountPaid: must be >= 0");
        if (paidOn.isEmpty() && amountPaid.amount().signum() != 0)
            throw new IllegalArgumentException("amountPaid: must be zero while paidOn is empty");
    }

    /** True when paid in full. */
    public boolean isPaid() {
        return paidOn.isPresent() && amountPaid.amount().compareTo(amountDue.amount()) >= 0;
    }
}
