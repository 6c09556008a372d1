package io.finrec.nlp.categorize;

import io.finrec.api.categorize.CategorizationExample;
import io.finrec.api.categorize.CategorizationInput;
import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.dataset.BankTable;
import io.finrec.core.domain.Transaction;
import io.finrec.core.io.CsvRecords;
import io.finrec.core.io.DataFormatException;
import io.finrec.core.io.RecordReader;
import io.finrec.core.io.RecordSchema;
import io.finrec.core.io.Row;
import io.finrec.core.util.Checks;
import io.finrec.nlp.categorize.knowledge.MerchantDirectory;
import io.finrec.nlp.categorize.text.DescriptionNormalizer;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Labelled transactions for training and evaluation: CSV files and the built-in bank. Stateless and thread-safe.
 *
 * <h2>CSV layout</h2>
 * A header row naming the columns, in any order: {@code description} and {@code category} are required;
 * {@code amount} (signed, negative for debits), {@code mcc} (0..9999), {@code customer_id} and {@code timestamp}
 * (ISO-8601 instant or date) are optional and may be empty in a row. Errors name the file, row, line and column.
 */
public final class CategorizationData {
    /** Columns a labelled CSV file may have. */
    public static final Set<String> COLUMNS = Set.of("description", "category", "amount", "mcc", "customer_id",
            "timestamp");

    private static final DescriptionNormalizer NORMALIZER = new DescriptionNormalizer();

    private CategorizationData() {}

    /** Reads a labelled CSV file. */
    public static List<CategorizationExample> readCsv(Path file) throws IOException {
        Checks.notNull(file, "file");
        List<String> header = header(file);
        RecordSchema<CategorizationExample> schema = schema(header, file.toString());
        List<CategorizationExample> out = new ArrayList<>();
        try (RecordReader<CategorizationExample> r = CsvRecords.read(file, schema)) {
            while (r.hasNext()) out.add(r.next());
        }
        if (out.isEmpty()) throw new DataFormatException(file.toString(), 0, 1, null, "has a header but no rows", null);
        return out;
    }

