package io.finrec.examples.app;

import io.finrec.api.allocation.PriceTable;
import io.finrec.api.categorize.TransactionCategorizer;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.progress.ProgressTracker;
import io.finrec.core.dataset.BankTable;
import io.finrec.core.domain.Account;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Interaction;
import io.finrec.core.domain.LifeEvent;
import io.finrec.core.domain.Loan;
import io.finrec.core.domain.LoanRepayment;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.RiskProfile;
import io.finrec.core.domain.SavingsGoal;
import io.finrec.core.domain.Transaction;
import io.finrec.examples.advice.AllocationSummary;
import io.finrec.examples.alerts.Alert;
import io.finrec.examples.alerts.AlertEngine;
import io.finrec.examples.alerts.AlertKind;
import io.finrec.examples.alerts.CustomerActivity;
import io.finrec.examples.recommend.BankRecommender;
import io.finrec.examples.recommend.BankRecommenderTrainer;
import io.finrec.examples.recommend.ProductRecommendation;
import io.finrec.examples.recommend.RecommendationData;
import io.finrec.examples.recommend.RecommendationEvaluation;
import io.finrec.examples.recommend.SocialRecommendations;
import io.finrec.core.domain.SocialPost;
import io.finrec.nlp.social.PostSignals;
import io.finrec.api.vector.Metric;
import io.finrec.nlp.chat.ChatCustomer;
import io.finrec.nlp.chat.ChatRecommender;
import io.finrec.nlp.chat.KnowledgeBase;
import io.finrec.nlp.chat.ProductPassages;
import io.finrec.nlp.embedding.MiniLmEmbedder;
import io.finrec.nlp.sentiment.VaderSentiment;
import io.finrec.vectorsearch.flat.FlatIndex;
import io.finrec.nlp.social.SocialProfile;
import io.finrec.nlp.social.SocialSignalAnalyzer;
import io.finrec.examples.report.CustomerReport;
import io.finrec.examples.spending.CategorisedTransaction;
import io.finrec.examples.spending.SpendingSummary;
import io.finrec.examples.spending.TransactionCategorisation;
import io.finrec.examples.store.BankResults;
import io.finrec.examples.store.BankStore;
import io.finrec.strategy.bank.AssetClassPrices;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The bank app's pipeline over a {@link BankStore}, each stage through FinRec's public APIs, each result written back
 * to the store's result tables ({@link BankResults}) and reused by the next run when its inputs have not changed:
 *
 * <pre>{@code
 * try (BankStore store = BankStore.open(Path.of("finrec.db"))) {
 *     BankApp app = new BankApp(store, BankApp.Settings.defaults());
 *     app.categorise(Categorizers.defaultCategorizer(), progress);      // 352k transactions -> transaction_categories
 *     app.raiseAlerts(new AlertEngine(AlertPolicy.defaults()), progress);
 *     BankRecommender rec = app.recommender(modelDir, progress);          // trained once, then loaded
 *     app.storeRecommendations(rec, 10, progress);
 *     app.storeAllocations();
 *     List<ProductRecommendation> top = rec.recommend("C000042", 10);
 * }
 * }</pre>
 *
 * <p>Thread-safe: calls on the store are serialized, the cached training data and recommender are guarded by the
 * app's lock, and stages use their own worker threads. Keep one app per store to reuse what it has read.
 */
public final class BankApp {
    /** Stage names in {@code result_runs}. */
    public static final String CATEGORIES = "categories";
    /** Stage name of the alerts. */
    public static final String ALERTS = "alerts";
    /** Stage name of the recommender. */
    public static final String RECOMMENDER = "recommender";
    /** Stage name of the stored recommendations. */
    public static final String RECOMMENDATIONS = "recommendations";
    /** Stage name of the allocations. */
    public static final String ALLOCATIONS = "allocations";

