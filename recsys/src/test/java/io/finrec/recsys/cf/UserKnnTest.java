package io.finrec.recsys.cf;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.TrainingData;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserKnnTest {
    private static Interactions data() {
        return Interactions.builder()
                .add("a", "x").add("a", "y").add("a", "z")
                .add("b", "x").add("b", "y")
                .add("c", "z").add("c", "w")
                .build();
    }

    @Test
    void cosineAndJaccardMatchHandComputedSimilarities() {
        UserKnnModel cos = new UserKnnTrainer(new UserKnnTrainer.Config(Similarity.COSINE, 5, 0, false, 1))
                .fit(TrainingData.of(data()), ProgressListener.NONE);
        Map<String, Double> na = cos.neighbours("a");
        assertEquals(2 / Math.sqrt(3 * 2), na.get("b"), 1e-6);
        assertEquals(1 / Math.sqrt(3 * 2), na.get("c"), 1e-6);
        assertEquals(java.util.List.of("b", "c"), java.util.List.copyOf(na.keySet()), "most similar first");
        UserKnnModel jac = new UserKnnTrainer(new UserKnnTrainer.Config(Similarity.JACCARD, 5, 1, false, 1))
                .fit(TrainingData.of(data()), ProgressListener.NONE);
        assertEquals(2.0 / (3 + 1), jac.neighbours("a").get("b"), 1e-6); // |∩|=2, |∪|=3, shrink 1
        assertFalse(jac.neighbours("b").containsKey("c"), "no overlap, no neighbour");
        // b's neighbour a has z (via sim 2/sqrt6): z is b's top recommendation; w only via c, not b's neighbour
        assertEquals("z", cos.recommend("b", RecommendQuery.top(1)).get(0).itemId());
        assertEquals(0.0, cos.score("b", "w"));
        assertEquals(2 / Math.sqrt(6), cos.score("b", "z"), 1e-6);
    }

    @Test
    void neighbourhoodSizeIsRespectedAndFitPartialAddsUsers() {
        UserKnnModel m = new UserKnnTrainer(new UserKnnTrainer.Config(Similarity.COSINE, 1, 0, false, 1))
                .fit(TrainingData.of(data()), ProgressListener.NONE);
        assertEquals(1, m.neighbours("a").size());
        UserKnnModel more = new UserKnnTrainer(m.config()).fitPartial(m,
                TrainingData.of(Interactions.builder().add("d", "x").add("d", "w").build()), ProgressListener.NONE);
        assertTrue(more.knowsUser("d"));
        assertFalse(m.knowsUser("d"));
        assertEquals(4, more.userIds().size());
    }

    @Test
    void popularityRanksByCountAndExcludesKnown() {
        PopularityModel p = PopularityModel.trainer().fit(TrainingData.of(data()), ProgressListener.NONE);
        assertEquals(2.0, p.popularity("x"));
        assertEquals("w", p.recommend("a", RecommendQuery.top(1)).get(0).itemId());
        assertEquals("x", p.recommend("c", RecommendQuery.top(1)).get(0).itemId());
        assertThrows(IllegalArgumentException.class,
                () -> PopularityModel.trainer().fit(TrainingData.of(Interactions.builder().build()), ProgressListener.NONE));
    }
}
