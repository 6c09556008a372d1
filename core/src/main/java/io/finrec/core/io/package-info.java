/**
 * Streaming, validating readers and writers of bank records in CSV and JSON lines, through Jackson.
 * {@link io.finrec.core.io.BankSchemas} holds the schema of every record type; {@link io.finrec.core.io.CsvRecords}
 * and {@link io.finrec.core.io.JsonLines} read and write them; every error is a
 * {@link io.finrec.core.io.DataFormatException} naming file, row, line, field and reason.
 */
package io.finrec.core.io;
