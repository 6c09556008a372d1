package io.finrec.examples.alerts;

/** What an alert is about; each kind is raised by one rule and can be switched off in an {@link AlertPolicy}. */
public enum AlertKind {
    /** One debit above the per-transaction limit. */
    TRANSACTION_LIMIT,
    /** Spending of one day above the daily limit. */
    DAILY_LIMIT,
    /** Spending of one month above the monthly limit. */
    MONTHLY_LIMIT,
    /** Where a savings goal stands: behind, on track or reached. */
    SAVINGS_GOAL,
    /** A loan instalment falls due soon. */
    LOAN_DUE,
    /** A loan instalment was missed or only partly paid. */
    LOAN_MISSED,
    /** Spending in a category far above the customer's own history (robust z-score). */
    UNUSUAL_SPENDING,
    /** A checking account ran low or overdrawn. */
    LOW_BALANCE
}
