package io.finrec.examples.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finrec.examples.advice.AllocationSummary;
import io.finrec.examples.alerts.Alert;
import io.finrec.examples.alerts.AlertKind;
import io.finrec.examples.alerts.Severity;
import io.finrec.examples.recommend.ProductRecommendation;
import io.finrec.examples.spending.CategorisedTransaction;
import io.finrec.examples.spending.MonthlySpend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bank app's results, stored beside the bank in the same SQLite file (schema version 2) so a second run reuses
 * them and anyone can query them:
 *
 * <pre>
 * transaction_categories (transaction_id, customer_id, month, amount, category, probability, merchant, source)
 * monthly_spending       view: (customer_id, month, category, transactions, total) over the debits
 * alerts                 (customer_id, rule, alert_key, severity, occurred_on, message, evidence JSON, first_raised)
 * recommendations        (customer_id, rank, product_id, score, source, reasons JSON, model)
 * allocations            (customer_id, profile, regime, weights JSON, expected_return, volatility, sharpe, explanation)
 * result_runs            (stage, fingerprint, rows, seconds, finished_at): what produced each table
 * </pre>
 *
 * e.g. {@code sqlite3 finrec.db "SELECT category, SUM(total) FROM monthly_spending WHERE customer_id='C000001' GROUP BY 1"}.
 *
 * <p>Thread-safe: every method locks the owning {@link BankStore} (one connection, calls serialized).
 */
public final class BankResults {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 4_000;

    private final BankStore owner;
    private final Connection conn;

    BankResults(BankStore owner, Connection conn) {
        this.owner = owner;
        this.conn = conn;
    }

    // ------------------------------------------------------------------------------------------------ runs

