package io.finrec.examples.store;

import java.math.BigDecimal;

/**
 * Money spent in one category: the count and the total of its debits (a positive amount). Immutable and thread-safe.
 *
 * @param category the category label
 * @param count    number of debit transactions
 * @param total    sum of their absolute amounts
 */
public record CategorySpend(String category, long count, BigDecimal total) {}
