package io.finrec.examples.store;

import io.finrec.core.dataset.BankTable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link BankStore#checkIntegrity()}: row counts and every problem found (SQLite's own integrity check,
 * foreign-key violations, records whose account belongs to another customer, counts that differ from the loaded
 * manifest). Immutable and thread-safe.
 *
 * @param counts   rows per table
 * @param problems problems in words; empty when the database is consistent
 */
public record IntegrityReport(Map<BankTable, Long> counts, List<String> problems) {
    public IntegrityReport {
        Map<BankTable, Long> c = new EnumMap<>(BankTable.class);
        c.putAll(counts);
        counts = Collections.unmodifiableMap(c);
        problems = List.copyOf(problems);
    }

    /** True when no problem was found. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
