package io.finrec.examples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.examples.advice.AllocationSummary;
import io.finrec.examples.alerts.Alert;
import io.finrec.examples.alerts.AlertKind;
import io.finrec.examples.alerts.Severity;
import io.finrec.examples.recommend.ProductRecommendation;
import io.finrec.examples.spending.CategorisedTransaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result tables of schema version 2: migration from version 1, round trips, idempotent alerts. */
class BankResultsTest {
    static BankStore loaded(Path db) throws Exception {
        BankConfig cfg = BankConfig.defaults().withCustomers(3);
        BankStore store = BankStore.open(db);
        try (BankStore.Loader loader = store.loader(BuiltInBank.manifestProperties(cfg))) {
            BuiltInBank.generate(cfg, loader);
        }
        return store;
    }

    @Test
    void aVersion1DatabaseGainsTheResultTablesAndKeepsItsBank(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("bank.db");
        long customers;
        try (BankStore store = loaded(db)) {
            customers = store.customers().size();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("DROP VIEW monthly_spending");
            for (String t : StoreSchema.resultTableNames()) s.execute("DROP TABLE " + t);
            s.execute("UPDATE schema_version SET version = 1");
        }
        try (BankStore store = BankStore.open(db)) {
            assertEquals(customers, store.customers().size());
            assertEquals(0, store.results().alertCount());
            assertTrue(store.checkIntegrity().ok(), store.checkIntegrity().problems().toString());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void resultsRoundTripAndAlertsAreNeverDuplicated(@TempDir Path tmp) throws Exception {
        try (BankStore store = loaded(tmp.resolve("bank.db"))) {
            BankResults r = store.results();
            String tx = store.transactions("C000001").get(0).id();
            r.replaceCategories(List.of(new CategorisedTransaction(tx, "C000001", YearMonth.of(2024, 1), -12.5, "dining",
                    0.93, "Cava", "model")));
            assertEquals(Map.of(tx, "dining"), r.categories("C000001"));
            assertEquals(12.5, r.monthlySpending("C000001").get(0).total(), 1e-9);
            r.replaceCategories(List.of());
            assertEquals(0, r.categoryCount(), "replaced, not appended");

            Map<String, String> ev = new LinkedHashMap<>();
            ev.put("amount", "6000.00");
            ev.put("limit", "5000.00");
            Alert a = new Alert("C000001", AlertKind.TRANSACTION_LIMIT, tx, Severity.WARNING, LocalDate.of(2024, 1, 3),
                    "You have exceeded your transaction limit of $5,000", ev);
            assertEquals(1, r.saveAlerts(List.of(a)));
            assertEquals(0, r.saveAlerts(List.of(a, a)));
            assertEquals(List.of(a), r.alerts("C000001"));
            assertEquals(List.of("amount", "limit"), List.copyOf(r.alerts("C000001").get(0).evidence().keySet()));
            assertEquals(Optional.of(a), r.firstAlert(AlertKind.TRANSACTION_LIMIT));

            ProductRecommendation p = new ProductRecommendation("P-CC-GOLD", "Gold Credit Card", 1.5, "hybrid",
                    List.of("customers in the family segment choose it (+0.31)"));
            r.replaceRecommendations("m1", Map.of("C000001", List.of(p)));
            r.replaceRecommendations("m1", Map.of("C000001", List.of(p)));
            assertEquals(List.of(p), r.recommendations("C000001"));

            AllocationSummary s = new AllocationSummary("C000002", "BALANCED", "NORMAL", Map.of("STOCKS", 0.6, "BONDS", 0.4),
                    0.06, 0.09, 0.45, List.of("Profile:", "Balanced."));
            r.saveAllocations(List.of(s));
            assertEquals(Optional.of(s), r.allocation("C000002"));

            r.recordRun("alerts", "fp-1", 1, 0.5);
            assertEquals(Optional.of("fp-1"), r.fingerprint("alerts"));
            store.clear();
            assertEquals(0, r.alertCount() + r.recommendationCount() + r.allocationCount());
            assertEquals(Optional.empty(), r.fingerprint("alerts"), "clearing the bank clears what was derived from it");
        }
    }
}
