/**
 * Price files and returns: {@link io.finrec.strategy.data.PriceTableCsv} reads wide price CSVs,
 * {@link io.finrec.strategy.data.ReturnSeries} turns prices into returns under an explicit
 * {@link io.finrec.strategy.data.MissingPricePolicy}.
 */
package io.finrec.strategy.data;
