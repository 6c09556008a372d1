package io.finrec.recsys.hybrid;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.TestData;
import java.nio.file.Path;
import java.util.List;

/** Produces the golden model file of {@link HybridModelTest#goldenModelFileV1StillLoads}. */
final class GoldenModel {
    static final List<String> EXPECTED_TOP3_U0 = List.of("b0", "a0", "b2");
    static final double EXPECTED_SCORE_U0_A0 = 0.05414359271526337;

    private GoldenModel() {}

    static HybridConfig config() {
        return HybridConfig.builder().components(4).epochs(5).seed(2024).build();
    }

    static HybridModel train() {
        FeatureMatrix uf = FeatureMatrix.builder().add("u0", "segment:young").add("u7", "segment:senior", 0.5).build();
        return new HybridTrainer(config()).fit(TrainingData.of(TestData.blocks(8, 4, true)).withUserFeatures(uf),
                ProgressListener.NONE);
    }

    /** Writes the golden file to {@code args[0]} and prints the expectations to paste above. */
    public static void main(String[] args) throws Exception {
        HybridModel m = train();
        m.save(Path.of(args[0]));
        System.out.println(m.recommend("u0", RecommendQuery.top(3)).stream().map(RecommendedItem::itemId).toList());
        System.out.println(m.score("u0", "a0"));
    }
}