    private static List<String> header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String first = r.readLine();
            if (first == null || first.isBlank())
                throw new DataFormatException(file.toString(), 0, 1, null,
                        "file is empty (expected a header row with description,category)", null);
            if (first.startsWith("\uFEFF")) first = first.substring(1);
            List<String> cols = new ArrayList<>();
            for (String c : first.split(",", -1)) cols.add(c.strip().replace("\"", ""));
            for (String c : cols)
                if (!COLUMNS.contains(c))
                    throw new DataFormatException(file.toString(), 0, 1, c, "unknown column; expected description,"
                            + "category and optionally amount,mcc,customer_id,timestamp", null);
            for (String req : List.of("description", "category"))
                if (!cols.contains(req))
                    throw new DataFormatException(file.toString(), 0, 1, req, "missing column in header " + cols, null);
            return cols;
        }
    }

    private static RecordSchema<CategorizationExample> schema(List<String> columns, String source) {
        return new RecordSchema<>("labelled transaction", columns, row -> read(row, columns), e -> {
            throw new UnsupportedOperationException("writing labelled transactions is not supported");
        });
    }

    private static CategorizationExample read(Row row, List<String> columns) {
        String description = row.text("description");
        if (description.length() > Checks.MAX_TEXT_LENGTH)
            throw row.error("description", "longer than " + Checks.MAX_TEXT_LENGTH + " characters", null);
        String category = row.text("category").strip();
        Optional<BigDecimal> amount = Optional.empty();
        OptionalInt mcc = OptionalInt.empty();
        Optional<String> customer = Optional.empty();
        Optional<Instant> time = Optional.empty();
        if (columns.contains("amount")) {
            Optional<String> a = row.optText("amount");
            if (a.isPresent()) {
                try {
                    BigDecimal v = new BigDecimal(a.get().strip());
                    amount = Optional.of(v);
                } catch (NumberFormatException e) {
                    throw row.error("amount", "'" + Checks.abbreviate(a.get()) + "' is not a number", e);
                }
            }
        }
        if (columns.contains("mcc")) mcc = row.optInt("mcc");
        if (columns.contains("customer_id")) customer = row.optText("customer_id").map(String::strip);
        if (columns.contains("timestamp")) {
            Optional<String> t = row.optText("timestamp");
            if (t.isPresent()) {
                String s = t.get().strip();
                try {
                    time = Optional.of(s.length() == 10 ? LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC)
                            : Instant.parse(s));
                } catch (DateTimeParseException e) {
                    throw row.error("timestamp", "'" + Checks.abbreviate(s) + "' is not an ISO-8601 instant or date", e);
                }
            }
        }
        return new CategorizationExample(new CategorizationInput(description, amount, mcc, customer, time), category);
    }

    /**
     * The merchants of some transactions, as identities: the hand-curated directory's canonical name when it knows the
     * merchant, else the normalised merchant words. Used to hold whole merchants out of training.
     */
    public static Set<String> merchantsOf(List<CategorizationExample> examples) {
        Checks.notNull(examples, "examples");
        Set<String> out = new java.util.HashSet<>();
        for (CategorizationExample e : examples) out.add(merchantOf(e.input().description()));
        return out;
    }

    /** The transactions whose merchant (see {@link #merchantsOf}) is not in {@code merchants}. */
    public static List<CategorizationExample> withoutMerchants(List<CategorizationExample> examples, Set<String> merchants) {
        Checks.notNull(examples, "examples");
        Checks.notNull(merchants, "merchants");
        List<CategorizationExample> out = new ArrayList<>(examples.size());
        for (CategorizationExample e : examples) if (!merchants.contains(merchantOf(e.input().description()))) out.add(e);
        return out;
    }

    /** A directory without the entries named in {@code merchants}. */
    public static MerchantDirectory withoutMerchants(MerchantDirectory directory, Set<String> merchants) {
        MerchantDirectory.Builder b = directory.toBuilder();
        for (String m : merchants) b.remove(m);
        return b.build();
    }

    /** Which knowledge of held-out merchants a measurement removes from the directory. */
    public enum DirectoryHoldout {
        /** Keep the directory whole: the held-out merchants are known brands new to the bank. */
        NONE,
        /**
         * Remove them from the hand-curated entries only; the generated entries of an independent source
         * ({@link MerchantDirectory#nameSuggestionIndex()}) stay: how far independent knowledge carries.
         */
        CURATED,
        /** Remove them from every entry, hand-curated and generated: nobody knows the merchants. */
        ALL
    }

    /**
     * A directory that no longer knows the merchants of {@code heldOut}. Hand-curated (and bank-added) entries are
     * removed by the name of the entry that fully matches a held-out description when only those entries are
     * consulted (so a shorter alias of another merchant, "UBER" for a held-out "UBER EATS", stays, as it would in
     * real life). With {@link DirectoryHoldout#ALL}, the generated {@link MerchantDirectory#nameSuggestionIndex()}
     * entries matching a held-out description are removed too, repeatedly, until none matches.
     */
    public static MerchantDirectory withoutKnowledgeOf(MerchantDirectory directory,
                                                       List<NormalizedDescription> heldOut, DirectoryHoldout mode) {
        Checks.notNull(directory, "directory");
        Checks.notNull(heldOut, "heldOut");
        Checks.notNull(mode, "mode");
        if (mode == DirectoryHoldout.NONE) return directory;
        Set<MerchantDirectory.Entry> generated = new java.util.HashSet<>(MerchantDirectory.nameSuggestionIndex().entries());
        MerchantDirectory.Builder handOnly = directory.toBuilder();
        handOnly.removeIf(generated::contains);
        MerchantDirectory hand = handOnly.build();
        Set<String> names = new java.util.HashSet<>();
        for (NormalizedDescription d : heldOut) hand.match(d).filter(m -> !m.partial()).ifPresent(m -> names.add(m.entry().name()));
        MerchantDirectory.Builder b = directory.toBuilder();
        b.removeIf(e -> !generated.contains(e) && names.contains(e.name()));
        MerchantDirectory out = b.build();
        if (mode == DirectoryHoldout.CURATED) return out;
        while (true) {
            Set<MerchantDirectory.Entry> found = new java.util.HashSet<>();
            for (NormalizedDescription d : heldOut)
                out.match(d).filter(m -> !m.partial() && generated.contains(m.entry())).ifPresent(m -> found.add(m.entry()));
            if (found.isEmpty()) return out;
            b.removeIf(found::contains);
            out = b.build();
        }
    }

    /** The normalised descriptions of some transactions (for {@link #withoutKnowledgeOf}). */
    public static List<NormalizedDescription> normalized(List<CategorizationExample> examples) {
        List<NormalizedDescription> out = new ArrayList<>(examples.size());
        for (CategorizationExample e : examples) out.add(NORMALIZER.normalize(e.input().description()));
        return out;
    }

    /** The merchant identity of one description (see {@link #merchantsOf}). */
    public static String merchantOf(String description) {
        NormalizedDescription d = NORMALIZER.normalize(description);
        return MerchantDirectory.curated().match(d).filter(m -> !m.partial()).map(m -> m.entry().name())
                .orElse(d.merchantKey());
    }

    /**
     * Labelled transactions of the built-in bank: every categorised transaction of its first {@code customers}
     * customers (about 170 a customer a year), with amount, MCC, customer and timestamp, so recurrence and
     * direction can be learned.
     */
    public static List<CategorizationExample> builtInBank(BankConfig config) {
        Checks.notNull(config, "config");
        List<CategorizationExample> out = new ArrayList<>();
        try {
            BuiltInBank.generate(config, (table, record) -> {
                if (table != BankTable.TRANSACTIONS) return;
                Transaction t = (Transaction) record;
                t.category().ifPresent(c -> out.add(new CategorizationExample(CategorizationInput.of(t), c)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
