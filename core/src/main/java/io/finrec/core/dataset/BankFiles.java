package io.finrec.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.core.io.CsvRecords;
import io.finrec.core.io.DataFormatException;
import io.finrec.core.io.JsonLines;
import io.finrec.core.io.RecordReader;
import io.finrec.core.io.RecordSchema;
import io.finrec.core.io.RecordWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A bank dataset as a directory of files: one file per {@link BankTable} ({@code customers.csv},
 * {@code transactions.csv}...; or {@code .jsonl}) plus a {@code manifest.json} with the format, properties and row
 * counts. Writing streams (one record in memory at a time); reading streams table by table into a
 * {@link BankSink}, validating every row and naming file, row, line and field on error.
 *
 * <p>Stateless and thread-safe; the writers it returns are one per thread.
 */
public final class BankFiles {
    /** Name of the manifest file in a dataset directory. */
    public static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** File formats of a dataset directory. */
    public enum Format {
        /** RFC 4180 CSV with a header row ({@link CsvRecords}). */
        CSV("csv"),
        /** One JSON object per line ({@link JsonLines}). */
        JSONL("jsonl");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** File extension without the dot. */
        public String extension() {
            return extension;
        }

        /** The format for a name such as "csv" or "JSONL". */
        public static Format parse(String name) {
            for (Format f : values()) if (f.extension.equalsIgnoreCase(name.trim())) return f;
            throw new IllegalArgumentException("format: '" + name + "' is not csv or jsonl");
        }
    }

    private BankFiles() {}

    /** The file of {@code table} in {@code dir} for {@code format}. */
    public static Path file(Path dir, BankTable table, Format format) {
        return dir.resolve(table.tableName() + "." + format.extension());
    }

    /**
     * Creates {@code dir} if needed and opens one file per table (existing files are replaced). Close the writer to
     * flush the files and write the manifest.
     *
     * @param properties facts recorded in the manifest (e.g. seed and generator version); keep them free of
     *                   timestamps if the directory must be byte-identical across runs
     */
    public static DirectoryWriter writer(Path dir, Format format, Map<String, String> properties) throws IOException {
        return new DirectoryWriter(dir, format, properties);
    }

