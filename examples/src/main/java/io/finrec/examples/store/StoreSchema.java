package io.finrec.examples.store;

import io.finrec.core.dataset.BankTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The versioned SQLite schema of the bank database: one table per {@link BankTable} with exactly the columns of its
 * file schema (so records map one to one), typed columns, foreign keys, and an {@code epoch_ms} column beside every
 * instant for ordering. Migration {@code i} moves a database from version {@code i} to {@code i + 1}. Stateless.
 */
final class StoreSchema {
    /** The schema version this code writes and reads. */
    static final int VERSION = 2;

    /** Columns holding whole numbers. */
    private static final Set<String> INTEGER = Set.of("age", "risk_level", "min_age", "max_age", "min_risk_profile",
            "installment", "term_months", "mcc");
    /** Columns holding binary floating point numbers. */
    private static final Set<String> REAL = Set.of("weight", "annual_rate", "price");
    /** Columns that may be empty (optional values); every other column is NOT NULL. */
    private static final Set<String> NULLABLE = Set.of("product_id@accounts", "merchant", "category", "mcc", "paid_on");
    /** The instant column of tables that have one. */
    static final Map<BankTable, String> INSTANT = Map.of(BankTable.TRANSACTIONS, "timestamp",
            BankTable.INTERACTIONS, "time", BankTable.SOCIAL_POSTS, "time");

    private StoreSchema() {}

