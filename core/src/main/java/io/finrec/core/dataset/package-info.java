/**
 * Whole bank datasets: {@link io.finrec.core.dataset.BankSink} streams one, {@link io.finrec.core.dataset.BankData}
 * holds one in memory, {@link io.finrec.core.dataset.BankFiles} reads and writes one as a directory of CSV or
 * JSON-lines files with a {@link io.finrec.core.dataset.BankManifest}, and
 * {@link io.finrec.core.dataset.BankTable} names the tables in reference order.
 */
package io.finrec.core.dataset;
