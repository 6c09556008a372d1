package io.finrec.recsys;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.Recommender;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.cf.PopularityModel;
import io.finrec.recsys.cf.Similarity;
import io.finrec.recsys.cf.UserKnnTrainer;
import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridTrainer;
import io.finrec.recsys.hybrid.Loss;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Runs {@link RecommenderContractTest} against every implementation. */
class ContractSuitesTest {
    @Nested
    class HybridWarp extends RecommenderContractTest {
        @Override
        protected Recommender train(Interactions data) {
            return new HybridTrainer(HybridConfig.builder().loss(Loss.WARP).components(8).epochs(60).seed(7).build())
                    .fit(TrainingData.of(data), ProgressListener.NONE);
        }
    }

    @Nested
    class HybridBpr extends RecommenderContractTest {
        @Override
        protected Recommender train(Interactions data) {
            return new HybridTrainer(HybridConfig.builder().loss(Loss.BPR).components(8).epochs(80).seed(7).build())
                    .fit(TrainingData.of(data), ProgressListener.NONE);
        }
    }

    @Nested
    class UserCosine extends RecommenderContractTest {
        @Override
        protected Recommender train(Interactions data) {
            return new UserKnnTrainer(new UserKnnTrainer.Config(Similarity.COSINE, 4, 0, false, 2))
                    .fit(TrainingData.of(data), ProgressListener.NONE);
        }
    }

    @Nested
    class UserJaccard extends RecommenderContractTest {
        @Override
        protected Recommender train(Interactions data) {
            return new UserKnnTrainer(new UserKnnTrainer.Config(Similarity.JACCARD, 4, 1, false, 1))
                    .fit(TrainingData.of(data), ProgressListener.NONE);
        }
    }

    @Nested
    class Popularity extends RecommenderContractTest {
        @Override
        protected Recommender train(Interactions data) {
            return PopularityModel.trainer().fit(TrainingData.of(data), ProgressListener.NONE);
        }

        @Override
        @Test
        void heldOutItemComesFirst() {
            // popularity is not personal: every user gets the most popular unknown item, checked in PopularityTest
        }
    }
}
