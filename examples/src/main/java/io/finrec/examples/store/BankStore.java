package io.finrec.examples.store;

import io.finrec.core.dataset.BankSink;
import io.finrec.core.dataset.BankTable;
import io.finrec.core.domain.Account;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Interaction;
import io.finrec.core.domain.InteractionKind;
import io.finrec.core.domain.LifeEvent;
import io.finrec.core.domain.Loan;
import io.finrec.core.domain.LoanRepayment;
import io.finrec.core.domain.PricePoint;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.SavingsGoal;
import io.finrec.core.domain.Segment;
import io.finrec.core.domain.SocialPost;
import io.finrec.core.domain.Transaction;
import io.finrec.core.io.RecordSchema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The example app's bank database: an embedded SQLite file (through sqlite-jdbc) with a versioned schema, a fast
 * bulk {@link #loader loader}, integrity checks and the queries the demo and the capabilities need (a customer and
 * their accounts, transactions, holdings, goals, loans and posts; products; streaming scans for training).
 *
 * <pre>{@code
 * try (BankStore store = BankStore.open(Path.of("finrec.db"))) {
 *     if (store.isEmpty()) {
 *         try (BankStore.Loader loader = store.loader(BuiltInBank.manifestProperties(cfg))) {
 *             BuiltInBank.generate(cfg, loader);
 *         }
 *     }
 *     Customer c = store.customer("C000001").orElseThrow();
 *     List<Transaction> tx = store.transactions(c.id());
 * }
 * }</pre>
 *
 * <p>Records are stored with exactly the columns of their file schema and read back through the same
 * {@link io.finrec.core.io.BankSchemas}, so what goes in comes out equal (exact decimals, optional fields, instants).
 *
 * <p>Thread-safe: one connection, and every public method is synchronized (calls are serialized). A {@link Loader}
 * uses that connection without locking for its whole life: use it from one thread, and close it before querying.
 */
public final class BankStore implements AutoCloseable {
    private static final int BATCH = 4_000;

    private final Path file;
    private final Connection conn;

    private final BankResults results;

    private BankStore(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
        this.results = new BankResults(this, conn);
    }

