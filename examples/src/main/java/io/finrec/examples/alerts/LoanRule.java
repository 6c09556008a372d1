package io.finrec.examples.alerts;

import io.finrec.core.domain.Loan;
import io.finrec.core.domain.LoanRepayment;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loan repayments: an instalment due within {@link AlertThresholds#loanDueDays()} after the as-of date
 * ({@link AlertKind#LOAN_DUE}, from the loan's schedule), and every instalment more than
 * {@link AlertThresholds#loanGraceDays()} past due that is unpaid or only partly paid ({@link AlertKind#LOAN_MISSED}).
 * Key: loan id and instalment number.
 */
public final class LoanRule implements AlertRule {
    @Override
    public List<AlertKind> kinds() {
        return List.of(AlertKind.LOAN_DUE, AlertKind.LOAN_MISSED);
    }

    @Override
    public void evaluate(CustomerActivity a, AlertThresholds t, Consumer<Alert> out) {
        String id = a.customer().id();
        for (Loan loan : a.loans()) {
            String name = a.productName(loan.productId());
            for (LoanRepayment r : a.repayments().getOrDefault(loan.id(), List.of())) {
                if (!r.due().plusDays(t.loanGraceDays()).isBefore(a.asOf()) || r.isPaid()) continue;
                if (r.paidOn().isPresent() && r.paidOn().get().isAfter(a.asOf())) continue;
                double due = r.amountDue().amount().doubleValue();
                double paid = r.amountPaid().amount().doubleValue();
                Map<String, String> ev = new LinkedHashMap<>();
                ev.put("loan", loan.id());
                ev.put("installment", Integer.toString(r.installment()));
                ev.put("due", r.due().toString());
                ev.put("amountDue", Amounts.plain(due));
                ev.put("amountPaid", Amounts.plain(paid));
                r.paidOn().ifPresent(d -> ev.put("paidOn", d.toString()));
                String msg = paid > 0
                        ? "Your " + name + " payment due on " + r.due() + " was only partly paid: " + Amounts.money(paid)
                          + " of " + Amounts.money(due)
                        : "You missed your " + name + " payment of " + Amounts.money(due) + " due on " + r.due();
                out.accept(new Alert(id, AlertKind.LOAN_MISSED, loan.id() + "#" + r.installment(), Severity.CRITICAL,
                        r.due(), msg, ev));
            }
            int k = nextInstallment(loan, a.asOf());
            if (k < 0) continue;
            LocalDate due = loan.dueDate(k);
            if (ChronoUnit.DAYS.between(a.asOf(), due) > t.loanDueDays()) continue;
            double amount = loan.monthlyPayment().amount().doubleValue();
            Map<String, String> ev = new LinkedHashMap<>();
            ev.put("loan", loan.id());
            ev.put("installment", Integer.toString(k));
            ev.put("due", due.toString());
            ev.put("amountDue", Amounts.plain(amount));
            out.accept(new Alert(id, AlertKind.LOAN_DUE, loan.id() + "#" + k, Severity.INFO, a.asOf(),
                    "Your " + name + " payment of " + Amounts.money(amount) + " is due on " + due, ev));
        }
    }

    /** The first instalment due strictly after {@code asOf}, or -1 when the loan is paid off by then. */
    static int nextInstallment(Loan loan, LocalDate asOf) {
        long months = ChronoUnit.MONTHS.between(loan.start(), asOf);
        for (long k = Math.max(1, months - 1); k <= loan.termMonths(); k++)
            if (loan.dueDate((int) k).isAfter(asOf)) return (int) k;
        return -1;
    }
}
