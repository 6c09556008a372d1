/** The transaction-categorizer contract: {@link io.finrec.api.categorize.TransactionCategorizer} and its value types. */
package io.finrec.api.categorize;
