package io.finrec.recsys.eval;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.Recommender;
import io.finrec.api.recommend.Representations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingEvaluatorTest {
    /** A recommender with fixed scores per user (items i0..i5). */
    static final class Fixed implements Recommender {
        final Map<String, float[]> scores;
        final List<String> items = List.of("i0", "i1", "i2", "i3", "i4", "i5");

        Fixed(Map<String, float[]> scores) {
            this.scores = scores;
        }

        public List<String> userIds() { return List.copyOf(scores.keySet()); }
        public List<String> itemIds() { return items; }
        public boolean knowsUser(String u) { return scores.containsKey(u); }
        public boolean knowsItem(String i) { return items.contains(i); }
        public double score(String u, String i) { return scores.get(u)[items.indexOf(i)]; }
        public void scoreAllItems(String u, float[] out) { System.arraycopy(scores.get(u), 0, out, 0, 6); }
        public List<RecommendedItem> recommend(String u, RecommendQuery q) { throw new UnsupportedOperationException(); }
        public void save(Path f) { throw new UnsupportedOperationException(); }
        public long ramBytesUsed() { return 0; }
    }

    private static Interactions.Builder ids() {
        Interactions.Builder b = Interactions.builder();
        b.user("u");
        for (int i = 0; i < 6; i++) b.item("i" + i);
        return b;
    }

    @Test
    void metricsMatchHandComputedValues() {
        // scores: i0 .9 (train), i1 .8, i2 .7 (test), i3 .6, i4 .5 (test), i5 .1
        Fixed m = new Fixed(Map.of("u", new float[] {0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.1f}));
        Interactions train = ids().add("u", "i0").build();
        Interactions test = ids().add("u", "i2").add("u", "i4").build();
        EvaluationReport r = RankingEvaluator.atK(2).evaluate(m, train, test);
        // eligible (i0 excluded): i1 .8, i2 .7, i3 .6, i4 .5, i5 .1 -> rank(i2) = 1, rank(i4) = 3
        assertEquals(0.5, r.mean(Metric.PRECISION), 1e-12);
        assertEquals(0.5, r.mean(Metric.RECALL), 1e-12);
        assertEquals(0.5, r.mean(Metric.RECIPROCAL_RANK), 1e-12);
        assertEquals(1.0, r.mean(Metric.HIT_RATE), 1e-12);
        // NDCG@2: hit at position 1 (0-based) -> 1/log2(3); ideal 1 + 1/log2(3)
        double l3 = Math.log(3) / Math.log(2);
        assertEquals((1 / l3) / (1 + 1 / l3), r.mean(Metric.NDCG), 1e-12);
        // LightFM AUC: negatives = 6 - (2 + 1) = 3; ranks sorted [1, 3] -> [1, 3-1=2] -> mean(1-1/3, 1-2/3) = 0.5
        assertEquals(0.5, r.mean(Metric.AUC), 1e-12);
        // top-2 lists: {i1, i2} -> coverage 2/6
        assertEquals(2.0 / 6, r.coverage(), 1e-12);
        assertEquals(List.of("u"), r.users());
    }

    @Test
    void tiesCountAgainstTheModelAndPerfectRankingScoresOne() {
        Fixed tie = new Fixed(Map.of("u", new float[] {1, 1, 1, 1, 1, 1}));
        Interactions test = ids().add("u", "i3").build();
        EvaluationReport r = RankingEvaluator.atK(3).evaluate(tie, ids().build(), test);
        assertEquals(0.0, r.mean(Metric.PRECISION));
        assertEquals(1.0 / 6, r.mean(Metric.RECIPROCAL_RANK), 1e-12);
        Fixed perfect = new Fixed(Map.of("u", new float[] {0, 0, 0, 9, 0, 0}));
        EvaluationReport p = RankingEvaluator.atK(1).evaluate(perfect, ids().build(), test);
        assertEquals(1.0, p.mean(Metric.PRECISION));
        assertEquals(1.0, p.mean(Metric.AUC));
        assertEquals(1.0, p.mean(Metric.NDCG));
    }

    @Test
    void leakingSplitIsAnErrorAndUnknownUsersAreCounted() {
        Fixed m = new Fixed(Map.of("u", new float[6]));
        Interactions both = ids().add("u", "i1").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankingEvaluator.atK(2).evaluate(m, both, both));
        assertTrue(e.getMessage().contains("i1"));
        Interactions other = ids().add("stranger", "i1").build();
        assertEquals(1, RankingEvaluator.atK(2).evaluate(m, ids().build(), other).skippedUsers());
    }

    @Test
    void mmrTradesRelevanceForDiversity() {
        // i0, i1 point the same way, i2 elsewhere
        Representations reps = new Representations(List.of("i0", "i1", "i2"), 2,
                new float[] {1, 0, 1, 0.01f, 0, 1}, new float[3]);
        List<RecommendedItem> cands = List.of(new RecommendedItem("i0", 1.0), new RecommendedItem("i1", 0.9),
                new RecommendedItem("i2", 0.5));
        assertEquals(List.of("i0", "i1"), new MmrReranker(1.0, reps).rerank(cands, 2).stream()
                .map(RecommendedItem::itemId).toList());
        assertEquals(List.of("i0", "i2"), new MmrReranker(0.5, reps).rerank(cands, 2).stream()
                .map(RecommendedItem::itemId).toList());
    }
}
