package io.finrec.examples.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.categorize.CategorizationInput;
import io.finrec.api.categorize.CategoryPrediction;
import io.finrec.api.categorize.CategoryScore;
import io.finrec.api.categorize.TransactionCategorizer;
import io.finrec.api.progress.ProgressListener;
import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.dataset.BankData;
import io.finrec.core.dataset.BankTable;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.Transaction;
import io.finrec.examples.alerts.AlertEngine;
import io.finrec.examples.alerts.AlertPolicy;
import io.finrec.examples.recommend.BankRecommender;
import io.finrec.examples.recommend.ProductRecommendation;
import io.finrec.examples.report.CustomerReport;
import io.finrec.examples.spending.SpendingSummary;
import io.finrec.examples.store.BankStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on a small built-in bank: rows in SQLite, reuse, idempotence, exclusions, the report. */
class BankAppTest {
    static final BankConfig CFG = BankConfig.defaults().withCustomers(150);
    static BankData bank;

    /** A rule-based stand-in for the shipped categorizer: payroll is salary, card payments (MCC) shopping. */
    static final class KeywordCategorizer implements TransactionCategorizer {
        @Override
        public CategoryPrediction categorize(CategorizationInput in) {
            String d = in.description().toUpperCase(java.util.Locale.ROOT);
            String c = d.contains("PAYROLL") || d.contains("DIR DEP") ? "salary" : in.mcc().isPresent() ? "shopping" : UNCATEGORISED;
            return new CategoryPrediction(c, c.equals(UNCATEGORISED) ? 0.2 : 0.9, "", List.of(new CategoryScore(c, 0.9)), "rule");
        }

        @Override
        public List<String> categories() {
            return List.of("salary", "shopping");
        }
    }

    @BeforeAll
    static void generate() {
        bank = BuiltInBank.generate(CFG);
    }

    static BankStore load(Path db) throws Exception {
        BankStore store = BankStore.open(db);
        try (BankStore.Loader loader = store.loader(BuiltInBank.manifestProperties(CFG))) {
            bank.replay(loader);
        }
        return store;
    }

    @Test
    void categoriesAreWrittenBackAndReused(@TempDir Path tmp) throws Exception {
        try (BankStore store = load(tmp.resolve("bank.db"))) {
            BankApp app = new BankApp(store, new BankApp.Settings(2, 42));
            Categorizers.Named cat = new Categorizers.Named("keywords-v1", new KeywordCategorizer());
            BankApp.StageResult first = app.categorise(cat, ProgressListener.NONE);
            long n = store.count(BankTable.TRANSACTIONS);
            assertFalse(first.reused());
            assertEquals(n, first.rows());
            assertEquals(n, store.results().categoryCount());
            Transaction payroll = null;
            for (Customer c : store.customers().subList(0, 20))
                for (Transaction t : store.transactions(c.id()))
                    if (payroll == null && t.description().toUpperCase().contains("PAYROLL")) payroll = t;
            assertTrue(payroll != null, "the bank has payroll deposits");
            assertEquals("salary", store.results().categories(payroll.customerId()).get(payroll.id()));
            assertTrue(app.spending(payroll.customerId()).byCategory().keySet().stream()
                    .allMatch(k -> k.equals("shopping") || k.equals("uncategorised")), "salary and transfers are not spending");
            assertTrue(app.categorise(cat, ProgressListener.NONE).reused());
            BankApp.StageResult other = app.categorise(new Categorizers.Named("keywords-v2", new KeywordCategorizer()),
                    ProgressListener.NONE);
            assertFalse(other.reused(), "another categorizer recomputes");
            assertEquals(n, store.results().categoryCount(), "replaced, not appended");
        }
    }