    /** The customer with the most social posts (lowest id among ties), if anyone posted. */
    public Optional<String> mostActivePoster() {
        synchronized (owner) {
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT customer_id FROM social_posts GROUP BY customer_id ORDER BY COUNT(*) DESC, customer_id LIMIT 1")) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            } catch (SQLException e) {
                throw fail("read social_posts", e);
            }
        }
    }

    /** The fingerprint recorded for a stage's last completed run, if any. */
    public Optional<String> fingerprint(String stage) {
        synchronized (owner) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT fingerprint FROM result_runs WHERE stage = ?")) {
                ps.setString(1, stage);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw fail("read result_runs", e);
            }
        }
    }

    /** Records that a stage completed with this fingerprint (what it ran on and with), rows and time. */
    public void recordRun(String stage, String fingerprint, long rows, double seconds) {
        synchronized (owner) {
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO result_runs VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, stage);
                ps.setString(2, fingerprint);
                ps.setLong(3, rows);
                ps.setDouble(4, seconds);
                ps.setString(5, Instant.now().toString());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw fail("write result_runs", e);
            }
        }
    }

    /** Forgets a stage's run (its results are recomputed next time). */
    public void forgetRun(String stage) {
        synchronized (owner) {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM result_runs WHERE stage = ?")) {
                ps.setString(1, stage);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw fail("write result_runs", e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ categories

    /** Replaces every stored category with these, in one SQL transaction. */
    public void replaceCategories(Collection<CategorisedTransaction> rows) {
        Objects.requireNonNull(rows, "rows");
        inTransaction("write transaction_categories", () -> {
            try (Statement s = conn.createStatement();
                 PreparedStatement ps = conn.prepareStatement(
                         "INSERT INTO transaction_categories VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.execute("DELETE FROM transaction_categories");
                int n = 0;
                for (CategorisedTransaction c : rows) {
                    ps.setString(1, c.transactionId());
                    ps.setString(2, c.customerId());
                    ps.setString(3, c.month().toString());
                    ps.setDouble(4, c.amount());
                    ps.setString(5, c.category());
                    ps.setDouble(6, c.probability());
                    ps.setString(7, c.merchant());
                    ps.setString(8, c.source());
                    ps.addBatch();
                    if (++n % BATCH == 0) ps.executeBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Number of categorised transactions stored. */
    public long categoryCount() {
        return count("SELECT COUNT(*) FROM transaction_categories");
    }

    /** Category per transaction id of one customer. */
    public Map<String, String> categories(String customerId) {
        Map<String, String> m = new HashMap<>();
        synchronized (owner) {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT transaction_id, category FROM transaction_categories WHERE customer_id = ?")) {
                ps.setString(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) m.put(rs.getString(1), rs.getString(2));
                }
            } catch (SQLException e) {
                throw fail("read transaction_categories", e);
            }
        }
        return m;
    }

    /**
     * How the stored categories compare with the labels the transactions were loaded with (the built-in bank's
     * true categories): {@code {labelled, agreeing, uncategorised}}.
     */
    public long[] categoryAgreement() {
        synchronized (owner) {
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*), COALESCE(SUM(tc.category = t.category), 0), "
                            + "COALESCE(SUM(tc.category = 'uncategorised'), 0) FROM transaction_categories tc "
                            + "JOIN transactions t ON t.id = tc.transaction_id WHERE t.category IS NOT NULL")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            } catch (SQLException e) {
                throw fail("compare categories", e);
            }
        }
    }

    /** One customer's debit spending per month and category (from the categorised transactions). */
    public List<MonthlySpend> monthlySpending(String customerId) {
        List<MonthlySpend> out = new ArrayList<>();
        synchronized (owner) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT month, category, transactions, total "
                    + "FROM monthly_spending WHERE customer_id = ? ORDER BY month, category")) {
                ps.setString(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        out.add(new MonthlySpend(YearMonth.parse(rs.getString(1)), rs.getString(2), rs.getLong(3),
                                rs.getDouble(4)));
                }
            } catch (SQLException e) {
                throw fail("read monthly_spending", e);
            }
        }
        return out;
    }

    /**
     * Debit spending per customer and category from the categorised transactions, only months before
     * {@code before} when given.
     */
    public Map<String, Map<String, Double>> spendingByCustomer(Optional<YearMonth> before) {
        Map<String, Map<String, Double>> m = new HashMap<>();
        synchronized (owner) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT customer_id, category, SUM(-amount) FROM "
                    + "transaction_categories WHERE amount < 0" + (before.isPresent() ? " AND month < ?" : "")
                    + " GROUP BY 1, 2")) {
                if (before.isPresent()) ps.setString(1, before.get().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) m.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3));
                }
            } catch (SQLException e) {
                throw fail("read transaction_categories", e);
            }
        }
        return m;
    }

    /** Total debit spending per category over all customers, largest first. */
    public Map<String, Double> spendingByCategory() {
        Map<String, Double> m = new LinkedHashMap<>();
        synchronized (owner) {
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT category, SUM(total) FROM monthly_spending GROUP BY category ORDER BY 2 DESC, 1")) {
                while (rs.next()) m.put(rs.getString(1), rs.getDouble(2));
            } catch (SQLException e) {
                throw fail("read monthly_spending", e);
            }
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------------ alerts

    /**
     * Stores alerts; one already stored (same customer, kind and key) is kept as it was, so re-running the rules
     * never duplicates an alert. Returns how many were new.
     */
    public int saveAlerts(Collection<Alert> alerts) {
        Objects.requireNonNull(alerts, "alerts");
        int[] added = {0};
        String now = Instant.now().toString();
        inTransaction("write alerts", () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT OR IGNORE INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Alert a : alerts) {
                    ps.setString(1, a.customerId());
                    ps.setString(2, a.kind().name());
                    ps.setString(3, a.key());
                    ps.setString(4, a.severity().name());
                    ps.setString(5, a.date().toString());
                    ps.setString(6, a.message());
                    ps.setString(7, json(a.evidence()));
                    ps.setString(8, now);
                    added[0] += ps.executeUpdate();
                }
            }
        });
        return added[0];
    }

    /** A customer's stored alerts, most recent first. */
    public List<Alert> alerts(String customerId) {
        List<Alert> out = new ArrayList<>();
        synchronized (owner) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT customer_id, rule, alert_key, severity, occurred_on, "
                    + "message, evidence FROM alerts WHERE customer_id = ? ORDER BY occurred_on DESC, rule, alert_key")) {
                ps.setString(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        out.add(new Alert(rs.getString(1), AlertKind.valueOf(rs.getString(2)), rs.getString(3),
                                Severity.valueOf(rs.getString(4)), LocalDate.parse(rs.getString(5)), rs.getString(6),
                                JSON.readValue(rs.getString(7), new TypeReference<LinkedHashMap<String, String>>() {})));
                }
            } catch (SQLException | JsonProcessingException e) {
                throw fail("read alerts", e);
            }
        }
        return out;
    }

    /** The first stored alert of a kind (lowest customer id and key), as an example. */
    public Optional<Alert> firstAlert(AlertKind kind) {
        String id;
        synchronized (owner) {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT customer_id FROM alerts WHERE rule = ? ORDER BY customer_id, alert_key LIMIT 1")) {
                ps.setString(1, kind.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    id = rs.getString(1);
                }
            } catch (SQLException e) {
                throw fail("read alerts", e);
            }
        }
        return alerts(id).stream().filter(a -> a.kind() == kind).findFirst();
    }

    /** Stored alerts per kind, over all customers. */
    public Map<AlertKind, Long> alertCounts() {
        Map<AlertKind, Long> m = new EnumMap<>(AlertKind.class);
        synchronized (owner) {
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT rule, COUNT(*) FROM alerts GROUP BY rule")) {
                while (rs.next()) m.put(AlertKind.valueOf(rs.getString(1)), rs.getLong(2));
            } catch (SQLException e) {
                throw fail("count alerts", e);
            }
        }
        return m;
    }

    /** Number of stored alerts. */
    public long alertCount() {
        return count("SELECT COUNT(*) FROM alerts");
    }

    // ------------------------------------------------------------------------------------------------ recommendations

    /** Replaces the stored recommendations of these customers (rank = position in each list, from 1). */
    public void replaceRecommendations(String model, Map<String, List<ProductRecommendation>> byCustomer) {
        Objects.requireNonNull(model, "model");
        inTransaction("write recommendations", () -> {
            try (PreparedStatement del = conn.prepareStatement("DELETE FROM recommendations WHERE customer_id = ?");
                 PreparedStatement ps = conn.prepareStatement("INSERT INTO recommendations VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Map.Entry<String, List<ProductRecommendation>> e : byCustomer.entrySet()) {
                    del.setString(1, e.getKey());
                    del.addBatch();
                }
                del.executeBatch();
                for (Map.Entry<String, List<ProductRecommendation>> e : byCustomer.entrySet()) {
                    int rank = 0;
                    for (ProductRecommendation r : e.getValue()) {
                        ps.setString(1, e.getKey());
                        ps.setInt(2, ++rank);
                        ps.setString(3, r.productId());
                        ps.setDouble(4, r.score());
                        ps.setString(5, r.source());
                        ps.setString(6, json(r.reasons()));
                        ps.setString(7, model);
                        ps.addBatch();
                        if (++n % BATCH == 0) ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    /** A customer's stored recommendations, by rank, with product names from the catalogue. */
    public List<ProductRecommendation> recommendations(String customerId) {
        List<ProductRecommendation> out = new ArrayList<>();
        synchronized (owner) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT r.product_id, COALESCE(p.name, r.product_id), r.score, "
                    + "r.source, r.reasons FROM recommendations r LEFT JOIN products p ON p.id = r.product_id "
                    + "WHERE r.customer_id = ? ORDER BY r.rank")) {
                ps.setString(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        out.add(new ProductRecommendation(rs.getString(1), rs.getString(2), rs.getDouble(3),
                                rs.getString(4), JSON.readValue(rs.getString(5), new TypeReference<List<String>>() {})));
                }
            } catch (SQLException | JsonProcessingException e) {
                throw fail("read recommendations", e);
            }
        }
        return out;
    }

    /** Number of stored recommendation rows. */
    public long recommendationCount() {
        return count("SELECT COUNT(*) FROM recommendations");
    }

    // ------------------------------------------------------------------------------------------------ allocations

    /** Stores (replacing) customers' allocations. */
    public void saveAllocations(Collection<AllocationSummary> allocations) {
        inTransaction("write allocations", () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO allocations VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AllocationSummary a : allocations) {
                    ps.setString(1, a.customerId());
                    ps.setString(2, a.profile());
                    ps.setString(3, a.regime());
                    ps.setString(4, json(a.weights()));
                    ps.setDouble(5, a.expectedReturn());
                    ps.setDouble(6, a.volatility());
                    ps.setDouble(7, a.sharpe());
                    ps.setString(8, String.join("\n", a.explanation()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** A customer's stored allocation. */
    public Optional<AllocationSummary> allocation(String customerId) {
        synchronized (owner) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM allocations WHERE customer_id = ?")) {
                ps.setString(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new AllocationSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                            JSON.readValue(rs.getString(4), new TypeReference<LinkedHashMap<String, Double>>() {}),
                            rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), List.of(rs.getString(8).split("\n"))));
                }
            } catch (SQLException | JsonProcessingException e) {
                throw fail("read allocations", e);
            }
        }
    }

    /** Number of stored allocations. */
    public long allocationCount() {
        return count("SELECT COUNT(*) FROM allocations");
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void inTransaction(String what, SqlWork work) {
        synchronized (owner) {
            try {
                conn.setAutoCommit(false);
                try {
                    work.run();
                    conn.commit();
                } catch (SQLException | RuntimeException e) {
                    conn.rollback();
                    throw e;
                } finally {
                    conn.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw fail(what, e);
            }
        }
    }

    private long count(String sql) {
        synchronized (owner) {
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0;
            } catch (SQLException e) {
                throw fail("count", e);
            }
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private StoreException fail(String what, Exception e) {
        return new StoreException(owner.file() + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
