package io.finrec.examples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.dataset.BankData;
import io.finrec.core.dataset.BankTable;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Interaction;
import io.finrec.core.domain.InteractionKind;
import io.finrec.core.domain.Transaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankStoreTest {
    private static final BankConfig CFG = BankConfig.defaults().withCustomers(40);
    private static BankData bank;

    @BeforeAll
    static void generate() {
        bank = BuiltInBank.generate(CFG);
    }

    private static BankStore loaded(Path db) throws Exception {
        BankStore store = BankStore.open(db);
        try (BankStore.Loader loader = store.loader(BuiltInBank.manifestProperties(CFG))) {
            bank.replay(loader);
            assertEquals(bank.counts(), loader.counts());
        }
        return store;
    }

    @Test
    void loadsEveryRecordAndReadsThemBackEqual(@TempDir Path tmp) throws Exception {
        try (BankStore store = loaded(tmp.resolve("bank.db"))) {
            assertEquals(bank.counts(), store.counts());
            IntegrityReport r = store.checkIntegrity();
            assertTrue(r.ok(), r.problems().toString());
            assertEquals(bank.customers(), store.customers());
            assertEquals(bank.products(), store.products());
            assertEquals(bank.prices(), store.prices());
            Customer c = bank.customers().get(7);
            assertEquals(c, store.customer(c.id()).orElseThrow());
            assertEquals(bank.transactions().stream().filter(t -> t.customerId().equals(c.id())).toList(),
                    store.transactions(c.id()));
            assertEquals(bank.accounts().stream().filter(a -> a.customerId().equals(c.id())).toList(), store.accounts(c.id()));
            assertEquals(bank.interactions().stream().filter(a -> a.customerId().equals(c.id())).toList(),
                    store.interactions(c.id()));
            assertEquals(bank.socialPosts().stream().filter(a -> a.customerId().equals(c.id())).toList(), store.posts(c.id()));
            assertEquals(bank.savingsGoals().stream().filter(a -> a.customerId().equals(c.id())).toList(), store.goals(c.id()));
            assertEquals(bank.loans().stream().filter(a -> a.customerId().equals(c.id())).toList(), store.loans(c.id()));
            bank.loans().stream().limit(3).forEach(l -> assertEquals(bank.loanRepayments().stream()
                    .filter(x -> x.loanId().equals(l.id())).toList(), store.repayments(l.id())));
            assertEquals("42", store.properties().get("seed"));
            assertTrue(store.customer("C999999").isEmpty());
            List<Transaction> all = new ArrayList<>();
            assertEquals(bank.transactions().size(), store.<Transaction>forEach(BankTable.TRANSACTIONS, all::add));
            assertEquals(bank.transactions(), all);
        }
    }

    @Test
    void holdingsAndAggregatesMatchTheData(@TempDir Path tmp) throws Exception {
        try (BankStore store = loaded(tmp.resolve("bank.db"))) {
            String id = bank.customers().get(3).id();
            List<String> expected = new ArrayList<>();
            for (Interaction i : bank.interactions()) {
                if (!i.customerId().equals(id)) continue;
                if (i.kind() == InteractionKind.OPENED && !expected.contains(i.productId())) expected.add(i.productId());
                if (i.kind() == InteractionKind.CLOSED) expected.remove(i.productId());
            }
            assertEquals(expected, store.holdings(id).stream().map(p -> p.id()).toList());
            Map<String, Long> counts = bank.transactions().stream().filter(Transaction::isDebit)
                    .collect(Collectors.groupingBy(t -> t.category().orElseThrow(), Collectors.counting()));
            for (CategorySpend s : store.spendByCategory()) assertEquals(counts.get(s.category()), s.count(), s.category());
            assertEquals(counts.size(), store.spendByCategory().size());
            assertTrue(store.holdingsByProduct().get(0).holders() >= store.holdingsByProduct().get(1).holders());
            assertEquals(CFG.customers(), store.customersBySegment().values().stream().mapToLong(Long::longValue).sum());
        }
    }

    @Test
    void integrityCheckFindsBrokenReferencesAndMissingRows(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("bank.db");
        loaded(db).close();
        String tx = bank.transactions().get(0).id();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("UPDATE transactions SET account_id = 'A-NOWHERE' WHERE id = '" + tx + "'");
            s.execute("DELETE FROM social_posts WHERE rowid IN (SELECT rowid FROM social_posts LIMIT 2)");
            String other = bank.accounts().stream().filter(a -> !a.customerId().equals(bank.transactions().get(1)
                    .customerId())).findFirst().orElseThrow().id();
            s.execute("UPDATE transactions SET account_id = '" + other + "' WHERE id = '" + bank.transactions().get(1).id() + "'");
        }
        try (BankStore store = BankStore.open(db)) {
            IntegrityReport r = store.checkIntegrity();
            assertFalse(r.ok());
            String all = String.join("\n", r.problems());
            assertTrue(all.contains("foreign key transactions -> accounts: 1 rows"), all);
            assertTrue(all.contains("social_posts: " + (bank.socialPosts().size() - 2) + " rows, but"), all);
            assertTrue(all.contains("transactions: 1 rows use an account of another customer"), all);
        }
    }

    @Test
    void refusesNewerSchemasForeignDatabasesAndDoubleLoads(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("bank.db");
        try (BankStore store = loaded(db)) {
            assertThrows(StoreException.class, () -> store.loader(Map.of()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("UPDATE schema_version SET version = 99");
        }
        StoreException newer = assertThrows(StoreException.class, () -> BankStore.open(db));
        assertTrue(newer.getMessage().contains("schema version 99"), newer.getMessage());
        Path foreign = tmp.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE stuff (x INTEGER)");
        }
        assertTrue(assertThrows(StoreException.class, () -> BankStore.open(foreign)).getMessage().contains("refusing"));
        assertThrows(StoreException.class, () -> BankStore.open(tmp.resolve("no/such/dir/x.db")));
    }

    @Test
    void abortedLoadLeavesTheDatabaseEmptyAndClearEmptiesIt(@TempDir Path tmp) throws Exception {
        try (BankStore store = BankStore.open(tmp.resolve("bank.db"))) {
            BankStore.Loader loader = store.loader(Map.of());
            bank.customers().forEach(c -> loader.accept(BankTable.CUSTOMERS, c));
            loader.abort();
            assertTrue(store.isEmpty());
        }
        try (BankStore store = loaded(tmp.resolve("b2.db"))) {
            store.clear();
            assertTrue(store.isEmpty());
            assertEquals(0, store.count(BankTable.TRANSACTIONS));
            try (BankStore.Loader loader = store.loader(Map.of())) {
                bank.replay(loader);
            }
            assertEquals(bank.counts(), store.counts());
        }
    }

    @Test
    void concurrentQueriesAreSafe(@TempDir Path tmp) throws Exception {
        try (BankStore store = loaded(tmp.resolve("bank.db"))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int offset = t;
                    futures.add(pool.submit(() -> {
                        int n = 0;
                        for (int i = 0; i < 20; i++) {
                            String id = bank.customers().get((offset * 7 + i) % CFG.customers()).id();
                            n += store.transactions(id).size() + store.holdings(id).size();
                        }
                        return n;
                    }));
                }
                for (Future<Integer> f : futures) assertTrue(f.get() > 0);
            } finally {
                pool.shutdown();
            }
        }
    }
}
