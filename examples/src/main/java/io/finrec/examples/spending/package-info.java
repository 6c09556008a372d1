/**
 * Spending insights of the bank app: every transaction categorised by a
 * {@link io.finrec.api.categorize.TransactionCategorizer} ({@link io.finrec.examples.spending.TransactionCategorisation}),
 * the results ({@link io.finrec.examples.spending.CategorisedTransaction}) and spending per customer, category and
 * month ({@link io.finrec.examples.spending.MonthlySpend}, {@link io.finrec.examples.spending.SpendingSummary}).
 */
package io.finrec.examples.spending;
