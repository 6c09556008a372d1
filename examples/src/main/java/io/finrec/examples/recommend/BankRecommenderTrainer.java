package io.finrec.examples.recommend;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.TrainingData;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Interaction;
import io.finrec.core.domain.InteractionKind;
import io.finrec.core.domain.LifeEvent;
import io.finrec.core.domain.Product;
import io.finrec.recsys.cf.Similarity;
import io.finrec.recsys.cf.UserKnnModel;
import io.finrec.recsys.cf.UserKnnTrainer;
import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridModel;
import io.finrec.recsys.hybrid.HybridTrainer;
import io.finrec.recsys.hybrid.LearningSchedule;
import io.finrec.recsys.hybrid.Loss;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains the bank's recommenders from {@link RecommendationData}: each (customer, product) pair becomes one positive
 * interaction weighted by the strongest thing the customer did with it (opened 1, applied 0.75, clicked 0.5, viewed
 * or closed 0.25), every customer and product is declared (so cold customers still get features-only
 * recommendations), and
 * <ul>
 *   <li>the hybrid model (WARP) learns from those interactions plus {@link BankFeatures} of customers and products;</li>
 *   <li>user-based collaborative filtering (cosine, binary) finds each customer's most similar customers.</li>
 * </ul>
 * Immutable and thread-safe; training is deterministic for a seed (one training thread).
 */
public final class BankRecommenderTrainer {
    /**
     * Training settings. Immutable and thread-safe.
     *
     * @param hybrid the hybrid model's hyper-parameters
     * @param userCf user-based CF settings
     */
    public record Config(HybridConfig hybrid, UserKnnTrainer.Config userCf) {
        public Config {
            Objects.requireNonNull(hybrid, "hybrid");
            Objects.requireNonNull(userCf, "userCf");
        }

        /**
         * WARP, 32 components, learning rate 0.05 with AdaGrad, 30 epochs, light L2, one thread (deterministic), the
         * seed given; cosine user-CF with 30 neighbours. Chosen on the built-in bank's time split (docs/bank-app.md).
         */
        public static Config defaults(long seed) {
            return new Config(HybridConfig.builder().loss(Loss.WARP).components(32).learningRate(0.05)
                    .schedule(LearningSchedule.ADAGRAD).epochs(30).maxSampled(20).userAlpha(1e-5).itemAlpha(1e-5)
                    .threads(1).seed(seed).build(),
                    new UserKnnTrainer.Config(Similarity.COSINE, 30, 2, false, 1));
        }
    }

    private final Config config;

    /** A trainer with these settings. */
    public BankRecommenderTrainer(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    /**
     * Trains on everything in {@code data}, with customer features as of its latest interaction.
     *
     * @param progress reports the hybrid model's epochs; cancelling stops training
     */
    public BankRecommender train(RecommendationData data, ProgressListener progress) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(progress, "progress");
        LocalDate asOf = data.latest().atOffset(ZoneOffset.UTC).toLocalDate();
        Map<String, Map<String, Double>> features = customerFeatures(data, asOf);
        TrainingData training = trainingData(data, features);
        HybridModel hybrid = new HybridTrainer(config.hybrid()).fit(training, progress);
        UserKnnModel knn = new UserKnnTrainer(config.userCf()).fit(TrainingData.of(training.interactions()), ProgressListener.NONE);
        return new BankRecommender(hybrid, knn, data, features);
    }

    /** Every customer's {@link BankFeatures} as of {@code asOf}. */
    static Map<String, Map<String, Double>> customerFeatures(RecommendationData data, LocalDate asOf) {
        Map<String, List<LifeEvent>> events = new HashMap<>();
        for (LifeEvent e : data.lifeEvents()) events.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e);
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (Customer c : data.customers())
            out.put(c.id(), BankFeatures.customer(c, events.getOrDefault(c.id(), List.of()),
                    data.spending().getOrDefault(c.id(), Map.of()), data.social().getOrDefault(c.id(), Map.of()), asOf));
        return out;
    }

    /** Interactions (one per customer and product) with customer and product features. */
    static TrainingData trainingData(RecommendationData data, Map<String, Map<String, Double>> features) {
        Map<String, double[]> pairs = new LinkedHashMap<>();     // "c\u0000p" -> {weight, epoch seconds}
        for (Interaction i : data.interactions()) {
            double w = i.kind() == InteractionKind.CLOSED ? 0.25 : Math.max(0.25, i.kind().defaultWeight());
            double[] v = pairs.computeIfAbsent(i.customerId() + '\u0000' + i.productId(), k -> new double[2]);
            v[0] = Math.max(v[0], w);
            v[1] = Math.max(v[1], i.time().getEpochSecond());
        }
        Interactions.Builder b = Interactions.builder();
        for (Customer c : data.customers()) b.user(c.id());
        for (Product p : data.products()) b.item(p.id());
        for (Map.Entry<String, double[]> e : pairs.entrySet()) {
            int z = e.getKey().indexOf('\u0000');
            b.add(e.getKey().substring(0, z), e.getKey().substring(z + 1), 1.0, e.getValue()[0], (long) e.getValue()[1]);
        }
        FeatureMatrix.Builder uf = FeatureMatrix.builder();
        features.forEach((c, f) -> f.forEach((name, w) -> uf.add(c, name, w)));
        FeatureMatrix.Builder itf = FeatureMatrix.builder();
        for (Product p : data.products()) BankFeatures.product(p).forEach((name, w) -> itf.add(p.id(), name, w));
        return TrainingData.of(b.build()).withUserFeatures(uf.build()).withItemFeatures(itf.build());
    }
}