    @Test
    void alertsAreStoredOnceRecommendationsRespectHoldingsAndEligibility(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("bank.db");
        try (BankStore store = load(db)) {
            BankApp app = new BankApp(store, new BankApp.Settings(2, 42));
            AlertEngine engine = new AlertEngine(AlertPolicy.defaults());
            BankApp.AlertsResult a = app.raiseAlerts(engine, "default", ProgressListener.NONE);
            assertTrue(a.raised() > 0 && a.added() == a.raised(), a.toString());
            assertEquals(a.raised(), store.results().alertCount());
            assertTrue(app.raiseAlerts(engine, "default", ProgressListener.NONE).reused());
            BankApp.AlertsResult again = app.raiseAlerts(engine, "other-policy-same-rules", ProgressListener.NONE);
            assertEquals(0, again.added(), "re-running the rules never duplicates an alert");
            assertEquals(a.raised(), store.results().alertCount());

            Path models = BankApp.modelDir(db);
            BankRecommender rec = app.recommender(models, ProgressListener.NONE);
            assertTrue(BankRecommender.isSaved(models));
            app.storeRecommendations(rec, 10, ProgressListener.NONE);
            int checked = 0;
            for (Customer c : store.customers()) {
                Set<String> held = Set.copyOf(store.holdings(c.id()).stream().map(Product::id).toList());
                List<ProductRecommendation> stored = store.results().recommendations(c.id());
                assertEquals(10, stored.size(), c.id());
                for (ProductRecommendation r : stored) {
                    assertFalse(held.contains(r.productId()), c.id() + " holds " + r.productId());
                    assertTrue(store.product(r.productId()).orElseThrow().eligibility().admits(c),
                            c.id() + " is not eligible for " + r.productId());
                    assertFalse(r.reasons().isEmpty());
                    checked++;
                }
            }
            assertEquals(1500, checked);
            BankRecommender loaded = app.recommender(models, ProgressListener.NONE);
            assertEquals(rec.rank("C000007", 10), loaded.rank("C000007", 10), "the saved model is reused as it was");
            assertThrows(IllegalArgumentException.class, () -> rec.recommend("C999999", 3));

            app.storeAllocations();
            assertEquals(150, store.results().allocationCount());
            double sum = app.allocation("C000003").weights().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(1, sum, 1e-6);

            CustomerReport report = app.report("C000003", rec, engine, 10);
            Path page = report.write(tmp.resolve("out"));
            String html = Files.readString(page);
            for (String s : List.of("<!DOCTYPE html>", "C000003", "id=\"spending-pie\"", "id=\"allocation-pie\"", "<svg",
                    "Recommended for you", "Investment strategy"))
                assertTrue(html.contains(s), s);
            assertFalse(html.contains("<script"), "no scripts");
            assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no external resources");
            SpendingSummary s = report.spending();
            for (String category : s.categories()) assertTrue(html.contains(category), category);
            assertThrows(IllegalArgumentException.class, () -> app.report("NOPE", rec, engine, 3));
        }
    }

    @Test
    void theEvaluationRunsOnATimeSplitAndTheHybridBeatsPopularity(@TempDir Path tmp) {
        try (BankStore store = BankStore.open(tmp.resolve("bank.db"))) {
            BankConfig cfg = BankConfig.defaults().withCustomers(600);
            try (BankStore.Loader loader = store.loader(BuiltInBank.manifestProperties(cfg))) {
                BuiltInBank.generate(cfg, loader);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            var r = new BankApp(store, new BankApp.Settings(2, 42)).evaluate(5, ProgressListener.NONE);
            assertTrue(r.testOpenings() > 100, "openings after the cutoff: " + r.testOpenings());
            assertNotEquals(0, r.row("hybrid").ndcg());
            assertTrue(r.row("hybrid").ndcg() > 1.2 * r.row("popularity").ndcg(), r.toString());
            assertTrue(r.row("hybrid").recall() > r.row("popularity").recall(), r.toString());
            assertTrue(r.row("hybrid").coverage() > r.row("popularity").coverage(), r.toString());
        }
    }

    @Test
    void progressCanCancelCategorisation(@TempDir Path tmp) throws Exception {
        try (BankStore store = load(tmp.resolve("bank.db"))) {
            io.finrec.api.progress.CancellationFlag flag = new io.finrec.api.progress.CancellationFlag();
            flag.cancel();
            assertThrows(io.finrec.api.progress.OperationCancelledException.class, () -> new BankApp(store,
                    BankApp.Settings.defaults()).categorise(new Categorizers.Named("k", new KeywordCategorizer()), flag));
            assertEquals(0, store.results().categoryCount());
        }
    }
}
