package io.finrec.recsys.spark.train;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.progress.Progress;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.eval.Metric;
import io.finrec.recsys.eval.RankingEvaluator;
import io.finrec.recsys.eval.Splits;
import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridModel;
import io.finrec.recsys.hybrid.HybridTrainer;
import io.finrec.recsys.spark.SparkTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Distributed training learns what single-machine training learns, deterministically. */
class DistributedHybridTrainerTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSupport.session();
    }

    /** Two taste groups: users of group g interact with most of group g's items and never with the other's. */
    private static Interactions groups(int users, int items) {
        Interactions.Builder b = Interactions.builder();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int u = 0; u < users; u++) {
            String g = u % 2 == 0 ? "a" : "b";
            for (int i = 0; i < items; i++) if (r.nextInt(10) < 6) b.add("u" + u, g + i, 1.0);
        }
        return b.build();
    }

    @Test
    void learnsTheGroupsLikeTheSingleMachineTrainerAndIsDeterministic() {
        Interactions all = groups(60, 12);
        Splits.Split s = Splits.random(all, 0.2, 5);
        TrainingData train = TrainingData.of(s.train());
        HybridConfig c = HybridConfig.builder().components(8).epochs(6).seed(3).build();
        List<Progress> seen = new ArrayList<>();
        ProgressListener l = seen::add;
        DistributedHybridTrainer.Settings st = new DistributedHybridTrainer.Settings(3, 1,
                DistributedHybridTrainer.Merge.SUM_OF_CHANGES);
        HybridModel dist = new DistributedHybridTrainer(c, st).fit(spark, train, l);
        HybridModel single = new HybridTrainer(c).fit(train, ProgressListener.NONE);
        assertEquals(single.userIds().size(), dist.userIds().size());
        assertEquals(6, dist.epochsTrained());
        assertEquals(6, seen.get(seen.size() - 1).done(), "one progress step per round");
        RankingEvaluator ev = RankingEvaluator.atK(5);
        double d = ev.evaluate(dist, s.train(), s.test()).mean(Metric.AUC);
        double m = ev.evaluate(single, s.train(), s.test()).mean(Metric.AUC);
        System.err.println("group data AUC: distributed " + d + ", single machine " + m);
        assertTrue(d > 0.8, "distributed AUC " + d);
        assertTrue(d > m - 0.03, "distributed AUC " + d + " vs single-machine " + m);
        for (String u : dist.userIds()) {
            String g = Integer.parseInt(u.substring(1)) % 2 == 0 ? "a" : "b";
            for (RecommendedItem r : dist.recommend(u, RecommendQuery.top(3))) assertTrue(r.itemId().startsWith(g), u);
        }
        HybridModel again = new DistributedHybridTrainer(c, st).fit(spark, train, ProgressListener.NONE);
        for (String u : dist.userIds())
            assertEquals(dist.recommend(u, RecommendQuery.top(5)), again.recommend(u, RecommendQuery.top(5)));
    }

    @Test
    void sharedUserFeaturesAreTrainedAndAveraged() {
        TrainingData d = SparkTestSupport.data(150, 30, 1500, 4);
        HybridConfig c = HybridConfig.builder().components(6).epochs(4).seed(2).build();
        HybridModel m = new DistributedHybridTrainer(c, new DistributedHybridTrainer.Settings(2, 1,
                DistributedHybridTrainer.Merge.AVERAGE)).fit(spark, d, ProgressListener.NONE);
        assertEquals(d.userFeatures().featureNames().stream().sorted().toList(),
                m.userFeatureNames().stream().sorted().toList());
        // a cold-start customer's list depends on their named features (the shared rows moved from their init)
        assertNotEquals(m.recommendForFeatures(java.util.Map.of("segment:FAMILY", 1.0), RecommendQuery.top(5)),
                m.recommendForFeatures(java.util.Map.of("segment:RETIREE", 1.0, "age:60", 1.0), RecommendQuery.top(5)));
        assertThrows(IllegalArgumentException.class, () -> new DistributedHybridTrainer.Settings(0, 1,
                DistributedHybridTrainer.Merge.AVERAGE));
    }
}
