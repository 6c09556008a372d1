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
    static final int VERSION = 1;

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
        return List.of(v1);
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
