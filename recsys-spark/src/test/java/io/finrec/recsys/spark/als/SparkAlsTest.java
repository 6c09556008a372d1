package io.finrec.recsys.spark.als;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.model.ModelFormatException;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.UnknownIdException;
import io.finrec.recsys.eval.Metric;
import io.finrec.recsys.eval.RankingEvaluator;
import io.finrec.recsys.eval.Splits;
import io.finrec.recsys.spark.SparkTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ALS baseline behind FinRec's Recommender contract and evaluator. */
class SparkAlsTest {
    @Test
    void learnsTasteGroupsAndRoundTripsThroughItsModelFile(@TempDir Path dir) throws Exception {
        SparkSession spark = SparkTestSupport.session();
        Interactions.Builder b = Interactions.builder();
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int u = 0; u < 60; u++)
            for (int i = 0; i < 12; i++) if (r.nextInt(10) < 6) b.add("u" + u, (u % 2 == 0 ? "a" : "b") + i, 1.0);
        b.add("u0", "b0", -1.0); // a negative: ignored by implicit ALS, still excluded as known
        Splits.Split s = Splits.random(b.build(), 0.2, 3);
        AlsModel m = SparkAls.fit(spark, s.train(), new AlsConfig(4, 0.1, 1.0, 10, 2, 42));
        double auc = RankingEvaluator.atK(5).evaluate(m, s.train(), s.test()).mean(Metric.AUC);
        assertTrue(auc > 0.8, "AUC " + auc);
        for (RecommendedItem it : m.recommend("u1", RecommendQuery.top(3))) assertTrue(it.itemId().startsWith("b"));
        assertThrows(UnknownIdException.class, () -> m.recommend("nobody", RecommendQuery.top(3)));

        Path f = dir.resolve("als.frm");
        m.save(f);
        AlsModel back = AlsModel.load(f);
        assertEquals(m.userIds(), back.userIds());
        for (String u : m.userIds()) assertEquals(m.recommend(u, RecommendQuery.top(5)), back.recommend(u, RecommendQuery.top(5)));
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length / 2] ^= 0x55;
        Path bad = dir.resolve("bad.frm");
        Files.write(bad, bytes);
        assertThrows(ModelFormatException.class, () -> AlsModel.load(bad));
        assertThrows(IllegalArgumentException.class, () -> new AlsConfig(0, 0.1, 1, 1, 1, 1));
    }
}
