package io.finrec.core.dataset;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code manifest.json} of a dataset directory: the file format, free-form properties (for the built-in bank:
 * generator version, seed, customers, start date, months) and the row count of every table, which
 * {@link BankFiles#read} checks so that a truncated or partly copied directory is noticed. Immutable and thread-safe.
 *
 * @param format     the file format of the tables
 * @param properties free-form facts about the dataset, sorted by key
 * @param counts     rows per table
 */
public record BankManifest(BankFiles.Format format, Map<String, String> properties, Map<BankTable, Long> counts) {
    public BankManifest {
        Objects.requireNonNull(format, "format");
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
        Map<BankTable, Long> c = new EnumMap<>(BankTable.class);
        c.putAll(counts);
        counts = Collections.unmodifiableMap(c);
    }

    /** The row count recorded for {@code table}, or 0. */
    public long count(BankTable table) {
        return counts.getOrDefault(table, 0L);
    }
}
