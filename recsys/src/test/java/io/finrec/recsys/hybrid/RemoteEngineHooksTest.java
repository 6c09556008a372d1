package io.finrec.recsys.hybrid;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.Explanation;
import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.Representations;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.data.SyntheticInteractions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hooks remote engines (recsys-spark) use: users-free models, base + features scoring, parameter access. */
class RemoteEngineHooksTest {
    private static TrainingData data() {
        Interactions in = SyntheticInteractions.zipf(60, 40, 600, 1.0, 3);
        FeatureMatrix.Builder uf = FeatureMatrix.builder();
        for (int u = 0; u < in.userCount(); u++) {
            String id = in.userIds().get(u);
            if (u % 5 == 4) continue; // some users have no named features
            uf.add(id, "seg:" + (u % 3), 1.0).add(id, "age:" + (u % 4), 0.5 + (u % 2) * 0.25);
        }
        FeatureMatrix.Builder itf = FeatureMatrix.builder();
        for (int i = 0; i < in.itemCount(); i++) itf.add(in.itemIds().get(i), "type:" + (i % 4), 1.0);
        return new TrainingData(in, uf.build(), itf.build());
    }

    private static HybridModel model(TrainingData d) {
        return new HybridTrainer(HybridConfig.builder().components(6).epochs(5).seed(5).build())
                .fit(d, ProgressListener.NONE);
    }

    @Test
    void usersFreeModelReproducesRecommendAndExplainBitForBit() {
        TrainingData d = data();
        HybridModel m = model(d);
        HybridModel lean = m.withoutUsers();
        assertTrue(lean.userIds().isEmpty());
        assertEquals(m.userFeatureNames(), lean.userFeatureNames());
        assertTrue(lean.ramBytesUsed() < m.ramBytesUsed());
        Representations ids = m.userIdentityVectors();
        assertEquals(m.userIds(), ids.ids());
        Map<String, Integer> row = new HashMap<>();
        for (int r = 0; r < ids.size(); r++) row.put(ids.ids().get(r), r);
        RecommendQuery q = RecommendQuery.top(7).withItemBias(false);
        for (String u : m.userIds()) {
            Map<String, Double> named = d.userFeatures().featuresOf(u);
            List<String> known = m.knownItems(u);
            assertEquals(m.recommend(u, q), lean.recommendFor(ids.get(row.get(u)), named,
                    q.withExcludeKnown(false).withExclude(new java.util.HashSet<>(known))), u);
            String item = m.itemIds().get(Math.floorMod(u.hashCode(), m.itemIds().size()));
            Explanation want = m.explain(u, item, 4);
            assertEquals(want, lean.explainFor(u, ids.get(row.get(u)), named, item, known, 4), u);
        }
        // without a base, only the named features count: equals recommendForFeatures
        Map<String, Double> f = Map.of("seg:1", 1.0, "age:2", 0.75);
        assertEquals(m.recommendForFeatures(f, q), lean.recommendFor(null, f, q));
        assertThrows(IllegalArgumentException.class,
                () -> lean.recommendFor(new Representations.Vector(new float[3], 0f), Map.of(), q));
        assertThrows(io.finrec.api.recommend.UnknownIdException.class,
                () -> lean.recommendFor(null, Map.of("seg:nope", 1.0), q));
    }

    @Test
    void parameterHooksRoundTripAndSlicesAreDeterministic() {
        TrainingData d = data();
        HybridTrainer t = new HybridTrainer(HybridConfig.builder().components(6).epochs(1).seed(5).build());
        try (HybridTrainer.Session a = t.session(null, d, ProgressListener.NONE);
             HybridTrainer.Session b = t.session(null, d, ProgressListener.NONE)) {
            assertEquals(d.interactions().itemIds(), a.entityIds(HybridTrainer.Side.ITEM));
            assertEquals(List.of("type:0", "type:1", "type:2", "type:3"), a.featureNames(HybridTrainer.Side.ITEM));
            assertTrue(a.namedFeature(HybridTrainer.Side.USER, "seg:1") >= 0);
            assertEquals(-1, a.namedFeature(HybridTrainer.Side.USER, "nope"));
            assertEquals(-1, a.identityFeature(HybridTrainer.Side.USER, "nope"));
            for (int s = 0; s < 3; s++) a.runEpochSlice(4, s, 3);
            // b takes a's parameters: its models then agree
            b.setParameters(HybridTrainer.Side.USER, a.parameters(HybridTrainer.Side.USER));
            b.setParameters(HybridTrainer.Side.ITEM, a.parameters(HybridTrainer.Side.ITEM));
            HybridModel ma = a.model();
            HybridModel mb = b.model();
            for (String u : ma.userIds()) assertEquals(ma.recommend(u, RecommendQuery.top(5)), mb.recommend(u, RecommendQuery.top(5)));
            // the same slices again on b reproduce a's next state
            for (int s = 0; s < 3; s++) {
                a.runEpochSlice(5, s, 3);
                b.runEpochSlice(5, s, 3);
            }
            assertArrayEquals(a.parameters(HybridTrainer.Side.ITEM).embeddings(),
                    b.parameters(HybridTrainer.Side.ITEM).embeddings());
            HybridTrainer.Parameters p = a.parameters(HybridTrainer.Side.ITEM);
            assertThrows(IllegalArgumentException.class, () -> b.setParameters(HybridTrainer.Side.ITEM,
                    new HybridTrainer.Parameters(6, new float[1], p.biases(), p.gradientSums(), p.biasGradientSums(),
                            p.momentum(), p.biasMomentum())));
            assertThrows(IllegalArgumentException.class, () -> a.runEpochSlice(0, 3, 3));
        }
    }
}
