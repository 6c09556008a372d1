package io.finrec.recsys.spark;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.TrainingData;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Eligibility;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.ProductType;
import io.finrec.core.domain.RiskProfile;
import io.finrec.core.domain.Segment;
import io.finrec.recsys.data.SyntheticInteractions;
import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridModel;
import io.finrec.recsys.hybrid.HybridTrainer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;

/** Shared fixtures: one local[2] session per test class, and a small synthetic bank-like model. */
public final class SparkTestSupport {
    private SparkTestSupport() {}

    /**
     * A local[2] session with the UI off and 4 shuffle partitions, shared by every test class of the fork (classes
     * do not stop it: a fresh session costs seconds; Spark's shutdown hook stops it when the JVM exits).
     */
    public static SparkSession session() {
        return SparkSupport.session("local[2]", "finrec-test", 4);
    }

    /** Synthetic training data: Zipf interactions, segment/age/spend user features for most users, item types. */
    public static TrainingData data(int users, int items, int positives, long seed) {
        Interactions in = SyntheticInteractions.zipf(users, items, positives, 0.9, seed);
        SplittableRandom r = new SplittableRandom(seed);
        FeatureMatrix.Builder uf = FeatureMatrix.builder();
        for (String u : in.userIds()) {
            if (r.nextInt(6) == 0) continue; // some users have no named features
            uf.add(u, "segment:" + Segment.values()[r.nextInt(Segment.values().length)]);
            uf.add(u, "age:" + (20 + 10 * r.nextInt(5)), 1.0);
            uf.add(u, "spend:" + r.nextInt(4), 0.25 + r.nextInt(3) * 0.25);
        }
        FeatureMatrix.Builder itf = FeatureMatrix.builder();
        for (int i = 0; i < in.itemCount(); i++)
            itf.add(in.itemIds().get(i), "type:" + ProductType.values()[i % ProductType.values().length]);
        return new TrainingData(in, uf.build(), itf.build());
    }

    /** A deterministic WARP model of that data. */
    public static HybridModel model(TrainingData d) {
        return new HybridTrainer(HybridConfig.builder().components(8).epochs(8).seed(7).build())
                .fit(d, ProgressListener.NONE);
    }

    /** Products for the model's items with varied eligibility rules. */
    public static List<Product> products(List<String> itemIds, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Product> out = new ArrayList<>();
        for (String id : itemIds) {
            int lo = 18 + r.nextInt(3) * 10;
            EnumSet<Segment> seg = EnumSet.allOf(Segment.class);
            if (r.nextInt(3) == 0) seg.remove(Segment.values()[r.nextInt(Segment.values().length)]);
            out.add(new Product(id, "Product " + id, ProductType.values()[r.nextInt(ProductType.values().length)],
                    1 + r.nextInt(5), new Eligibility(lo, Math.min(120, lo + 30 + r.nextInt(60)), BigDecimal.valueOf(r.nextInt(4) * 20_000L),
                    1 + r.nextInt(4), seg), "A test product."));
        }
        return out;
    }

    /** A customer with random attributes. */
    public static Customer customer(String id, SplittableRandom r) {
        return new Customer(id, 18 + r.nextInt(70), BigDecimal.valueOf(r.nextInt(120_000)).add(new BigDecimal("0.50")),
                Segment.values()[r.nextInt(Segment.values().length)], RiskProfile.ofLevel(1 + r.nextInt(5)), "TX");
    }
}