    /** The SQL statements of each migration step. */
    static List<List<String>> migrations() {
        List<String> v1 = new ArrayList<>();
        v1.add("CREATE TABLE schema_version (version INTEGER NOT NULL)");
        v1.add("CREATE TABLE dataset_properties (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        for (BankTable t : BankTable.values()) v1.add(createTable(t));
        return List.of(v1, resultTables());
    }

    /**
     * Version 2: the bank app's results, written back beside the bank so a second run reuses them and users can
     * query them with SQL ({@link BankResults}).
     */
    private static List<String> resultTables() {
        return List.of(
                "CREATE TABLE result_runs (stage TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, rows INTEGER NOT NULL, "
                        + "seconds REAL NOT NULL, finished_at TEXT NOT NULL)",
                "CREATE TABLE transaction_categories (transaction_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, "
                        + "month TEXT NOT NULL, amount REAL NOT NULL, category TEXT NOT NULL, probability REAL NOT NULL, "
                        + "merchant TEXT NOT NULL, source TEXT NOT NULL, "
                        + "FOREIGN KEY (transaction_id) REFERENCES transactions(id), "
                        + "FOREIGN KEY (customer_id) REFERENCES customers(id))",
                "CREATE INDEX ix_categories_customer ON transaction_categories(customer_id, month)",
                "CREATE VIEW monthly_spending AS SELECT customer_id, month, category, COUNT(*) AS transactions, "
                        + "ROUND(SUM(-amount), 2) AS total FROM transaction_categories WHERE amount < 0 "
                        + "GROUP BY customer_id, month, category",
                "CREATE TABLE alerts (customer_id TEXT NOT NULL, rule TEXT NOT NULL, alert_key TEXT NOT NULL, "
                        + "severity TEXT NOT NULL, occurred_on TEXT NOT NULL, message TEXT NOT NULL, "
                        + "evidence TEXT NOT NULL, first_raised TEXT NOT NULL, "
                        + "PRIMARY KEY (customer_id, rule, alert_key), "
                        + "FOREIGN KEY (customer_id) REFERENCES customers(id))",
                "CREATE TABLE recommendations (customer_id TEXT NOT NULL, rank INTEGER NOT NULL, "
                        + "product_id TEXT NOT NULL, score REAL NOT NULL, source TEXT NOT NULL, reasons TEXT NOT NULL, "
                        + "model TEXT NOT NULL, PRIMARY KEY (customer_id, rank), "
                        + "FOREIGN KEY (customer_id) REFERENCES customers(id), "
                        + "FOREIGN KEY (product_id) REFERENCES products(id))",
                "CREATE TABLE allocations (customer_id TEXT PRIMARY KEY, profile TEXT NOT NULL, regime TEXT NOT NULL, "
                        + "weights TEXT NOT NULL, expected_return REAL NOT NULL, volatility REAL NOT NULL, "
                        + "sharpe REAL NOT NULL, explanation TEXT NOT NULL, "
                        + "FOREIGN KEY (customer_id) REFERENCES customers(id))");
    }

    /** The result tables, children first (the order to delete them in). */
    static List<String> resultTableNames() {
        return List.of("transaction_categories", "alerts", "recommendations", "allocations", "result_runs");
    }

    /** Indexes created after a bulk load (building them once is faster than maintaining them per row). */
    static List<String> indexes() {
        return List.of(
                "CREATE INDEX IF NOT EXISTS ix_accounts_customer ON accounts(customer_id)",
                "CREATE INDEX IF NOT EXISTS ix_transactions_customer ON transactions(customer_id, epoch_ms)",
                "CREATE INDEX IF NOT EXISTS ix_transactions_account ON transactions(account_id)",
                "CREATE INDEX IF NOT EXISTS ix_interactions_customer ON interactions(customer_id, epoch_ms)",
                "CREATE INDEX IF NOT EXISTS ix_interactions_product ON interactions(product_id)",
                "CREATE INDEX IF NOT EXISTS ix_loans_customer ON loans(customer_id)",
                "CREATE INDEX IF NOT EXISTS ix_goals_customer ON savings_goals(customer_id)",
                "CREATE INDEX IF NOT EXISTS ix_posts_customer ON social_posts(customer_id, epoch_ms)",
                "CREATE INDEX IF NOT EXISTS ix_events_customer ON life_events(customer_id)");
    }

    private static String createTable(BankTable t) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(t.tableName()).append(" (");
        List<String> cols = t.schema().columns();
        for (String c : cols) {
            String type = INTEGER.contains(c) ? "INTEGER" : REAL.contains(c) ? "REAL" : "TEXT";
            boolean nullable = NULLABLE.contains(c) || NULLABLE.contains(c + "@" + t.tableName());
            sb.append(quote(c)).append(' ').append(type).append(nullable ? "" : " NOT NULL").append(", ");
        }
        if (INSTANT.containsKey(t)) sb.append("epoch_ms INTEGER NOT NULL, ");
        sb.append(switch (t) {
            case PRODUCTS -> "PRIMARY KEY (id)";
            case PRICES -> "PRIMARY KEY (series, date)";
            case CUSTOMERS -> "PRIMARY KEY (id)";
            case LIFE_EVENTS -> "FOREIGN KEY (customer_id) REFERENCES customers(id)";
            case ACCOUNTS -> "PRIMARY KEY (id), FOREIGN KEY (customer_id) REFERENCES customers(id), "
                    + "FOREIGN KEY (product_id) REFERENCES products(id)";
            case INTERACTIONS -> "FOREIGN KEY (customer_id) REFERENCES customers(id), "
                    + "FOREIGN KEY (product_id) REFERENCES products(id)";
            case LOANS -> "PRIMARY KEY (id), FOREIGN KEY (customer_id) REFERENCES customers(id), "
                    + "FOREIGN KEY (account_id) REFERENCES accounts(id), FOREIGN KEY (product_id) REFERENCES products(id)";
            case LOAN_REPAYMENTS -> "PRIMARY KEY (loan_id, installment), FOREIGN KEY (loan_id) REFERENCES loans(id)";
            case SAVINGS_GOALS -> "PRIMARY KEY (id), FOREIGN KEY (customer_id) REFERENCES customers(id), "
                    + "FOREIGN KEY (account_id) REFERENCES accounts(id)";
            case TRANSACTIONS -> "PRIMARY KEY (id), FOREIGN KEY (customer_id) REFERENCES customers(id), "
                    + "FOREIGN KEY (account_id) REFERENCES accounts(id)";
            case SOCIAL_POSTS -> "PRIMARY KEY (id), FOREIGN KEY (customer_id) REFERENCES customers(id)";
        });
        return sb.append(')').toString();
    }

    /** The INSERT statement of a table, binding the file columns (and epoch_ms) in order. */
    static String insert(BankTable t) {
        List<String> cols = new ArrayList<>(t.schema().columns().stream().map(StoreSchema::quote).toList());
        if (INSTANT.containsKey(t)) cols.add("epoch_ms");
        return "INSERT INTO " + t.tableName() + " (" + String.join(", ", cols) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")";
    }

    /** Quotes a column name (some, like "start" and "date", are SQL keywords). */
    static String quote(String column) {
        return '"' + column + '"';
    }
}