    /**
     * Settings. Immutable and thread-safe.
     *
     * @param threads worker threads for categorising and alerts
     * @param seed    seed of the recommender's training
     */
    public record Settings(int threads, long seed) {
        public Settings {
            if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        }

        /** Two threads (this app's machine has two cores), seed 42. */
        public static Settings defaults() {
            return new Settings(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), 42);
        }
    }

    /**
     * What a stage did.
     *
     * @param rows    rows it produced (or found)
     * @param reused  whether it reused the stored results of an earlier run with the same inputs
     * @param seconds seconds it took
     */
    public record StageResult(long rows, boolean reused, double seconds) {}

    private final BankStore store;
    private final Settings settings;
    private final SocialSignalAnalyzer social = SocialSignalAnalyzer.create();
    private RecommendationData data;
    private String dataKey;
    /** The transactions and their categories of the last categorisation, kept (softly) for the alerts stage. */
    private java.lang.ref.SoftReference<Scan> scan = new java.lang.ref.SoftReference<>(null);

    private record Scan(String fingerprint, List<Transaction> transactions, Map<String, String> categories) {}
    private BankRecommender recommender;
    private String recommenderKey;

    /** An app over {@code store}. */
    public BankApp(BankStore store, Settings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The store. */
    public BankStore store() {
        return store;
    }

    /** The customer, or an {@link IllegalArgumentException} naming the id. */
    public Customer customer(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return store.customer(customerId).orElseThrow(() -> new IllegalArgumentException("customer: unknown customer id '"
                + customerId + "' in " + store.file()));
    }

    /** The date the data ends (the latest transaction), the as-of date of alerts and reports. */
    public LocalDate asOf() {
        return store.latestTransaction().map(t -> t.atOffset(ZoneOffset.UTC).toLocalDate()).orElse(LocalDate.now(ZoneOffset.UTC));
    }

    private String dataFingerprint() {
        Map<String, String> p = store.properties();
        return "seed=" + p.getOrDefault("seed", "?") + ";generator=" + p.getOrDefault("generator_version", "?")
                + ";customers=" + store.count(BankTable.CUSTOMERS) + ";transactions=" + store.count(BankTable.TRANSACTIONS)
                + ";interactions=" + store.count(BankTable.INTERACTIONS);
    }

    // ------------------------------------------------------------------------------------------------ categories

    /**
     * Categorises every transaction and writes the results to {@code transaction_categories}; reuses them when the
     * same categorizer already ran on the same data.
     */
    public StageResult categorise(Categorizers.Named categorizer, ProgressListener progress) {
        long t0 = System.nanoTime();
        String fp = dataFingerprint() + ";categorizer=" + categorizer.id();
        BankResults results = store.results();
        if (results.fingerprint(CATEGORIES).filter(fp::equals).isPresent() && results.categoryCount() > 0)
            return new StageResult(results.categoryCount(), true, seconds(t0));
        results.forgetRun(CATEGORIES);
        List<Transaction> scanned = new ArrayList<>();
        List<CategorisedTransaction> rows = new TransactionCategorisation(categorizer.categorizer(), settings.threads())
                .run(sink -> store.<Transaction>forEach(BankTable.TRANSACTIONS, t -> {
                    scanned.add(t);
                    sink.accept(t);
                }), store.count(BankTable.TRANSACTIONS), progress);
        results.replaceCategories(rows);
        Map<String, String> byId = new HashMap<>(rows.size() * 2);
        for (CategorisedTransaction c : rows) byId.put(c.transactionId(), c.category());
        synchronized (this) {
            scan = new java.lang.ref.SoftReference<>(new Scan(dataFingerprint(), scanned, byId));
        }
        double s = seconds(t0);
        results.recordRun(CATEGORIES, fp, rows.size(), s);
        return new StageResult(rows.size(), false, s);
    }

    /** Whether transactions have been categorised (else spending falls back to the data's own labels). */
    public boolean categorised() {
        return store.results().fingerprint(CATEGORIES).isPresent();
    }

    /** A customer's spending by category and month (categorised, else the data's labels). */
    public SpendingSummary spending(String customerId) {
        customer(customerId);
        if (categorised()) return SpendingSummary.of(store.results().monthlySpending(customerId));
        List<io.finrec.examples.spending.MonthlySpend> rows = new ArrayList<>();
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (Transaction t : store.transactions(customerId)) {
            if (!t.amount().isNegative()) continue;
            String key = YearMonth.from(t.timestamp().atOffset(ZoneOffset.UTC)) + "\u0000" + t.category().orElse("uncategorised");
            double[] v = acc.computeIfAbsent(key, k -> new double[2]);
            v[0]++;
            v[1] -= t.amount().amount().doubleValue();
        }
        acc.forEach((k, v) -> {
            int z = k.indexOf('\u0000');
            rows.add(new io.finrec.examples.spending.MonthlySpend(YearMonth.parse(k.substring(0, z)), k.substring(z + 1),
                    (long) v[0], v[1]));
        });
        return SpendingSummary.of(rows);
    }

    // ------------------------------------------------------------------------------------------------ alerts

    /** Everything the alert rules look at for one customer, as of {@link #asOf()}. */
    public CustomerActivity activity(String customerId) {
        Customer c = customer(customerId);
        Map<String, List<LoanRepayment>> rep = new HashMap<>();
        List<Loan> loans = store.loans(c.id());
        for (Loan l : loans) rep.put(l.id(), store.repayments(l.id()));
        return new CustomerActivity(c, store.accounts(c.id()), store.transactions(c.id()), store.results().categories(c.id()),
                store.goals(c.id()), loans, rep, productsById(), asOf());
    }

    /**
     * Runs the alert rules for every customer and stores the alerts (idempotently: alerts already stored stay as they
     * were). Skipped when the same policy already ran on the same data and categories.
     *
     * @return rows = alerts raised this time (new or not); see {@link BankResults#alertCounts()} for totals
     */
    public AlertsResult raiseAlerts(AlertEngine engine, String policyId, ProgressListener progress) {
        long t0 = System.nanoTime();
        BankResults results = store.results();
        String fp = dataFingerprint() + ";categories=" + results.fingerprint(CATEGORIES).orElse("labels") + ";policy="
                + policyId + ";rules=" + AlertEngine.RULES_VERSION + ";asOf=" + asOf();
        if (results.fingerprint(ALERTS).filter(fp::equals).isPresent())
            return new AlertsResult(results.alertCount(), 0, true, results.alertCounts(), seconds(t0));
        LocalDate asOf = asOf();
        Map<String, Product> products = productsById();
        Map<String, List<Account>> accounts = group(BankTable.ACCOUNTS, Account::customerId);
        Map<String, List<SavingsGoal>> goals = group(BankTable.SAVINGS_GOALS, SavingsGoal::customerId);
        Map<String, List<Loan>> loans = group(BankTable.LOANS, Loan::customerId);
        Map<String, List<LoanRepayment>> repayments = group(BankTable.LOAN_REPAYMENTS, LoanRepayment::loanId);
        Map<String, Customer> customers = new HashMap<>();
        for (Customer c : store.customers()) customers.put(c.id(), c);
        Scan last;
        synchronized (this) {
            last = scan.get();
        }
        if (last != null && !last.fingerprint().equals(dataFingerprint())) last = null;
        Map<String, String> categories = last != null ? last.categories() : new HashMap<>();
        if (last == null && categorised()) for (Customer c : customers.values()) categories.putAll(results.categories(c.id()));
        ProgressTracker tracker = ProgressTracker.start("alerts", customers.size(), "customers", progress);
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        List<Future<List<Alert>>> parts = new ArrayList<>();
        try {
            List<Transaction> batch = new ArrayList<>();
            java.util.function.Consumer<List<Transaction>> submit = txs -> {
                Customer c = customers.get(txs.get(0).customerId());
                Map<String, String> cat = new HashMap<>();
                for (Transaction t : txs) {
                    String k = categories.get(t.id());
                    if (k != null) cat.put(t.id(), k);
                }
                Map<String, List<LoanRepayment>> rep = new HashMap<>();
                for (Loan l : loans.getOrDefault(c.id(), List.of())) rep.put(l.id(), repayments.getOrDefault(l.id(), List.of()));
                CustomerActivity a = new CustomerActivity(c, accounts.getOrDefault(c.id(), List.of()), txs, cat,
                        goals.getOrDefault(c.id(), List.of()), loans.getOrDefault(c.id(), List.of()), rep, products, asOf);
                parts.add(pool.submit(() -> engine.evaluate(a)));
                tracker.advance(1);
            };
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.function.Consumer<Transaction> group = t -> {
                if (!batch.isEmpty() && !batch.get(0).customerId().equals(t.customerId())) {
                    seen.add(batch.get(0).customerId());
                    submit.accept(List.copyOf(batch));
                    batch.clear();
                }
                batch.add(t);
            };
            if (last != null) last.transactions().forEach(group);           // the categorisation's scan, in memory
            else store.<Transaction>forEach(BankTable.TRANSACTIONS, group);
            if (!batch.isEmpty()) {
                seen.add(batch.get(0).customerId());
                submit.accept(List.copyOf(batch));
            }
            for (Customer c : customers.values()) {       // customers without transactions still have goals and loans
                if (seen.contains(c.id())) continue;
                Map<String, List<LoanRepayment>> rep = new HashMap<>();
                for (Loan l : loans.getOrDefault(c.id(), List.of())) rep.put(l.id(), repayments.getOrDefault(l.id(), List.of()));
                CustomerActivity a = new CustomerActivity(c, accounts.getOrDefault(c.id(), List.of()), List.of(), Map.of(),
                        goals.getOrDefault(c.id(), List.of()), loans.getOrDefault(c.id(), List.of()), rep, products, asOf);
                parts.add(pool.submit(() -> engine.evaluate(a)));
                tracker.advance(1);
            }
            List<Alert> all = new ArrayList<>();
            for (Future<List<Alert>> f : parts) all.addAll(f.get());
            int added = results.saveAlerts(all);
            Map<AlertKind, Long> raised = new EnumMap<>(AlertKind.class);
            for (Alert a : all) raised.merge(a.kind(), 1L, Long::sum);
            double s = seconds(t0);
            results.recordRun(ALERTS, fp, all.size(), s);
            return new AlertsResult(all.size(), added, false, raised, s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.finrec.api.progress.OperationCancelledException("alerts");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException("alerts failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What {@link #raiseAlerts} did.
     *
     * @param raised  alerts the rules produced this run (or stored, when reused)
     * @param added   of which new (not stored before)
     * @param reused  whether the stored alerts of an earlier identical run were kept
     * @param byKind  alerts per kind
     * @param seconds seconds it took
     */
    public record AlertsResult(long raised, int added, boolean reused, Map<AlertKind, Long> byKind, double seconds) {}

    // ------------------------------------------------------------------------------------------------ recommendations

    /**
     * What the recommenders learn from: everything in the store, spending from the categories (else labels), social
     * features from the posts. Read once per app and categorisation (the app keeps it).
     */
    public synchronized RecommendationData recommendationData() {
        String key = dataFingerprint() + ";categories=" + store.results().fingerprint(CATEGORIES).orElse("labels");
        if (!key.equals(dataKey)) {
            data = recommendationData(Optional.empty());
            dataKey = key;
        }
        return data;
    }

    private RecommendationData recommendationData(Optional<Instant> spendingBefore) {
        List<Interaction> interactions = new ArrayList<>();
        store.<Interaction>forEach(BankTable.INTERACTIONS, interactions::add);
        List<LifeEvent> events = new ArrayList<>();
        store.<LifeEvent>forEach(BankTable.LIFE_EVENTS, events::add);
        return new RecommendationData(store.customers(), store.products(), interactions, events,
                spending(spendingBefore), socialFeatures(spendingBefore));
    }

    /** Debit spending per customer and category (categorised, else labelled), before {@code before} when given. */
    private Map<String, Map<String, Double>> spending(Optional<Instant> before) {
        return categorised()
                ? store.results().spendingByCustomer(before.map(t -> YearMonth.from(t.atOffset(ZoneOffset.UTC))))
                : store.labelledSpendingByCustomer(before);
    }

    /**
     * Social-signal features ({@link SocialProfile#userFeatures()}) of every customer who posted, from the posts before
     * {@code before} (all when empty), as of that instant (else the end of the data).
     */
    Map<String, Map<String, Double>> socialFeatures(Optional<Instant> before) {
        Instant now = before.orElseGet(() -> asOf().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Map<String, List<SocialPost>> posts = new HashMap<>();
        store.<SocialPost>forEach(BankTable.SOCIAL_POSTS, p -> {
            if (p.time().isBefore(now)) posts.computeIfAbsent(p.customerId(), k -> new ArrayList<>()).add(p);
        });
        Map<String, Map<String, Double>> out = new HashMap<>();
        posts.forEach((c, ps) -> out.put(c, social.analyze(c, ps, now).userFeatures()));
        return out;
    }

    /** What a customer's social posts say: sentiment and keywords per post, product affinities with reasons. */
    public SocialProfile social(String customerId) {
        Customer c = customer(customerId);
        return social.analyze(c.id(), store.posts(c.id()), asOf().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** Products a customer's posts point to, with the posts behind them (see {@link SocialRecommendations}). */
    public List<ProductRecommendation> socialRecommendations(String customerId, BankRecommender rec, int k) {
        return SocialRecommendations.of(social(customerId), rec, k);
    }

    /**
     * The trained recommender: loaded from {@code modelDir} when it was trained there on the same data, else trained
     * (and saved there).
     */
    public synchronized BankRecommender recommender(Path modelDir, ProgressListener progress) throws IOException {
        RecommendationData data = recommendationData();
        BankRecommenderTrainer.Config cfg = BankRecommenderTrainer.Config.defaults(settings.seed());
        String fp = dataFingerprint() + ";categories=" + store.results().fingerprint(CATEGORIES).orElse("labels")
                + ";config=" + cfg.hybrid() + cfg.userCf();
        String key = fp + ";dir=" + modelDir.toAbsolutePath();
        if (key.equals(recommenderKey)) return recommender;
        BankResults results = store.results();
        BankRecommender rec = null;
        if (results.fingerprint(RECOMMENDER).filter(fp::equals).isPresent() && BankRecommender.isSaved(modelDir)) {
            try {
                rec = BankRecommender.load(modelDir, data);
            } catch (IOException | RuntimeException e) {
                // a damaged or foreign model file: retrain below
            }
        }
        if (rec == null) {
            long t0 = System.nanoTime();
            rec = new BankRecommenderTrainer(cfg).train(data, progress);
            rec.save(modelDir);
            results.recordRun(RECOMMENDER, fp, rec.hybrid().userIds().size(), seconds(t0));
        }
        recommender = rec;
        recommenderKey = key;
        return rec;
    }

    /**
     * Stores the top {@code k} hybrid recommendations with reasons for every customer; reuses the stored ones when
     * this recommender already stored them.
     */
    public StageResult storeRecommendations(BankRecommender rec, int k, ProgressListener progress) {
        long t0 = System.nanoTime();
        String fp = store.results().fingerprint(RECOMMENDER).orElse("?") + ";k=" + k;
        if (store.results().fingerprint(RECOMMENDATIONS).filter(fp::equals).isPresent())
            return new StageResult(store.results().recommendationCount(), true, seconds(t0));
        List<Customer> customers = store.customers();
        ProgressTracker tracker = ProgressTracker.start("recommend", customers.size(), "customers", progress);
        Map<String, List<ProductRecommendation>> out = new ConcurrentHashMap<>();
        List<String> ids = new ArrayList<>();
        for (Customer c : customers) ids.add(c.id());
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < settings.threads(); w++) {
            Thread t = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement())
                    out.put(ids.get(i), rec.recommend(ids.get(i), k));
            }, "finrec-recommend");
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.finrec.api.progress.OperationCancelledException("recommend");
            }
        }
        tracker.advance(customers.size());
        Map<String, List<ProductRecommendation>> ordered = new LinkedHashMap<>();
        for (String id : ids) ordered.put(id, out.get(id));
        store.results().replaceRecommendations(Integer.toHexString(fp.hashCode()), ordered);
        long rows = store.results().recommendationCount();
        double s = seconds(t0);
        store.results().recordRun(RECOMMENDATIONS, fp, rows, s);
        return new StageResult(rows, false, s);
    }

    /** The offline evaluation on a time split at the middle of the data's window (see {@link RecommendationEvaluation}). */
    public RecommendationEvaluation.Report evaluate(int k, ProgressListener progress) {
        Instant end = store.latestTransaction().orElseThrow(() -> new IllegalStateException("the bank has no transactions"));
        Map<String, String> p = store.properties();
        LocalDate start = LocalDate.parse(p.getOrDefault("start", end.atOffset(ZoneOffset.UTC).toLocalDate().minusYears(1).toString()));
        Instant cutoff = start.atStartOfDay().toInstant(ZoneOffset.UTC);
        cutoff = cutoff.plusSeconds((end.getEpochSecond() - cutoff.getEpochSecond()) / 2);
        cutoff = YearMonth.from(cutoff.atOffset(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        RecommendationData data = recommendationData();
        return new RecommendationEvaluation(new BankRecommenderTrainer(BankRecommenderTrainer.Config.defaults(settings.seed())), k)
                .run(data, cutoff, spending(Optional.of(cutoff)), socialFeatures(Optional.of(cutoff)), progress);
    }

    // ------------------------------------------------------------------------------------------------ chat

    /**
     * The chat recommender over the bank's catalogue: MiniLM sentence embeddings of the product passages (embedded
     * once, then read from {@code cacheFile}, re-embedded only when a passage changes), exact cosine search with the
     * eligibility filter inside it, and VADER to soften replies to upset customers.
     */
    public ChatRecommender chat(Path cacheFile, ProgressListener progress) throws IOException {
        java.nio.file.Files.createDirectories(cacheFile.toAbsolutePath().getParent());
        List<Product> products = store.products();
        MiniLmEmbedder embedder = MiniLmEmbedder.shared();
        KnowledgeBase kb = KnowledgeBase.build(products, ProductPassages.forCatalogue(products), embedder,
                Optional.of(cacheFile), progress);
        return ChatRecommender.builder().embedder(embedder).knowledgeBase(kb)
                .index(FlatIndex.create(kb.dimension(), Metric.COSINE)).sentiment(VaderSentiment.create()).build();
    }

    /** The customer as the chat recommender sees them: who they are and what they hold. */
    public ChatCustomer chatCustomer(String customerId) {
        Customer c = customer(customerId);
        java.util.Set<String> held = new java.util.HashSet<>();
        for (Product p : store.holdings(c.id())) held.add(p.id());
        return new ChatCustomer(c, held);
    }

    // ------------------------------------------------------------------------------------------------ strategy

    /** The bank's market series as the strategy module's price table. */
    public PriceTable prices() {
        return AssetClassPrices.fromPoints(store.prices());
    }

    /**
     * Advises every customer (the allocation depends on the risk profile and the market, so it is computed once per
     * profile) and stores the allocations.
     */
    public StageResult storeAllocations() {
        long t0 = System.nanoTime();
        String fp = dataFingerprint();
        BankResults results = store.results();
        if (results.fingerprint(ALLOCATIONS).filter(fp::equals).isPresent())
            return new StageResult(results.allocationCount(), true, seconds(t0));
        PriceTable prices = prices();
        Map<RiskProfile, AllocationSummary> byProfile = new EnumMap<>(RiskProfile.class);
        List<AllocationSummary> all = new ArrayList<>();
        for (Customer c : store.customers()) {
            AllocationSummary a = byProfile.computeIfAbsent(c.riskProfile(), r -> AllocationSummary.advise(c, prices));
            all.add(new AllocationSummary(c.id(), a.profile(), a.regime(), a.weights(), a.expectedReturn(),
                    a.volatility(), a.sharpe(), a.explanation()));
        }
        results.saveAllocations(all);
        double s = seconds(t0);
        results.recordRun(ALLOCATIONS, fp, all.size(), s);
        return new StageResult(all.size(), false, s);
    }

    /** A customer's allocation: the stored one, else computed now. */
    public AllocationSummary allocation(String customerId) {
        Customer c = customer(customerId);
        return store.results().allocation(c.id()).orElseGet(() -> AllocationSummary.advise(c, prices()));
    }

    // ------------------------------------------------------------------------------------------------ per customer

    /**
     * A customer's alerts: the rules are run for them now and the result stored (idempotently), then every stored
     * alert of theirs is returned, most recent first.
     */
    public List<Alert> alerts(String customerId, AlertEngine engine) {
        List<Alert> fresh = engine.evaluate(activity(customerId));
        store.results().saveAlerts(fresh);
        return store.results().alerts(customerId);
    }

    /** Social-signal lines for a customer's report: each recent post with its sentiment and keywords. */
    public List<String> socialLines(String customerId) {
        List<String> out = new ArrayList<>();
        for (PostSignals p : social(customerId).posts()) {
            if (out.size() == 6) break;
            StringBuilder b = new StringBuilder().append(p.post().time().atOffset(ZoneOffset.UTC).toLocalDate()).append(": \"")
                    .append(p.post().text().replaceAll("\\s+", " ").strip()).append("\" — ").append(p.sentiment().label())
                    .append(String.format(java.util.Locale.ROOT, " (%.2f)", p.sentiment().compound()));
            if (!p.keywords().isEmpty())
                b.append("; keywords: ").append(String.join(", ", p.keywords().stream().map(k -> k.key()).distinct().toList()));
            out.add(b.toString());
        }
        return out;
    }

    /** A customer's report page, from the stored results (computing what is missing). */
    public CustomerReport report(String customerId, BankRecommender rec, AlertEngine engine, int k) {
        Customer c = customer(customerId);
        List<Alert> alerts = store.results().fingerprint(ALERTS).isPresent() ? store.results().alerts(c.id())
                : alerts(c.id(), engine);
        return new CustomerReport(c, asOf(), store.holdings(c.id()), spending(c.id()), alerts, rec.recommend(c.id(), k),
                rec.recommendUserCf(c.id(), Math.min(5, k)), socialLines(c.id()), socialRecommendations(c.id(), rec, 3),
                allocation(c.id()));
    }

    /** The directory for the model files of the bank in {@code db}: {@code <db name>-models} beside it. */
    public static Path modelDir(Path db) {
        Path abs = db.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName().toString().replaceFirst("\\.db$", "") + "-models");
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private Map<String, Product> productsById() {
        Map<String, Product> m = new LinkedHashMap<>();
        for (Product p : store.products()) m.put(p.id(), p);
        return m;
    }

    private <T> Map<String, List<T>> group(BankTable table, java.util.function.Function<T, String> key) {
        Map<String, List<T>> m = new HashMap<>();
        store.<T>forEach(table, r -> m.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return m;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
