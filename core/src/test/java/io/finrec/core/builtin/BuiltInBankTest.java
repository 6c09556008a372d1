package io.finrec.core.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.core.dataset.BankData;
import io.finrec.core.dataset.BankFiles;
import io.finrec.core.dataset.BankTable;
import io.finrec.core.domain.Account;
import io.finrec.core.domain.AccountType;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Interaction;
import io.finrec.core.domain.InteractionKind;
import io.finrec.core.domain.Loan;
import io.finrec.core.domain.PricePoint;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInBankTest {
    /** One bank shared by the tests (generating is the slow part); big enough for the learnability check. */
    private static final BankConfig SMALL = BankConfig.defaults().withCustomers(800);
    private static BankData bank;

    @BeforeAll
    static void generate() {
        bank = BuiltInBank.generate(SMALL);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDiffers(@TempDir Path tmp) throws Exception {
        BankConfig cfg = BankConfig.defaults().withCustomers(60);
        String a = hash(write(cfg, tmp.resolve("a")));
        String b = hash(write(cfg, tmp.resolve("b")));
        String c = hash(write(cfg.withSeed(7), tmp.resolve("c")));
        assertEquals(a, b, "same seed must give byte-identical files");
        assertNotEquals(a, c, "another seed must give other data");
    }

    @Test
    void smallerBankIsAPrefixOfABiggerOne() {
        BankData few = BuiltInBank.generate(SMALL.withCustomers(40));
        assertEquals(few.customers(), bank.customers().subList(0, 40));
        Set<String> ids = few.customers().stream().map(Customer::id).collect(Collectors.toSet());
        assertEquals(few.transactions(), bank.transactions().stream().filter(t -> ids.contains(t.customerId())).toList());
    }

    @Test
    void catalogueAndCategoriesAreComplete() {
        assertEquals(15, BuiltInBank.categories().size());
        assertEquals(List.copyOf(new TreeSet<>(BuiltInBank.categories())), BuiltInBank.categories());
        assertTrue(BuiltInBank.products().size() >= 50, "about fifty products");
        Set<String> names = BuiltInBank.products().stream().map(Product::name).collect(Collectors.toSet());
        for (String n : List.of("Savings Account", "Recurring Deposit", "Standard Credit Card", "Gold Credit Card",
                "Platinum Credit Card", "Home Loan", "Car Loan", "Personal Loan", "Education Loan", "Investment Advisory",
                "Tax Planning", "Retirement Account (IRA)", "Foreign Exchange Services"))
            assertTrue(names.contains(n), n);
        assertEquals(BuiltInBank.products().size(), BuiltInBank.products().stream().map(Product::id).distinct().count());
        for (String cat : BuiltInBank.categories())
            assertTrue(BuiltInBank.merchants(cat).size() >= 30, cat + " has " + BuiltInBank.merchants(cat).size());
        assertEquals(BuiltInBank.products(), bank.products());
    }

    @Test
    void transactionsAreLabelledSignedAndSpreadOverEveryCategory() {
        Map<String, Integer> perCategory = new HashMap<>();
        int withMcc = 0, cardLike = 0;
        for (Transaction t : bank.transactions()) {
            String cat = t.category().orElseThrow();
            assertTrue(BuiltInBank.categories().contains(cat), cat);
            assertTrue(t.merchant().isPresent());
            perCategory.merge(cat, 1, Integer::sum);
            if (cat.equals("salary")) assertFalse(t.isDebit(), t.toString());
            if (cat.equals("rent") || cat.equals("fees") || cat.equals("utilities")) assertTrue(t.isDebit(), t.toString());
            if (cat.equals("dining") || cat.equals("groceries") || cat.equals("fuel")) {
                cardLike++;
                if (t.mcc().isPresent()) withMcc++;
            }
        }
        assertEquals(15, perCategory.size(), perCategory.toString());
        double perCustomerYear = bank.transactions().size() / (double) bank.customers().size();
        assertTrue(perCustomerYear > 120 && perCustomerYear < 220, "transactions per customer-year: " + perCustomerYear);
        assertTrue(withMcc > 0.8 * cardLike && withMcc < cardLike, "most but not all card transactions carry an MCC");
        long distinctDescriptions = bank.transactions().stream().map(Transaction::description).distinct().count();
        assertTrue(distinctDescriptions > 0.6 * bank.transactions().size(), "descriptions are noisy, not templated");
        Set<String> shapes = new HashSet<>();
        for (Transaction t : bank.transactions()) {
            String d = t.description().toUpperCase();
            for (String f : List.of("POS ", "CHECKCARD ", "SQ *", "TST*", "PAYPAL *", "ACH DEBIT", "DIRECT DEP",
                    "ELECTRONIC PMT-WEB", "WEB ID:", "PURCHASE AUTHORIZED ON", "RECURRING PMT", "ZELLE"))
                if (d.contains(f)) shapes.add(f);
        }
        assertEquals(12, shapes.size(), "description formats seen: " + shapes);
    }

    @Test
    void recordsReferenceExistingRecordsOfTheSameCustomer() {
        Map<String, Account> accounts = new HashMap<>();
        for (Account a : bank.accounts()) assertEquals(null, accounts.put(a.id(), a), "duplicate account " + a.id());
        Set<String> customers = bank.customers().stream().map(Customer::id).collect(Collectors.toSet());
        Set<String> products = bank.products().stream().map(Product::id).collect(Collectors.toSet());
        for (Account a : bank.accounts()) assertTrue(customers.contains(a.customerId()));
        Set<String> txIds = new HashSet<>();
        Instant start = SMALL.start().atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = SMALL.end().atStartOfDay().toInstant(ZoneOffset.UTC);
        for (Transaction t : bank.transactions()) {
            assertTrue(txIds.add(t.id()), "duplicate transaction id " + t.id());
            Account a = accounts.get(t.accountId());
            assertEquals(t.customerId(), a.customerId(), t.id());
            assertFalse(t.timestamp().isBefore(a.opened().atStartOfDay().toInstant(ZoneOffset.UTC)),
                    t.id() + " happens before its account " + a.id() + " was opened");
            assertFalse(t.timestamp().isBefore(start) || !t.timestamp().isBefore(end), t.id());
        }
        for (Interaction i : bank.interactions()) {
            assertTrue(customers.contains(i.customerId()));
            assertTrue(products.contains(i.productId()));
        }
        Map<String, Loan> loans = new HashMap<>();
        for (Loan l : bank.loans()) {
            loans.put(l.id(), l);
            assertEquals(AccountType.LOAN, accounts.get(l.accountId()).type());
            assertEquals(l.customerId(), accounts.get(l.accountId()).customerId());
        }
        bank.loanRepayments().forEach(r -> assertTrue(loans.containsKey(r.loanId())));
        assertTrue(bank.loanRepayments().stream().anyMatch(r -> r.paidOn().isEmpty()), "some instalments are missed");
        assertTrue(bank.loanRepayments().stream().anyMatch(r -> r.paidOn().isPresent() && r.paidOn().get().isAfter(r.due())),
                "some instalments are late");
        bank.savingsGoals().forEach(g -> assertEquals(g.customerId(), accounts.get(g.accountId()).customerId()));
        bank.socialPosts().forEach(p -> assertTrue(customers.contains(p.customerId())));
        bank.lifeEvents().forEach(e -> assertTrue(customers.contains(e.customerId())));
    }

    @Test
    void holdingsRespectEligibilityAndEveryCustomerHasChecking() {
        Map<String, Customer> customers = bank.customers().stream().collect(Collectors.toMap(Customer::id, c -> c));
        Map<String, Product> products = bank.products().stream().collect(Collectors.toMap(Product::id, p -> p));
        Set<String> withChecking = new HashSet<>();
        for (Interaction i : bank.interactions()) {
            if (i.kind() != InteractionKind.OPENED) continue;
            Product p = products.get(i.productId());
            Customer c = customers.get(i.customerId());
            assertTrue(p.eligibility().admits(c), c + " holds " + p.id() + ": " + p.eligibility().whyNot(c));
            if (p.id().startsWith("P-CHK")) withChecking.add(c.id());
        }
        assertEquals(customers.keySet(), withChecking);
        assertTrue(bank.interactions().stream().map(Interaction::kind).collect(Collectors.toSet())
                .containsAll(List.of(InteractionKind.VIEWED, InteractionKind.CLICKED, InteractionKind.APPLIED,
                        InteractionKind.OPENED, InteractionKind.CLOSED)));
    }

    /**
     * The structure a recommender should learn: predicting in-window openings from the segment's popularity (a
     * feature-aware baseline) beats global popularity. Measured on 1,200 customers: 230 hits against 148 (1.55x).
     */
    @Test
    void customerFeaturesPredictOpeningsBetterThanPopularity() {
        BankData big = bank;
        Instant start = BankConfig.DEFAULT_START.atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<String, Customer> customers = big.customers().stream().collect(Collectors.toMap(Customer::id, c -> c));
        Map<String, Set<String>> before = new HashMap<>(), after = new HashMap<>();
        for (Interaction i : big.interactions()) {
            if (i.kind() != InteractionKind.OPENED) continue;
            (i.time().isBefore(start) ? before : after).computeIfAbsent(i.customerId(), k -> new HashSet<>()).add(i.productId());
        }
        Map<String, Integer> global = new HashMap<>();
        Map<String, Map<String, Integer>> bySegmentAndRisk = new HashMap<>();
        before.forEach((c, ps) -> ps.forEach(p -> {
            global.merge(p, 1, Integer::sum);
            bySegmentAndRisk.computeIfAbsent(key(customers.get(c)), k -> new HashMap<>()).merge(p, 1, Integer::sum);
        }));
        int hitsGlobal = 0, hitsFeatures = 0, cases = 0;
        for (var e : after.entrySet()) {
            Set<String> owned = before.getOrDefault(e.getKey(), Set.of());
            Customer c = customers.get(e.getKey());
            cases++;
            hitsGlobal += hits(top(global, owned, 5), e.getValue());
            hitsFeatures += hits(top(bySegmentAndRisk.getOrDefault(key(c), global), owned, 5), e.getValue());
        }
        assertTrue(cases > 150, "in-window openings: " + cases);
        assertTrue(hitsFeatures > 1.15 * hitsGlobal, "features " + hitsFeatures + " vs popularity " + hitsGlobal);
    }

    private static String key(Customer c) {
        return c.segment() + "/" + c.riskProfile() + "/" + (c.age() / 15);
    }

    private static List<String> top(Map<String, Integer> counts, Set<String> exclude, int k) {
        return counts.entrySet().stream().filter(e -> !exclude.contains(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(k).map(Map.Entry::getKey).toList();
    }

    private static int hits(List<String> recommended, Set<String> actual) {
        int h = 0;
        for (String r : recommended) if (actual.contains(r)) h++;
        return h;
    }

    @Test
    void marketSeriesHaveRealisticReturnsAndCorrelations() {
        List<PricePoint> prices = bank.prices();
        assertEquals(4 * 12 * BankConfig.DEFAULT_MARKET_YEARS, prices.size());
        Map<String, double[]> levels = new HashMap<>();
        for (String s : BuiltInBank.marketSeries())
            levels.put(s, prices.stream().filter(p -> p.series().equals(s)).mapToDouble(PricePoint::price).toArray());
        double[] stocks = returns(levels.get("STOCKS")), bonds = returns(levels.get("BONDS")),
                re = returns(levels.get("REAL_ESTATE"));
        double volS = sd(stocks) * Math.sqrt(12), volB = sd(bonds) * Math.sqrt(12);
        assertTrue(volS > 0.10 && volS < 0.30, "stock volatility " + volS);
        assertTrue(volB > 0.02 && volB < 0.10, "bond volatility " + volB);
        assertTrue(corr(stocks, re) > corr(stocks, bonds) + 0.3, "stocks move with real estate more than with bonds");
        assertEquals(SMALL.end().minusDays(1), prices.get(prices.size() - 1).date());
    }

    private static double[] returns(double[] level) {
        double[] r = new double[level.length - 1];
        for (int i = 1; i < level.length; i++) r[i - 1] = level[i] / level[i - 1] - 1;
        return r;
    }

    private static double sd(double[] x) {
        double m = 0, v = 0;
        for (double d : x) m += d / x.length;
        for (double d : x) v += (d - m) * (d - m) / (x.length - 1);
        return Math.sqrt(v);
    }

    private static double corr(double[] a, double[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void postsCarrySentimentAboutProductsAndLifeEvents() {
        List<String> texts = bank.socialPosts().stream().map(p -> p.text()).toList();
        assertTrue(texts.size() > 200, "posts: " + texts.size());
        assertTrue(texts.stream().anyMatch(t -> t.contains("overdraft") || t.contains("Overdraft")));
        assertTrue(texts.stream().anyMatch(t -> t.toLowerCase().contains("approved") || t.contains("Loving my new")));
        assertTrue(texts.stream().distinct().count() > texts.size() / 3, "posts vary");
    }

    @Test
    void concurrentGenerationsGiveTheSameBank() throws Exception {
        BankConfig cfg = BankConfig.defaults().withCustomers(30);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<BankData>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) runs.add(pool.submit(() -> BuiltInBank.generate(cfg)));
            BankData expected = BuiltInBank.generate(cfg);
            for (var f : runs) assertEquals(expected, f.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void configIsValidated() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> BankConfig.defaults().withCustomers(0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> BankConfig.defaults().withWindow(BankConfig.DEFAULT_START, 0));
    }

    private static Path write(BankConfig cfg, Path dir) throws IOException {
        Map<BankTable, Long> counts = BuiltInBank.writeFiles(cfg, dir, BankFiles.Format.CSV);
        assertEquals(cfg.customers(), counts.get(BankTable.CUSTOMERS));
        return dir;
    }

    private static String hash(Path dir) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                md.update(f.getFileName().toString().getBytes());
                md.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
