package io.finrec.recsys.spark.score;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.hybrid.HybridModel;
import io.finrec.recsys.spark.SparkTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The per-customer work without Spark: thread safety and input checks. */
class CustomerScorerTest {
    @Test
    void concurrentScoringEqualsSequentialScoring() throws Exception {
        TrainingData d = SparkTestSupport.data(200, 40, 2000, 8);
        HybridModel model = SparkTestSupport.model(d);
        CustomerScorer scorer = new CustomerScorer(model.withoutUsers(),
                ScoringOptions.builder().k(5).reasons(2).useIdentity(false).build());
        List<String> users = model.userIds();
        List<CustomerScorer.Scored> want = new ArrayList<>();
        for (String u : users) want.add(score(scorer, d, u, model));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<CustomerScorer.Scored>>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++)
                fs.add(pool.submit(() -> {
                    List<CustomerScorer.Scored> out = new ArrayList<>();
                    for (String u : users) out.add(score(scorer, d, u, model));
                    return out;
                }));
            for (Future<List<CustomerScorer.Scored>> f : fs) assertEquals(want, f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static CustomerScorer.Scored score(CustomerScorer s, TrainingData d, String u, HybridModel m) {
        Map<String, Double> f = d.userFeatures().featuresOf(u);
        double[] w = f.values().stream().mapToDouble(Double::doubleValue).toArray();
        return s.score(u, null, new ArrayList<>(f.keySet()), w, m.knownItems(u), null);
    }

    @Test
    void badFeatureRowsAreRejectedNamingTheCustomer() {
        HybridModel model = SparkTestSupport.model(SparkTestSupport.data(50, 20, 400, 2));
        CustomerScorer s = new CustomerScorer(model.withoutUsers(), ScoringOptions.builder().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.score("c1", null, List.of("segment:FAMILY"), new double[] {Double.NaN}, List.of(), null));
        assertTrue(e.getMessage().contains("customer 'c1' feature 'segment:FAMILY' has non-finite weight"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> s.score("c2", null, List.of("segment:FAMILY"), new double[0], List.of(), null));
        assertTrue(e.getMessage().contains("customer 'c2' has 1 feature names but 0 weights"), e.getMessage());
    }
}
