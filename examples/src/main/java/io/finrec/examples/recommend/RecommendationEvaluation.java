package io.finrec.examples.recommend;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.Recommender;
import io.finrec.api.recommend.TrainingData;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Interaction;
import io.finrec.core.domain.InteractionKind;
import io.finrec.core.domain.Product;
import io.finrec.recsys.cf.PopularityModel;
import io.finrec.recsys.eval.EvaluationReport;
import io.finrec.recsys.eval.Metric;
import io.finrec.recsys.eval.RankingEvaluator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Offline evaluation of the bank's recommenders on a time split, the way the bank would use them: train on
 * everything known before a cutoff, then ask which products each customer <em>opened</em> after it (products they
 * already held at the cutoff don't count). Every model ranks only products the customer is eligible for and does not
 * hold at the cutoff, and is scored with {@link RankingEvaluator} (precision@k, recall@k, NDCG@k, hit rate, catalogue
 * coverage of the top-k lists). Models: popularity (customers who interacted with a product), popularity of
 * holdings, user-based CF, the hybrid model on interactions alone (ids only: plain matrix factorisation) and the
 * hybrid model with its customer and product features. Immutable and thread-safe.
 */
public final class RecommendationEvaluation {
    /**
     * One model's figures.
     *
     * @param model     the model's name
     * @param precision precision@k
     * @param recall    recall@k
     * @param ndcg      NDCG@k
     * @param hitRate   share of test customers with at least one hit in their top k
     * @param coverage  share of the catalogue appearing in some top-k list
     * @param users     test customers evaluated
     */
    public record Row(String model, double precision, double recall, double ndcg, double hitRate, double coverage,
                      int users) {}

    /**
     * The outcome.
     *
     * @param k             the cut-off
     * @param cutoff        the split instant
     * @param trainPairs    (customer, product) training pairs
     * @param testOpenings  products opened after the cutoff that were not held at it
     * @param rows          one row per model, in the order evaluated
     */
    public record Report(int k, Instant cutoff, int trainPairs, int testOpenings, List<Row> rows) {
        /** The row of one model. */
        public Row row(String model) {
            for (Row r : rows) if (r.model().equals(model)) return r;
            throw new IllegalArgumentException("model: no row '" + model + "'");
        }
    }

    private final BankRecommenderTrainer trainer;
    private final int k;

    /** Evaluates models trained by {@code trainer} at cut-off {@code k}. */
    public RecommendationEvaluation(BankRecommenderTrainer trainer, int k) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        if (k < 1) throw new IllegalArgumentException("k: must be >= 1, was " + k);
        this.k = k;
    }

    /**
     * Runs the evaluation.
     *
     * @param data           everything (the test openings come from its interactions at or after {@code cutoff})
     * @param cutoff         the split instant
     * @param spendingBefore spending per customer and category before the cutoff (the features may not see later
     *                       months)
     * @param socialBefore   social-signal features from the posts before the cutoff
     */
    public Report run(RecommendationData data, Instant cutoff, Map<String, Map<String, Double>> spendingBefore,
                      Map<String, Map<String, Double>> socialBefore, ProgressListener progress) {
        RecommendationData train = data.before(cutoff).withSignals(spendingBefore, socialBefore);
        Map<String, Set<String>> heldAtCutoff = train.holdings();
        Interactions.Builder excluded = Interactions.builder();
        Interactions.Builder test = Interactions.builder();
        for (Customer c : data.customers()) {
            excluded.user(c.id());
            test.user(c.id());
        }
        for (Product p : data.products()) {
            excluded.item(p.id());
            test.item(p.id());
        }
        heldAtCutoff.forEach((c, ps) -> ps.forEach(p -> excluded.add(c, p)));
        Set<String> seen = new java.util.HashSet<>();
        int openings = 0;
        for (Interaction i : data.interactions()) {
            if (i.kind() != InteractionKind.OPENED || i.time().isBefore(cutoff)) continue;
            if (heldAtCutoff.getOrDefault(i.customerId(), Set.of()).contains(i.productId())) continue;
            if (!seen.add(i.customerId() + '\u0000' + i.productId())) continue;
            test.add(i.customerId(), i.productId());
            openings++;
        }
        Interactions exclude = excluded.build();
        Interactions testSet = test.build();

        BankRecommender rec = trainer.train(train, progress);
        TrainingData td = BankRecommenderTrainer.trainingData(train, Map.of());
        Interactions.Builder heldOnly = Interactions.builder();
        for (Customer c : data.customers()) heldOnly.user(c.id());
        for (Product p : data.products()) heldOnly.item(p.id());
        heldAtCutoff.forEach((c, ps) -> ps.forEach(p -> heldOnly.add(c, p)));
        Map<String, Customer> customers = data.customersById();
        Map<String, Product> products = data.productsById();
        Map<String, Recommender> models = new LinkedHashMap<>();
        models.put("popularity", PopularityModel.trainer().fit(TrainingData.of(td.interactions()), ProgressListener.NONE));
        models.put("popularity-held", PopularityModel.trainer().fit(TrainingData.of(heldOnly.build()), ProgressListener.NONE));
        models.put(BankRecommender.USER_CF, rec.userCf());
        models.put("hybrid-ids-only", new io.finrec.recsys.hybrid.HybridTrainer(trainer.config().hybrid())
                .fit(TrainingData.of(td.interactions()), ProgressListener.NONE));
        models.put(BankRecommender.HYBRID, rec.hybrid());
        RankingEvaluator evaluator = RankingEvaluator.atK(k).withThreads(2);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Recommender> e : models.entrySet()) {
            EvaluationReport r = evaluator.evaluate(new EligibleOnly(e.getValue(), customers, products), exclude, testSet);
            rows.add(new Row(e.getKey(), r.mean(Metric.PRECISION), r.mean(Metric.RECALL), r.mean(Metric.NDCG),
                    r.mean(Metric.HIT_RATE), r.coverage(), r.users().size()));
        }
        return new Report(k, cutoff, td.interactions().size(), openings, rows);
    }

    /** A recommender whose scores for products a customer is not eligible for are −∞ (ranked last). */
    private static final class EligibleOnly implements Recommender {
        private final Recommender inner;
        private final Map<String, Customer> customers;
        private final Product[] byOrdinal;

        EligibleOnly(Recommender inner, Map<String, Customer> customers, Map<String, Product> products) {
            this.inner = inner;
            this.customers = customers;
            List<String> items = inner.itemIds();
            this.byOrdinal = new Product[items.size()];
            for (int i = 0; i < items.size(); i++) byOrdinal[i] = products.get(items.get(i));
        }

        @Override public List<String> userIds() { return inner.userIds(); }
        @Override public List<String> itemIds() { return inner.itemIds(); }
        @Override public boolean knowsUser(String userId) { return inner.knowsUser(userId); }
        @Override public boolean knowsItem(String itemId) { return inner.knowsItem(itemId); }
        @Override public double score(String userId, String itemId) { return inner.score(userId, itemId); }

        @Override
        public void scoreAllItems(String userId, float[] out) {
            inner.scoreAllItems(userId, out);
            Customer c = customers.get(userId);
            for (int i = 0; i < byOrdinal.length; i++)
                if (c == null || byOrdinal[i] == null || !byOrdinal[i].eligibility().admits(c)) out[i] = Float.NEGATIVE_INFINITY;
        }

        @Override
        public List<RecommendedItem> recommend(String userId, RecommendQuery query) {
            return inner.recommend(userId, query);
        }

        @Override
        public void save(Path file) {
            throw new UnsupportedOperationException("an evaluation view is not saved");
        }

        @Override
        public long ramBytesUsed() {
            return inner.ramBytesUsed();
        }
    }
}