    /**
     * Opens (creating if needed) the database and brings its schema to {@link #schemaVersion() the current version}.
     *
     * @throws StoreException if the file is not a FinRec database, or was written by a newer FinRec
     */
    public static BankStore open(Path file) {
        Objects.requireNonNull(file, "file");
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null && !Files.isDirectory(abs.getParent()))
            throw new StoreException(file + ": directory " + abs.getParent() + " does not exist");
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + abs);
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot open SQLite database: " + e.getMessage(), e);
        }
        BankStore store = new BankStore(file, c);
        try {
            store.migrate();
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = ON");
            }
        } catch (SQLException | RuntimeException e) {
            store.close();
            if (e instanceof StoreException se) throw se;
            throw new StoreException(file + ": not a usable FinRec database: " + e.getMessage(), e);
        }
        return store;
    }

    /** The bank app's result tables in this database (categories, alerts, recommendations, allocations). */
    public BankResults results() {
        return results;
    }

    /** The schema version this FinRec writes. */
    public static int schemaVersion() {
        return StoreSchema.VERSION;
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    private void migrate() throws SQLException {
        int version = storedVersion();
        if (version > StoreSchema.VERSION)
            throw new StoreException(file + ": schema version " + version + " was written by a newer FinRec; this one "
                    + "reads up to version " + StoreSchema.VERSION);
        if (version == StoreSchema.VERSION) return;
        if (version == 0 && hasTables())
            throw new StoreException(file + ": holds tables but no FinRec schema_version; refusing to modify it");
        List<List<String>> steps = StoreSchema.migrations();
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            for (int v = version; v < StoreSchema.VERSION; v++) for (String sql : steps.get(v)) s.execute(sql);
            s.execute("DELETE FROM schema_version");
            s.execute("INSERT INTO schema_version (version) VALUES (" + StoreSchema.VERSION + ")");
            conn.commit();
        } catch (SQLException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
    }

    private int storedVersion() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'")) {
            if (!rs.next()) return 0;
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private boolean hasTables() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type='table'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    // ------------------------------------------------------------------------------------------------ loading

    /** True when the database holds no customers. */
    public synchronized boolean isEmpty() {
        return count(BankTable.CUSTOMERS) == 0;
    }

    /**
     * A sink that bulk-loads a dataset in one transaction with batched inserts; indexes are built and the
     * transaction committed by {@link Loader#close()}. Foreign keys are checked once at the end, by
     * {@link #checkIntegrity()}, rather than per row.
     *
     * @param properties facts about the dataset (e.g. {@code BuiltInBank.manifestProperties(config)}), stored in the
     *                   {@code dataset_properties} table
     * @throws StoreException if the database already holds a bank (use a new file or {@link #clear()})
     */
    public synchronized Loader loader(Map<String, String> properties) {
        Objects.requireNonNull(properties, "properties");
        if (!isEmpty())
            throw new StoreException(file + ": already holds a bank (" + count(BankTable.CUSTOMERS)
                    + " customers); load into a new file or clear it first");
        try {
            return new Loader(properties);
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot start loading: " + e.getMessage(), e);
        }
    }

    /** Deletes every bank record and every result derived from them (the schema stays). */
    public synchronized void clear() {
        try (Statement s = conn.createStatement()) {
            conn.setAutoCommit(false);
            for (String t : StoreSchema.resultTableNames()) s.execute("DELETE FROM " + t);
            BankTable[] tables = BankTable.values();
            for (int i = tables.length - 1; i >= 0; i--) s.execute("DELETE FROM " + tables[i].tableName());
            s.execute("DELETE FROM dataset_properties");
            conn.commit();
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot clear: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    private void autoCommit() {
        try {
            conn.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Bulk loader returned by {@link #loader}: a {@link BankSink}. Not thread-safe. Close it to commit; if
     * {@link #abort()} is called or a record fails, nothing is committed.
     */
    public final class Loader implements BankSink, AutoCloseable {
        private final Map<BankTable, PreparedStatement> inserts = new EnumMap<>(BankTable.class);
        private final Map<BankTable, Integer> pending = new EnumMap<>(BankTable.class);
        private final Map<BankTable, Long> counts = new EnumMap<>(BankTable.class);
        private final Map<String, String> properties;
        private boolean open = true;

        private Loader(Map<String, String> properties) throws SQLException {
            this.properties = new TreeMap<>(properties);
            try (Statement s = conn.createStatement()) {
                s.execute("PRAGMA foreign_keys = OFF");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("PRAGMA journal_mode = MEMORY");
            }
            conn.setAutoCommit(false);
            for (BankTable t : BankTable.values()) {
                inserts.put(t, conn.prepareStatement(StoreSchema.insert(t)));
                pending.put(t, 0);
                counts.put(t, 0L);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void accept(BankTable table, Object record) {
            if (!open) throw new IllegalStateException("loader is closed");
            Object[] values = ((RecordSchema<Object>) table.schema()).write(table.cast(record));
            PreparedStatement ps = inserts.get(table);
            try {
                for (int i = 0; i < values.length; i++) {
                    Object v = values[i];
                    if (v instanceof BigDecimal b) ps.setString(i + 1, b.toPlainString());
                    else ps.setObject(i + 1, v);
                }
                if (StoreSchema.INSTANT.containsKey(table)) ps.setLong(values.length + 1, epochMillis(record));
                ps.addBatch();
                counts.merge(table, 1L, Long::sum);
                if (pending.merge(table, 1, Integer::sum) >= BATCH) flush(table);
            } catch (SQLException e) {
                abort();
                throw new StoreException(file + ": cannot insert into " + table.tableName() + ": " + e.getMessage(), e);
            }
        }

        private static long epochMillis(Object record) {
            Instant t = record instanceof Transaction x ? x.timestamp() : record instanceof Interaction x ? x.time()
                    : ((SocialPost) record).time();
            return t.toEpochMilli();
        }

        private void flush(BankTable table) throws SQLException {
            if (pending.get(table) == 0) return;
            inserts.get(table).executeBatch();
            pending.put(table, 0);
        }

        /** Rows loaded per table so far. */
        public Map<BankTable, Long> counts() {
            return new EnumMap<>(counts);
        }

        /** Rolls back everything loaded so far. */
        public void abort() {
            if (!open) return;
            open = false;
            try {
                conn.rollback();
            } catch (SQLException ignored) {
                // the connection is being abandoned anyway
            } finally {
                finish();
            }
        }

        /** Flushes the batches, builds the indexes, records the properties and commits. */
        @Override
        public void close() {
            if (!open) return;
            try {
                for (BankTable t : BankTable.values()) flush(t);
                try (Statement s = conn.createStatement();
                     PreparedStatement p = conn.prepareStatement("INSERT OR REPLACE INTO dataset_properties VALUES (?, ?)")) {
                    for (String sql : StoreSchema.indexes()) s.execute(sql);
                    for (Map.Entry<String, String> e : properties.entrySet()) {
                        p.setString(1, e.getKey());
                        p.setString(2, e.getValue());
                        p.addBatch();
                    }
                    for (Map.Entry<BankTable, Long> e : counts.entrySet()) {
                        p.setString(1, "rows." + e.getKey().tableName());
                        p.setString(2, Long.toString(e.getValue()));
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                conn.commit();
                open = false;
            } catch (SQLException e) {
                abort();
                throw new StoreException(file + ": cannot commit the load: " + e.getMessage(), e);
            } finally {
                finish();
            }
        }

        private void finish() {
            open = false;
            for (PreparedStatement ps : inserts.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // closing a statement of a finished load
                }
            }
            try (Statement s = conn.createStatement()) {
                conn.setAutoCommit(true);
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA journal_mode = DELETE");
                s.execute("PRAGMA foreign_keys = ON");
            } catch (SQLException e) {
                throw new StoreException(file + ": " + e.getMessage(), e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    /**
     * Checks the database: SQLite's {@code quick_check} (page and record structure), every foreign key, that transactions, loans and savings
     * goals use accounts of their own customer, that loan accounts are loans, and that row counts match those
     * recorded when the data was loaded.
     */
    public synchronized IntegrityReport checkIntegrity() {
        List<String> problems = new ArrayList<>();
        try (Statement s = conn.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                while (rs.next()) if (!"ok".equals(rs.getString(1))) problems.add("quick_check: " + rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                Map<String, Integer> byTable = new LinkedHashMap<>();
                while (rs.next()) byTable.merge(rs.getString(1) + " -> " + rs.getString(3), 1, Integer::sum);
                byTable.forEach((k, n) -> problems.add("foreign key " + k + ": " + n + " rows reference a missing row"));
            }
            String[][] sameCustomer = {
                {"transactions", "transactions.account_id"}, {"loans", "loans.account_id"},
                {"savings_goals", "savings_goals.account_id"}};
            for (String[] q : sameCustomer) {
                long n = scalar(s, "SELECT COUNT(*) FROM " + q[0] + " JOIN accounts a ON a.id = " + q[1]
                        + " WHERE a.customer_id <> " + q[0] + ".customer_id");
                if (n > 0) problems.add(q[0] + ": " + n + " rows use an account of another customer");
            }
            long notLoan = scalar(s, "SELECT COUNT(*) FROM loans JOIN accounts a ON a.id = loans.account_id "
                    + "WHERE a.type <> 'LOAN'");
            if (notLoan > 0) problems.add("loans: " + notLoan + " rows point at accounts that are not loan accounts");
            Map<String, String> props = properties();
            for (BankTable t : BankTable.values()) {
                String expected = props.get("rows." + t.tableName());
                long actual = count(t);
                if (expected != null && Long.parseLong(expected) != actual)
                    problems.add(t.tableName() + ": " + actual + " rows, but " + expected + " were loaded");
            }
        } catch (SQLException e) {
            problems.add("check failed: " + e.getMessage());
        }
        return new IntegrityReport(counts(), problems);
    }

    private static long scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    // ------------------------------------------------------------------------------------------------ queries

    /** Rows per table. */
    public synchronized Map<BankTable, Long> counts() {
        Map<BankTable, Long> m = new EnumMap<>(BankTable.class);
        for (BankTable t : BankTable.values()) m.put(t, count(t));
        return m;
    }

    /** Rows in one table. */
    public synchronized long count(BankTable table) {
        try (Statement s = conn.createStatement()) {
            return scalar(s, "SELECT COUNT(*) FROM " + table.tableName());
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot count " + table.tableName() + ": " + e.getMessage(), e);
        }
    }

    /** The dataset properties recorded at load time (generator, seed, row counts as {@code rows.<table>}). */
    public synchronized Map<String, String> properties() {
        Map<String, String> m = new TreeMap<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT key, value FROM dataset_properties")) {
            while (rs.next()) m.put(rs.getString(1), rs.getString(2));
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot read properties: " + e.getMessage(), e);
        }
        return m;
    }

    /** The customer with this id. */
    public synchronized Optional<Customer> customer(String id) {
        return byId(BankTable.CUSTOMERS, id);
    }

    /** Every customer, by id. */
    public synchronized List<Customer> customers() {
        return query(BankTable.CUSTOMERS, "ORDER BY id");
    }

    /** The product with this id. */
    public synchronized Optional<Product> product(String id) {
        return byId(BankTable.PRODUCTS, id);
    }

    private <T> Optional<T> byId(BankTable table, String id) {
        List<T> l = query(table, "WHERE id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The product catalogue, in load order. */
    public synchronized List<Product> products() {
        return query(BankTable.PRODUCTS, "ORDER BY rowid");
    }

    /** A customer's accounts, by id. */
    public synchronized List<Account> accounts(String customerId) {
        return query(BankTable.ACCOUNTS, "WHERE customer_id = ? ORDER BY rowid", customerId);
    }

    /** A customer's transactions, oldest first. */
    public synchronized List<Transaction> transactions(String customerId) {
        return query(BankTable.TRANSACTIONS, "WHERE customer_id = ? ORDER BY epoch_ms, rowid", customerId);
    }

    /** A customer's product interactions, oldest first. */
    public synchronized List<Interaction> interactions(String customerId) {
        return query(BankTable.INTERACTIONS, "WHERE customer_id = ? ORDER BY epoch_ms, rowid", customerId);
    }

    /** The products a customer holds now: opened and not closed afterwards, in order of opening. */
    public synchronized List<Product> holdings(String customerId) {
        Map<String, Boolean> held = new LinkedHashMap<>();
        for (Interaction i : interactions(customerId)) {
            if (i.kind() == InteractionKind.OPENED) held.put(i.productId(), true);
            else if (i.kind() == InteractionKind.CLOSED) held.remove(i.productId());
        }
        List<Product> out = new ArrayList<>();
        for (String id : held.keySet()) product(id).ifPresent(out::add);
        return out;
    }

    /** A customer's savings goals. */
    public synchronized List<SavingsGoal> goals(String customerId) {
        return query(BankTable.SAVINGS_GOALS, "WHERE customer_id = ? ORDER BY rowid", customerId);
    }

    /** A customer's loans. */
    public synchronized List<Loan> loans(String customerId) {
        return query(BankTable.LOANS, "WHERE customer_id = ? ORDER BY rowid", customerId);
    }

    /** The instalments of a loan, in order. */
    public synchronized List<LoanRepayment> repayments(String loanId) {
        return query(BankTable.LOAN_REPAYMENTS, "WHERE loan_id = ? ORDER BY installment", loanId);
    }

    /** A customer's social posts, oldest first. */
    public synchronized List<SocialPost> posts(String customerId) {
        return query(BankTable.SOCIAL_POSTS, "WHERE customer_id = ? ORDER BY epoch_ms, rowid", customerId);
    }

    /** A customer's life events, by date. */
    public synchronized List<LifeEvent> lifeEvents(String customerId) {
        return query(BankTable.LIFE_EVENTS, "WHERE customer_id = ? ORDER BY date, rowid", customerId);
    }

    /** Every point of one market series, by date. */
    public synchronized List<PricePoint> prices(String series) {
        return query(BankTable.PRICES, "WHERE series = ? ORDER BY date", series);
    }

    /** Every market price point, in load order (for the built-in bank: by date, then series). */
    public synchronized List<PricePoint> prices() {
        return query(BankTable.PRICES, "ORDER BY rowid");
    }

    /**
     * Streams every record of a table to {@code consumer} in storage order without holding them in memory (e.g.
     * all transactions for training a categorizer, all interactions for a recommender).
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> long forEach(BankTable table, Consumer<? super T> consumer) {
        RecordSchema<T> schema = (RecordSchema<T>) table.schema();
        String order = StoreSchema.INSTANT.containsKey(table) ? " ORDER BY customer_id, epoch_ms, rowid" : " ORDER BY rowid";
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table.tableName() + order)) {
            long n = 0;
            while (rs.next()) consumer.accept(schema.read(new ResultSetRow(table.tableName(), ++n, rs)));
            return n;
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot scan " + table.tableName() + ": " + e.getMessage(), e);
        }
    }

    /** Debit spending per category over all customers, largest total first. */
    public synchronized List<CategorySpend> spendByCategory() {
        return spend("", null);
    }

    /** A customer's debit spending per category, largest total first. */
    public synchronized List<CategorySpend> spendByCategory(String customerId) {
        return spend(" AND customer_id = ?", customerId);
    }

    private List<CategorySpend> spend(String where, String arg) {
        String sql = "SELECT COALESCE(category, '(uncategorised)'), COUNT(*), SUM(-CAST(amount AS REAL)) FROM transactions "
                + "WHERE CAST(amount AS REAL) < 0" + where + " GROUP BY 1 ORDER BY 3 DESC, 1";
        List<CategorySpend> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (arg != null) ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    out.add(new CategorySpend(rs.getString(1), rs.getLong(2),
                            BigDecimal.valueOf(rs.getDouble(3)).setScale(2, RoundingMode.HALF_UP)));
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot sum spending: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Debit spending per customer and category by the categories the transactions were loaded with (a dataset's own
     * labels; missing ones count as {@code uncategorised}), only before {@code before} when given.
     */
    public synchronized Map<String, Map<String, Double>> labelledSpendingByCustomer(Optional<Instant> before) {
        Map<String, Map<String, Double>> m = new java.util.HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT customer_id, COALESCE(category, 'uncategorised'), "
                + "SUM(-CAST(amount AS REAL)) FROM transactions WHERE CAST(amount AS REAL) < 0"
                + (before.isPresent() ? " AND epoch_ms < ?" : "") + " GROUP BY 1, 2")) {
            if (before.isPresent()) ps.setLong(1, before.get().toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) m.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>()).put(rs.getString(2), rs.getDouble(3));
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot sum spending: " + e.getMessage(), e);
        }
        return m;
    }

    /** The time of the latest transaction, if any. */
    public synchronized Optional<Instant> latestTransaction() {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(epoch_ms) FROM transactions")) {
            long v = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot read transactions: " + e.getMessage(), e);
        }
    }

    /** How many customers hold each product now, most held first. */
    public synchronized List<ProductHolding> holdingsByProduct() {
        String sql = "SELECT product_id, COUNT(DISTINCT customer_id) FROM interactions o WHERE kind = 'OPENED' AND NOT EXISTS "
                + "(SELECT 1 FROM interactions c WHERE c.customer_id = o.customer_id AND c.product_id = o.product_id "
                + "AND c.kind = 'CLOSED' AND c.epoch_ms >= o.epoch_ms) GROUP BY product_id ORDER BY 2 DESC, 1";
        List<ProductHolding> out = new ArrayList<>();
        Map<String, Product> products = new LinkedHashMap<>();
        for (Product p : products()) products.put(p.id(), p);
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Product p = products.get(rs.getString(1));
                if (p != null) out.add(new ProductHolding(p, rs.getLong(2)));
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot count holdings: " + e.getMessage(), e);
        }
        return out;
    }

    /** Customers per segment. */
    public synchronized Map<Segment, Long> customersBySegment() {
        Map<Segment, Long> m = new EnumMap<>(Segment.class);
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT segment, COUNT(*) FROM customers GROUP BY segment")) {
            while (rs.next()) m.put(Segment.valueOf(rs.getString(1)), rs.getLong(2));
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot count segments: " + e.getMessage(), e);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> query(BankTable table, String tail, Object... args) {
        RecordSchema<T> schema = (RecordSchema<T>) table.schema();
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM " + table.tableName() + " " + tail)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                long n = 0;
                while (rs.next()) out.add(schema.read(new ResultSetRow(table.tableName(), ++n, rs)));
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot query " + table.tableName() + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Closes the connection. */
    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot close: " + e.getMessage(), e);
        }
    }
}