    /** The manifest of a dataset directory, if it has one. */
    public static Optional<BankManifest> manifest(Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) return Optional.empty();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new DataFormatException(MANIFEST, 0, 0, null, "is not valid JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode obj) || !obj.path("format").isTextual() || !obj.path("tables").isObject())
            throw new DataFormatException(MANIFEST, 0, 0, null, "must be an object with 'format' and 'tables'", null);
        Format format;
        try {
            format = Format.parse(obj.get("format").asText());
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(MANIFEST, 0, 0, "format", e.getMessage(), e);
        }
        Map<String, String> props = new TreeMap<>();
        obj.path("properties").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
        Map<BankTable, Long> counts = new EnumMap<>(BankTable.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.get("tables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            BankTable t = tableNamed(e.getKey()).orElseThrow(() -> new DataFormatException(MANIFEST, 0, 0,
                    "tables." + e.getKey(), "unknown table", null));
            if (!e.getValue().canConvertToLong() || e.getValue().asLong() < 0)
                throw new DataFormatException(MANIFEST, 0, 0, "tables." + e.getKey(),
                        "row count must be a non-negative integer", null);
            counts.put(t, e.getValue().asLong());
        }
        return Optional.of(new BankManifest(format, props, counts));
    }

    /**
     * Reads every table of a dataset directory into {@code sink}, in {@link BankTable} order, stopping at the first
     * bad row. With a manifest, every table it lists must exist and hold exactly the recorded number of rows; without
     * one, the format is detected from {@code customers.csv} or {@code customers.jsonl} and missing tables are
     * skipped.
     *
     * @return the row counts read
     * @throws DataFormatException naming file, row, line and field on bad data
     */
    public static Map<BankTable, Long> read(Path dir, BankSink sink) throws IOException {
        return read(dir, sink, null);
    }

    /**
     * As {@link #read(Path, BankSink)}, but rows that fail validation go to {@code bad} and reading continues;
     * manifest counts are then not enforced (the bad rows are missing). Errors that make a file unreadable still
     * throw.
     */
    public static Map<BankTable, Long> readLenient(Path dir, BankSink sink, Consumer<DataFormatException> bad)
            throws IOException {
        return read(dir, sink, Objects.requireNonNull(bad, "bad"));
    }

    private static Map<BankTable, Long> read(Path dir, BankSink sink, Consumer<DataFormatException> bad)
            throws IOException {
        Objects.requireNonNull(sink, "sink");
        if (!Files.isDirectory(dir)) throw new java.nio.file.NoSuchFileException(dir + " (not a directory)");
        Optional<BankManifest> manifest = manifest(dir);
        Format format = manifest.map(BankManifest::format).orElseGet(() -> detect(dir));
        Map<BankTable, Long> counts = new EnumMap<>(BankTable.class);
        for (BankTable table : BankTable.values()) {
            Path file = file(dir, table, format);
            if (!Files.isRegularFile(file)) {
                if (manifest.isPresent() && manifest.get().counts().containsKey(table))
                    throw new DataFormatException(file.getFileName().toString(), 0, 0, null,
                            "is missing, but " + MANIFEST + " lists " + manifest.get().count(table) + " rows", null);
                continue;
            }
            long n = readTable(file, table, format, sink, bad);
            counts.put(table, n);
            if (bad == null && manifest.isPresent() && manifest.get().counts().containsKey(table)
                    && manifest.get().count(table) != n)
                throw new DataFormatException(file.getFileName().toString(), 0, 0, null, "has " + n + " rows but "
                        + MANIFEST + " says " + manifest.get().count(table) + " (truncated or partly copied?)", null);
        }
        if (!counts.containsKey(BankTable.CUSTOMERS))
            throw new DataFormatException(dir.toString(), 0, 0, null, "holds no customers." + format.extension(), null);
        return counts;
    }

    private static Format detect(Path dir) {
        for (Format f : Format.values()) if (Files.isRegularFile(file(dir, BankTable.CUSTOMERS, f))) return f;
        throw new DataFormatException(dir.toString(), 0, 0, null,
                "is not a bank dataset: it has neither " + MANIFEST + " nor customers.csv / customers.jsonl", null);
    }

    private static long readTable(Path file, BankTable table, Format format, BankSink sink,
                                  Consumer<DataFormatException> bad) throws IOException {
        long[] n = {0};
        try (RecordReader<?> reader = format == Format.CSV ? CsvRecords.read(file, table.schema())
                : JsonLines.read(file, table.schema())) {
            if (bad == null) {
                while (reader.hasNext()) {
                    sink.accept(table, reader.next());
                    n[0]++;
                }
            } else {
                IOException[] failure = {null};
                reader.forEachLenient(r -> {
                    if (failure[0] != null) return;
                    try {
                        sink.accept(table, r);
                        n[0]++;
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }, bad);
                if (failure[0] != null) throw failure[0];
            }
        }
        return n[0];
    }

    private static Optional<BankTable> tableNamed(String name) {
        for (BankTable t : BankTable.values()) if (t.tableName().equals(name)) return Optional.of(t);
        return Optional.empty();
    }

    /** Writes a dataset directory; a {@link BankSink}. Not thread-safe. Close it to write the manifest. */
    public static final class DirectoryWriter implements BankSink, Closeable {
        private final Path dir;
        private final Format format;
        private final Map<String, String> properties;
        private final Map<BankTable, RecordWriter<Object>> writers = new EnumMap<>(BankTable.class);
        private boolean closed;

        @SuppressWarnings("unchecked")
        private DirectoryWriter(Path dir, Format format, Map<String, String> properties) throws IOException {
            this.dir = Objects.requireNonNull(dir, "dir");
            this.format = Objects.requireNonNull(format, "format");
            this.properties = new TreeMap<>(properties);
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(MANIFEST)); // a manifest only exists next to complete files
            try {
                for (BankTable t : BankTable.values()) {
                    Path file = file(dir, t, format);
                    RecordSchema<Object> schema = (RecordSchema<Object>) t.schema();
                    writers.put(t, format == Format.CSV ? CsvRecords.write(file, schema) : JsonLines.write(file, schema));
                }
            } catch (IOException | RuntimeException e) {
                closeWriters();
                throw e;
            }
        }

        @Override
        public void accept(BankTable table, Object record) throws IOException {
            if (closed) throw new IllegalStateException("writer for " + dir + " is closed");
            writers.get(table).write(table.cast(record));
        }

        /** Rows written per table so far. */
        public Map<BankTable, Long> counts() {
            Map<BankTable, Long> m = new EnumMap<>(BankTable.class);
            writers.forEach((t, w) -> m.put(t, w.count()));
            return m;
        }

        /** Flushes and closes every file, then writes the manifest. */
        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            Map<BankTable, Long> counts = counts();
            closeWriters();
            ObjectNode root = JSON.createObjectNode();
            root.put("format", format.name().toLowerCase(Locale.ROOT));
            ObjectNode props = root.putObject("properties");
            properties.forEach(props::put);
            ObjectNode tables = root.putObject("tables");
            counts.forEach((t, n) -> tables.put(t.tableName(), n));
            Files.write(dir.resolve(MANIFEST), (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        private void closeWriters() throws IOException {
            IOException first = null;
            for (RecordWriter<Object> w : writers.values()) {
                try {
                    w.close();
                } catch (IOException e) {
                    if (first == null) first = e;
                }
            }
            if (first != null) throw first;
        }
    }
}
