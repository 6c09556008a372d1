package io.finrec.core.builtin;

import io.finrec.core.dataset.BankData;
import io.finrec.core.dataset.BankFiles;
import io.finrec.core.dataset.BankSink;
import io.finrec.core.dataset.BankTable;
import io.finrec.core.domain.Account;
import io.finrec.core.domain.Interaction;
import io.finrec.core.domain.LifeEvent;
import io.finrec.core.domain.Loan;
import io.finrec.core.domain.LoanRepayment;
import io.finrec.core.domain.PricePoint;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.SavingsGoal;
import io.finrec.core.domain.SocialPost;
import io.finrec.core.domain.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The built-in bank: a deterministic, seeded generator of a realistic retail bank that every demo, test and
 * evaluation can use, plus the constants other modules need (the fifteen spending categories, the product
 * catalogue, the market series).
 *
 * <pre>{@code
 * BankData bank = BuiltInBank.generate(BankConfig.defaults().withCustomers(200));   // in memory
 * BuiltInBank.generate(BankConfig.defaults(), mySink);                              // streaming
 * BuiltInBank.writeFiles(BankConfig.defaults(), Path.of("bank"), BankFiles.Format.CSV);
 * }</pre>
 *
 * <p>The default bank (seed 42) has 2,000 customers, 55 products, about 300,000 transactions over the twelve months
 * of 2024 and fifteen years of monthly market history. The same {@link BankConfig} always yields byte-identical
 * records: all randomness comes from seeded {@link java.util.SplittableRandom} streams and {@link StrictMath}, never
 * the clock. Customer {@code i} draws from streams derived from {@code (seed, i)}, so the first {@code n} customers
 * of a bigger bank are the bank of {@code n} customers. The generative model is documented in {@code docs/core.md}.
 *
 * <p>Stateless and thread-safe; generation itself runs on the calling thread.
 */
public final class BuiltInBank {
    /** The bank's name as it appears on statements and in posts. */
    public static final String BANK_NAME = "FinBank";
    /** Version of the generative model; bumped whenever the same seed would produce different data. */
    public static final String GENERATOR_VERSION = "1";

    /** The fifteen spending categories, sorted; every transaction of the built-in bank has one of them. */
    public static final List<String> CATEGORIES = List.of("dining", "entertainment", "fees", "fuel", "groceries",
            "healthcare", "insurance", "rent", "salary", "shopping", "telecom", "transfers", "transport", "travel",
            "utilities");

    private BuiltInBank() {}

    /** The fifteen spending categories ({@link #CATEGORIES}). */
    public static List<String> categories() {
        return CATEGORIES;
    }

    /** The product catalogue (55 products): ids, names, types, risk levels, eligibility and descriptions. */
    public static List<Product> products() {
        return Catalogue.PRODUCTS;
    }

    /** The catalogue product with this id, if any. */
    public static Optional<Product> product(String id) {
        Objects.requireNonNull(id, "id");
        for (Product p : Catalogue.PRODUCTS) if (p.id().equals(id)) return Optional.of(p);
        return Optional.empty();
    }

    /** Names of the monthly market series: STOCKS, BONDS, REAL_ESTATE and CASH (total-return index levels). */
    public static List<String> marketSeries() {
        return Market.SERIES;
    }

    /** Merchant display names of a category (the pool the generator draws from), for tests and docs. */
    public static List<String> merchants(String category) {
        return ReferenceData.get().merchants(category).stream().map(Merchant::name).toList();
    }

    /** The monthly market series alone (the same points {@link #generate(BankConfig, BankSink)} emits). */
    public static List<PricePoint> prices(BankConfig config) {
        return Market.series(Objects.requireNonNull(config, "config"));
    }

    /**
     * Streams the whole bank into {@code sink}: the products, the market prices, then customer by customer the
     * customer, its life events, accounts, interactions (sorted by time), loans, loan repayments, savings goals,
     * transactions (sorted by time) and social posts. Only one customer's records are in memory at a time.
     *
     * @throws IOException whatever the sink throws
     */
    public static void generate(BankConfig config, BankSink sink) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sink, "sink");
        for (Product p : Catalogue.PRODUCTS) sink.product(p);
        for (PricePoint p : Market.series(config)) sink.price(p);
        LocalDate start = config.start(), end = config.end();
        for (int i = 0; i < config.customers(); i++) {
            long seed = config.seed();
            Profile c = Profile.draw(i, new Rand(Rand.derive(seed, "profile", i)), start, end);
            Holdings h = Holdings.draw(c, new Rand(Rand.derive(seed, "holdings", i)), start, end);
            Spending s = Spending.simulate(c, h, new Rand(Rand.derive(seed, "spending", i)), start, end);
            List<SocialPost> posts = Posts.write(c, h, s, new Rand(Rand.derive(seed, "posts", i)), start, end);
            sink.customer(c.customer());
            for (LifeEvent e : c.lifeEvents()) sink.lifeEvent(e);
            for (Account a : h.accounts) sink.account(a);
            for (Interaction x : h.interactions) sink.interaction(x);
            for (Loan l : h.loans) sink.loan(l);
            for (LoanRepayment x : h.repayments) sink.loanRepayment(x);
            for (SavingsGoal g : h.goals) sink.savingsGoal(g);
            for (Transaction t : s.transactions()) sink.transaction(t);
            for (SocialPost p : posts) sink.socialPost(p);
        }
    }

    /** The whole bank in memory (about 150 MB for the default 2,000 customers; use a sink for more). */
    public static BankData generate(BankConfig config) {
        BankData.Collector collector = BankData.collector();
        try {
            generate(config, collector);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the collector never throws
        }
        return collector.build();
    }

    /** The facts recorded in a dataset manifest for this config (no timestamps, so output stays byte-identical). */
    public static Map<String, String> manifestProperties(BankConfig config) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("generator", "finrec built-in bank");
        m.put("generator_version", GENERATOR_VERSION);
        m.put("seed", Long.toString(config.seed()));
        m.put("customers", Integer.toString(config.customers()));
        m.put("start", config.start().toString());
        m.put("months", Integer.toString(config.months()));
        m.put("market_years", Integer.toString(config.marketYears()));
        return m;
    }

    /**
     * Generates the bank straight into a dataset directory (one file per table plus {@code manifest.json}),
     * streaming: memory use does not grow with the number of transactions.
     *
     * @return rows written per table
     */
    public static Map<BankTable, Long> writeFiles(BankConfig config, Path dir, BankFiles.Format format)
            throws IOException {
        try (BankFiles.DirectoryWriter w = BankFiles.writer(dir, format, manifestProperties(config))) {
            generate(config, w);
            return w.counts();
        }
    }
}
