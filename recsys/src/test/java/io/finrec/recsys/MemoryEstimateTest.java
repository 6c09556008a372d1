package io.finrec.recsys;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.Recommender;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.cf.PopularityModel;
import io.finrec.recsys.cf.Similarity;
import io.finrec.recsys.cf.UserKnnTrainer;
import io.finrec.recsys.data.SyntheticInteractions;
import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ramBytesUsed()} against measured heap: a model is saved, then loaded {@value #COPIES} times (every copy has
 * its own arrays, strings and maps), and the heap growth per copy, after full GCs, must be within 30 % of the
 * estimate (the bar Lucene holds its HNSW estimate to).
 */
class MemoryEstimateTest {
    private static final int COPIES = 5;
    private static Interactions data;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        data = SyntheticInteractions.zipf(3000, 1000, 25_000, 1.0, 5);
    }

    @Test
    void hybridIdentityOnly() throws Exception {
        check(new HybridTrainer(HybridConfig.builder().components(16).epochs(1).seed(1).build())
                .fit(TrainingData.of(data), ProgressListener.NONE));
    }

    @Test
    void hybridWithNamedFeaturesAndAdadelta() throws Exception {
        FeatureMatrix.Builder uf = FeatureMatrix.builder();
        for (String u : data.userIds()) uf.add(u, "segment:" + (u.hashCode() & 7)).add(u, "age:" + (u.length() & 3), 0.5);
        FeatureMatrix.Builder itf = FeatureMatrix.builder();
        for (String i : data.itemIds()) itf.add(i, "type:" + (i.hashCode() % 11));
        check(new HybridTrainer(HybridConfig.builder().components(24).epochs(1).seed(2)
                .schedule(io.finrec.recsys.hybrid.LearningSchedule.ADADELTA).build())
                .fit(TrainingData.of(data).withUserFeatures(uf.build()).withItemFeatures(itf.build()),
                        ProgressListener.NONE));
    }

    @Test
    void userKnn() throws Exception {
        check(new UserKnnTrainer(new UserKnnTrainer.Config(Similarity.COSINE, 40, 10, false, 1))
                .fit(TrainingData.of(data), ProgressListener.NONE));
    }

    @Test
    void popularity() throws Exception {
        check(PopularityModel.trainer().fit(TrainingData.of(data), ProgressListener.NONE));
    }

    private void check(Recommender model) throws Exception {
        Path file = dir.resolve("model.frec");
        model.save(file);
        RecommenderFiles.load(file); // warm up class loading outside the measurement
        List<Recommender> copies = new ArrayList<>(COPIES);
        long before = usedAfterGc();
        for (int c = 0; c < COPIES; c++) copies.add(RecommenderFiles.load(file));
        long measured = (usedAfterGc() - before) / COPIES;
        long estimated = copies.get(0).ramBytesUsed();
        assertTrue(Math.abs(estimated - measured) <= 0.3 * measured,
                model.getClass().getSimpleName() + ": estimated " + estimated + " vs measured " + measured);
        assertTrue(copies.size() == COPIES); // keeps the copies reachable until measured
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
