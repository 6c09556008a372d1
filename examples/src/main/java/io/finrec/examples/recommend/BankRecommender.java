package io.finrec.examples.recommend;

import io.finrec.api.recommend.Explanation;
import io.finrec.api.recommend.ItemFilter;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Product;
import io.finrec.recsys.cf.UserKnnModel;
import io.finrec.recsys.hybrid.HybridModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The bank's trained recommenders and what serving needs beside them (customers for eligibility, their holdings and
 * features):
 *
 * <pre>{@code
 * BankRecommender rec = new BankRecommenderTrainer(BankRecommenderTrainer.Config.defaults(42)).train(data, progress);
 * List<ProductRecommendation> top = rec.recommend("C000042", 10);          // hybrid, with reasons
 * List<ProductRecommendation> cf = rec.recommendUserCf("C000042", 10);     // user-based CF, with reasons
 * rec.save(dir);  BankRecommender again = BankRecommender.load(dir, data);
 * }</pre>
 *
 * Products the customer holds and products their {@link Product#eligibility() eligibility} rules out are never
 * recommended: both are applied inside the ranking (the query's exclusions and filter), so {@code k} eligible
 * products come back whenever {@code k} exist. A customer the model never saw is served from their features alone
 * (cold start). Immutable and thread-safe.
 */
public final class BankRecommender {
    /** Source label of the hybrid model's recommendations. */
    public static final String HYBRID = "hybrid";
    /** Source label of user-based CF's recommendations. */
    public static final String USER_CF = "user-cf";

    private static final String HYBRID_FILE = "bank-hybrid.frec";
    private static final String KNN_FILE = "bank-user-knn.frec";

    private final HybridModel hybrid;
    private final UserKnnModel userCf;
    private final Map<String, Customer> customers;
    private final Map<String, Product> products;
    private final Map<String, Set<String>> held;
    private final Map<String, Map<String, Double>> features;

    BankRecommender(HybridModel hybrid, UserKnnModel userCf, RecommendationData data,
                    Map<String, Map<String, Double>> features) {
        this.hybrid = Objects.requireNonNull(hybrid, "hybrid");
        this.userCf = Objects.requireNonNull(userCf, "userCf");
        this.customers = data.customersById();
        this.products = data.productsById();
        this.held = data.holdings();
        this.features = Map.copyOf(features);
    }

    /** The hybrid model. */
    public HybridModel hybrid() {
        return hybrid;
    }

    /** The user-based CF model. */
    public UserKnnModel userCf() {
        return userCf;
    }

    /** Whether the customer exists in the data this recommender serves. */
    public boolean knowsCustomer(String customerId) {
        return customers.containsKey(customerId);
    }

    /** The products a customer holds now. */
    public Set<String> holdings(String customerId) {
        return held.getOrDefault(customer(customerId).id(), Set.of());
    }

    /** The query for a customer: their holdings excluded, only products they are eligible for. */
    public RecommendQuery query(String customerId, int k) {
        Customer c = customer(customerId);
        ItemFilter eligible = id -> {
            Product p = products.get(id);
            return p != null && p.eligibility().admits(c);
        };
        return RecommendQuery.top(k).withExcludeKnown(false).withExclude(held.getOrDefault(c.id(), Set.of()))
                .withFilter(eligible);
    }

    /** The hybrid model's top {@code k} products for the customer, scores only (the fast path: no reasons). */
    public List<RecommendedItem> rank(String customerId, int k) {
        RecommendQuery q = query(customerId, k);
        return hybrid.knowsUser(customerId) ? hybrid.recommend(customerId, q)
                : hybrid.recommendForFeatures(knownFeatures(customerId), q);
    }

    /**
     * The hybrid model's top {@code k} among {@code candidates} (held and ineligible ones still excluded), scores
     * only.
     */
    public List<RecommendedItem> rankAmong(String customerId, Set<String> candidates, int k) {
        RecommendQuery q = query(customerId, k).withCandidates(candidates);
        return hybrid.knowsUser(customerId) ? hybrid.recommend(customerId, q)
                : hybrid.recommendForFeatures(knownFeatures(customerId), q);
    }

    /** The ids of the catalogue's products of one type. */
    public Set<String> productsOfType(io.finrec.core.domain.ProductType type) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Product p : products.values()) if (p.type() == type) out.add(p.id());
        return out;
    }

    /** The hybrid model's top {@code k} products with reasons (features, similar customers, similar products held). */
    public List<ProductRecommendation> recommend(String customerId, int k) {
        List<ProductRecommendation> out = new ArrayList<>();
        Map<String, Double> nb = neighbours(customerId);
        for (RecommendedItem r : rank(customerId, k))
            out.add(new ProductRecommendation(r.itemId(), name(r.itemId()), r.score(), HYBRID,
                    reasons(customer(customerId), r.itemId(), nb)));
        return out;
    }

    /** User-based CF's top {@code k} products with the similar customers behind them (empty for a cold customer). */
    public List<ProductRecommendation> recommendUserCf(String customerId, int k) {
        RecommendQuery q = query(customerId, k);
        if (!userCf.knowsUser(customerId)) return List.of();
        List<ProductRecommendation> out = new ArrayList<>();
        Map<String, Double> nb = neighbours(customerId);
        for (RecommendedItem r : userCf.recommend(customerId, q)) {
            if (r.score() <= 0) break;
            List<String> why = new ArrayList<>();
            similarCustomers(nb, r.itemId(), held).ifPresent(why::add);
            out.add(new ProductRecommendation(r.itemId(), name(r.itemId()), r.score(), USER_CF, why));
        }
        return out;
    }

    /**
     * Why the hybrid model ranks {@code productId} for the customer: the customer features contributing most (in
     * words), the products they hold that it most resembles, and how many of their most similar customers hold it.
     */
    public List<String> reasons(String customerId, String productId) {
        return reasons(customer(customerId), productId, neighbours(customerId));
    }

    private List<String> reasons(Customer c, String productId, Map<String, Double> nb) {
        List<String> out = new ArrayList<>();
        Set<String> mine = held.getOrDefault(c.id(), Set.of());
        if (hybrid.knowsUser(c.id())) {
            Explanation e = hybrid.explain(c.id(), productId, 8);
            Map<String, Double> f = features.getOrDefault(c.id(), Map.of());
            int n = 0;
            for (Explanation.Contribution x : e.features()) {
                if (!"user".equals(x.source()) || x.value() <= 0 || x.name().equals(c.id())) continue;
                out.add(BankFeatures.describe(x.name(), f.getOrDefault(x.name(), 1.0))
                        + String.format(Locale.ROOT, " (+%.2f)", x.value()));
                if (++n == 3) break;
            }
            for (Explanation.Contribution x : e.similarItems()) {
                if (x.value() < 0.5 || !mine.contains(x.name())) continue;
                out.add(String.format(Locale.ROOT, "similar to %s, which you hold (similarity %.2f)", name(x.name()), x.value()));
                break;
            }
        }
        similarCustomers(nb, productId, held).ifPresent(out::add);
        if (out.isEmpty()) out.add("popular with customers like you");
        return out;
    }

    /** The customer's most similar customers (user-CF), empty for one user-CF never saw. */
    private Map<String, Double> neighbours(String customerId) {
        return userCf.knowsUser(customerId) ? userCf.neighbours(customerId) : Map.of();
    }

    private static java.util.Optional<String> similarCustomers(Map<String, Double> nb, String productId,
                                                               Map<String, Set<String>> held) {
        List<String> holders = new ArrayList<>();
        for (String v : nb.keySet()) if (held.getOrDefault(v, Set.of()).contains(productId)) holders.add(v);
        if (holders.isEmpty()) return java.util.Optional.empty();
        return java.util.Optional.of(String.format(Locale.ROOT, "held by %d of your %d most similar customers (%s%s)",
                holders.size(), nb.size(), String.join(", ", holders.subList(0, Math.min(3, holders.size()))),
                holders.size() > 3 ? ", …" : ""));
    }

    private Map<String, Double> knownFeatures(String customerId) {
        Map<String, Double> f = new java.util.LinkedHashMap<>();
        Set<String> vocabulary = Set.copyOf(hybrid.userFeatureNames());
        features.getOrDefault(customerId, Map.of()).forEach((k, v) -> {
            if (vocabulary.contains(k)) f.put(k, v);
        });
        return f;
    }

    private Customer customer(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        Customer c = customers.get(customerId);
        if (c == null) throw new IllegalArgumentException("customer: unknown customer id '" + customerId + "'");
        return c;
    }

    /** A product's name (its id when unknown). */
    public String name(String productId) {
        Product p = products.get(productId);
        return p == null ? productId : p.name();
    }

    /** Saves both models into {@code dir} (created if needed). */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        hybrid.save(dir.resolve(HYBRID_FILE));
        userCf.save(dir.resolve(KNN_FILE));
    }

    /** Whether {@code dir} holds saved models. */
    public static boolean isSaved(Path dir) {
        return Files.isRegularFile(dir.resolve(HYBRID_FILE)) && Files.isRegularFile(dir.resolve(KNN_FILE));
    }

    /**
     * Loads the models {@link #save} wrote, serving {@code data} (its customers, holdings and features as of its
     * latest interaction).
     *
     * @throws io.finrec.api.model.ModelFormatException for a truncated, tampered or foreign file
     */
    public static BankRecommender load(Path dir, RecommendationData data) throws IOException {
        HybridModel h = HybridModel.load(dir.resolve(HYBRID_FILE));
        UserKnnModel k = UserKnnModel.load(dir.resolve(KNN_FILE));
        return new BankRecommender(h, k, data, BankRecommenderTrainer.customerFeatures(data,
                data.latest().atOffset(ZoneOffset.UTC).toLocalDate()));
    }
}
