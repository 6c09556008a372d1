package io.finrec.recsys.hybrid;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.model.ModelFormatException;
import io.finrec.api.progress.CancellationFlag;
import io.finrec.api.progress.OperationCancelledException;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.Explanation;
import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.Representations;
import io.finrec.api.recommend.TrainingData;
import io.finrec.api.recommend.UnknownIdException;
import io.finrec.recsys.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HybridModelTest {
    private static final int USERS = 20;
    private static final int PER = 8;

    private static HybridConfig.Builder cfg() {
        return HybridConfig.builder().components(8).epochs(40).seed(11);
    }

    private static HybridModel fit(HybridConfig c, TrainingData d) {
        return new HybridTrainer(c).fit(d, ProgressListener.NONE);
    }

    /** Block data with explicit negatives (value -1) on the other group's items, for the logistic loss. */
    private static Interactions blocksWithNegatives() {
        Interactions pos = TestData.blocks(USERS, PER, false);
        Interactions.Builder b = pos.toBuilder();
        for (int u = 0; u < USERS; u++)
            for (int i = 0; i < PER; i++) b.add("u" + u, (u < USERS / 2 ? "b" : "a") + i, -1.0);
        return b.build();
    }

    private static void assertOwnGroupFirst(HybridModel m) {
        for (int u = 0; u < USERS; u++) {
            String g = u < USERS / 2 ? "a" : "b";
            List<RecommendedItem> top = m.recommend("u" + u, RecommendQuery.top(PER).withExcludeKnown(false));
            for (RecommendedItem r : top) assertTrue(r.itemId().startsWith(g), "u" + u + " got " + top);
        }
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void everyLossLearnsATinyBlockProblemPerfectly(Loss loss) {
        Interactions data = loss == Loss.LOGISTIC ? blocksWithNegatives() : TestData.blocks(USERS, PER, false);
        assertOwnGroupFirst(fit(cfg().loss(loss).build(), TrainingData.of(data)));
    }

    @Test
    void adadeltaAndNamedFeaturesLearnToo() {
        FeatureMatrix uf = FeatureMatrix.builder().build();
        FeatureMatrix.Builder ib = FeatureMatrix.builder();
        for (int i = 0; i < PER; i++) {
            ib.add("a" + i, "group:a", 1.0);
            ib.add("b" + i, "group:b", 1.0);
        }
        TrainingData d = TrainingData.of(TestData.blocks(USERS, PER, false)).withUserFeatures(uf)
                .withItemFeatures(ib.build());
        assertOwnGroupFirst(fit(cfg().schedule(LearningSchedule.ADADELTA).build(), d));
        assertOwnGroupFirst(fit(cfg().itemAlpha(1e-4).userAlpha(1e-4).build(), d));
    }

    @Test
    void singleThreadTrainingIsBitIdenticalAndResumable() {
        TrainingData d = TrainingData.of(TestData.blocks(USERS, PER, true));
        HybridModel a = fit(cfg().epochs(6).build(), d);
        HybridModel b = fit(cfg().epochs(6).build(), d);
        assertArrayEquals(a.ip.emb, b.ip.emb);
        assertArrayEquals(a.up.emb, b.up.emb);
        assertArrayEquals(a.ip.bias, b.ip.bias);
        HybridTrainer three = new HybridTrainer(cfg().epochs(3).build());
        HybridModel c = three.fitPartial(three.fit(d, ProgressListener.NONE), d, ProgressListener.NONE);
        assertEquals(6, c.epochsTrained());
        assertArrayEquals(a.ip.emb, c.ip.emb, "fit(6) == fit(3) + fitPartial(3)");
        assertArrayEquals(a.up.acc, c.up.acc);
        HybridModel other = fit(cfg().epochs(6).seed(12).build(), d);
        assertFalse(Arrays.equals(a.ip.emb, other.ip.emb), "a different seed gives a different model");
    }

    @Test
    void hogwildThreadsTrainAUsefulModel() {
        assertOwnGroupFirst(fit(cfg().threads(2).build(), TrainingData.of(TestData.blocks(USERS, PER, false))));
    }

    @Test
    void fitPartialAddsUsersItemsAndFeaturesWithoutTouchingTheOldModel() {
        TrainingData d = TrainingData.of(TestData.blocks(USERS, PER, false));
        HybridModel base = fit(cfg().build(), d);
        float[] before = base.ip.emb.clone();
        Interactions.Builder nb = Interactions.builder();
        for (int i = 0; i < PER; i++) nb.add("newUser", "a" + i);
        nb.add("u0", "newItem").add("u1", "newItem");
        FeatureMatrix itf = FeatureMatrix.builder().add("newItem", "group:a").build();
        HybridModel grown = new HybridTrainer(cfg().epochs(10).build()).fitPartial(base,
                TrainingData.of(nb.build()).withItemFeatures(itf), ProgressListener.NONE);
        assertArrayEquals(before, base.ip.emb, "the given model is unchanged");
        assertFalse(base.knowsUser("newUser"));
        assertTrue(grown.knowsUser("newUser"));
        assertTrue(grown.knowsItem("newItem"));
        assertEquals(List.of("group:a"), grown.itemFeatureNames());
        assertEquals(USERS + 1, grown.userIds().size());
        assertEquals(2 * PER + 1, grown.itemIds().size());
        // the old interactions are still known (excluded from recommendations)
        assertTrue(grown.knownItems("u0").contains("a3"));
        assertTrue(grown.knownItems("u0").contains("newItem"));
        for (RecommendedItem r : grown.recommend("newUser", RecommendQuery.top(PER)))
            assertFalse(r.itemId().startsWith("a"), "newUser's own items are excluded: " + r);
    }

    @Test
    void coldStartFromFeaturesAndNewItemsFromFeatures() {
        FeatureMatrix.Builder ub = FeatureMatrix.builder();
        for (int u = 0; u < USERS; u++) ub.add("u" + u, u < USERS / 2 ? "segment:young" : "segment:senior");
        FeatureMatrix.Builder ib = FeatureMatrix.builder();
        for (int i = 0; i < PER; i++) {
            ib.add("a" + i, "type:card");
            ib.add("b" + i, "type:pension");
        }
        TrainingData d = TrainingData.of(TestData.blocks(USERS, PER, false)).withUserFeatures(ub.build())
                .withItemFeatures(ib.build());
        HybridModel m = fit(cfg().epochs(60).build(), d);
        List<RecommendedItem> young = m.recommendForFeatures(Map.of("segment:young", 1.0), RecommendQuery.top(PER));
        young.forEach(r -> assertTrue(r.itemId().startsWith("a"), "young customers get cards: " + young));
        List<RecommendedItem> senior = m.recommendForFeatures(Map.of("segment:senior", 1.0), RecommendQuery.top(PER));
        senior.forEach(r -> assertTrue(r.itemId().startsWith("b"), "seniors get pensions: " + senior));
        assertTrue(m.scoreNewItem("u0", Map.of("type:card", 1.0)) > m.scoreNewItem("u0", Map.of("type:pension", 1.0)));
        assertThrows(UnknownIdException.class, () -> m.recommendForFeatures(Map.of("segment:alien", 1.0),
                RecommendQuery.top(3)));
        assertThrows(IllegalArgumentException.class, () -> m.representUser(Map.of("segment:young", Double.NaN)));
        Representations.Vector v = m.representItem(Map.of("type:card", 1.0));
        assertEquals(8, v.vector().length);
    }

    @Test
    void kernelScoresAreBitIdenticalAcrossPaths() {
        HybridModel m = fit(cfg().build(), TrainingData.of(TestData.blocks(USERS, PER, true)));
        ScoringKernel k = m.kernel();
        float[] u = new float[m.components() + 1];
        float[] all = new float[m.itemIds().size()];
        for (int user = 0; user < USERS; user++) {
            k.userRepresentation(user, u);
            k.scoreAll(u, true, all);
            float[] viaFeatures = new float[u.length];
            k.userRepresentation(new int[] {k.userIdentityFeature(user)}, new float[] {1f}, 1, viaFeatures);
            assertArrayEquals(u, viaFeatures);
            for (int i = 0; i < all.length; i++) {
                assertEquals(Float.floatToIntBits(all[i]), Float.floatToIntBits(k.score(u, i)));
                assertEquals(all[i], (float) m.score("u" + user, m.itemIds().get(i)));
            }
            for (RecommendedItem r : m.recommend("u" + user, RecommendQuery.top(3)))
                assertEquals((float) r.score(), all[k.itemOrdinal(r.itemId())]);
        }
        Representations items = m.itemRepresentations();
        assertArrayEquals(k.itemVectors(), items.vectors());
    }

    @Test
    void explanationsSumToTheScoreAndNameHistory() {
        FeatureMatrix.Builder ib = FeatureMatrix.builder();
        for (int i = 0; i < PER; i++) ib.add("a" + i, "type:card", 0.5);
        HybridModel m = fit(cfg().build(), TrainingData.of(TestData.blocks(USERS, PER, true))
                .withItemFeatures(ib.build()));
        Explanation e = m.explain("u0", "a0", 100);
        double sum = e.features().stream().mapToDouble(Explanation.Contribution::value).sum();
        assertEquals(e.score(), sum, 1e-4);
        assertEquals(m.score("u0", "a0"), e.score(), 1e-6);
        Set<String> names = e.features().stream().map(Explanation.Contribution::name).collect(Collectors.toSet());
        assertEquals(Set.of("u0", "a0", "type:card"), names);
        assertFalse(e.similarItems().isEmpty());
        for (Explanation.Contribution c : e.similarItems()) assertTrue(m.knownItems("u0").contains(c.name()));
        assertEquals(2, m.explain("u0", "a0", 2).features().size());
    }

    @Test
    void rankingWithoutItemBiasesUsesOnlyThePersonalPart() {
        HybridModel m = fit(cfg().build(), TrainingData.of(TestData.blocks(USERS, PER, true)));
        List<RecommendedItem> noBias = m.recommend("u3", RecommendQuery.top(16).withItemBias(false).withExcludeKnown(false));
        float[] u = new float[m.components() + 1];
        m.kernel().userRepresentation(3, u);
        for (RecommendedItem r : noBias) {
            int i = m.kernel().itemOrdinal(r.itemId());
            assertEquals(m.kernel().score(u, i) - m.kernel().itemBias(i), r.score(), 1e-5);
        }
    }

    @Test
    void badInputGetsClearErrors() {
        assertThrows(IllegalArgumentException.class,
                () -> fit(cfg().build(), TrainingData.of(Interactions.builder().build())));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Interactions.builder().add("u", "i", 1.0, Double.NaN));
        assertTrue(nan.getMessage().contains("weight"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Interactions.builder().add("u", "i", 1.0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> Interactions.builder().add("u", "i", Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Interactions.builder().add("", "i"));
        assertThrows(IllegalArgumentException.class, () -> Interactions.builder().add("-1", "i"));
        Interactions onlyNeg = Interactions.builder().add("u", "i", -1.0).build();
        assertThrows(IllegalArgumentException.class, () -> fit(cfg().loss(Loss.WARP).build(), TrainingData.of(onlyNeg)));
        Interactions weighted = Interactions.builder().add("u", "i", 1.0, 2.0).add("u", "j").build();
        IllegalArgumentException kos = assertThrows(IllegalArgumentException.class,
                () -> fit(cfg().loss(Loss.WARP_KOS).build(), TrainingData.of(weighted)));
        assertTrue(kos.getMessage().contains("k-OS"));
        assertThrows(IllegalArgumentException.class, () -> HybridConfig.builder().learningRate(-1).build());
        assertThrows(IllegalArgumentException.class, () -> HybridConfig.builder().learningRate(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> HybridConfig.builder().components(0).build());
        assertThrows(IllegalArgumentException.class, () -> HybridConfig.builder().rho(1).build());
        assertThrows(IllegalArgumentException.class, () -> FeatureMatrix.builder().add("u", "f", Double.NaN));
        IllegalArgumentException noFeatures = assertThrows(IllegalArgumentException.class,
                () -> fit(cfg().userIdentity(false).build(), TrainingData.of(weighted)));
        assertTrue(noFeatures.getMessage().contains("'u'"), noFeatures.getMessage());
        HybridModel m = fit(cfg().epochs(1).build(), TrainingData.of(TestData.blocks(4, 2, false)));
        assertThrows(IllegalArgumentException.class, () -> new HybridTrainer(cfg().components(9).build())
                .fitPartial(m, TrainingData.of(weighted), ProgressListener.NONE));
        assertThrows(IllegalArgumentException.class, () -> RecommendQuery.top(0));
        assertThrows(IllegalStateException.class, () -> fit(cfg().learningRate(1e30).loss(Loss.LOGISTIC).build(),
                TrainingData.of(blocksWithNegatives())), "divergence is detected");
    }

    @Test
    void cancellationStopsTraining() {
        CancellationFlag flag = new CancellationFlag(p -> {
            if (p.done() >= 1) throw new IllegalStateException("should have stopped");
        });
        flag.cancel();
        assertThrows(OperationCancelledException.class,
                () -> new HybridTrainer(cfg().build()).fit(TrainingData.of(TestData.blocks(USERS, PER, false)), flag));
    }

    @Test
    void saveLoadRoundTripAndCorruptFiles(@TempDir Path dir) throws Exception {
        FeatureMatrix uf = FeatureMatrix.builder().add("u1", "segment:young", 0.5).build();
        HybridModel m = fit(cfg().schedule(LearningSchedule.ADADELTA).build(),
                TrainingData.of(TestData.blocks(USERS, PER, true)).withUserFeatures(uf));
        Path f = dir.resolve("m.frec");
        m.save(f);
        HybridModel back = HybridModel.load(f);
        assertEquals(m.config(), back.config());
        assertArrayEquals(m.up.mom, back.up.mom);
        assertEquals(m.userFeatureNames(), back.userFeatureNames());
        assertEquals(m.recommend("u1", RecommendQuery.top(5)), back.recommend("u1", RecommendQuery.top(5)));
        assertEquals(m.provenance().dataFingerprint(), back.provenance().dataFingerprint());
        // training resumes identically from the loaded file
        HybridTrainer t = new HybridTrainer(cfg().schedule(LearningSchedule.ADADELTA).epochs(2).build());
        TrainingData d = TrainingData.of(TestData.blocks(USERS, PER, true));
        assertArrayEquals(t.fitPartial(m, d, ProgressListener.NONE).ip.emb, t.fitPartial(back, d, ProgressListener.NONE).ip.emb);
        byte[] bytes = Files.readAllBytes(f);
        Files.write(dir.resolve("short"), Arrays.copyOf(bytes, bytes.length / 2));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HybridModel.load(dir.resolve("short")));
        assertEquals(ModelFormatException.Reason.TRUNCATED, e.reason());
    }

    /**
     * A model file written by version 1 of the format must keep loading and recommending the same items. The file
     * was produced by {@link GoldenModel#main}.
     */
    @Test
    void goldenModelFileV1StillLoads() throws Exception {
        Path golden = Path.of("src/test/resources/io/finrec/recsys/hybrid/golden-hybrid-v1.frec");
        HybridModel m = HybridModel.load(golden);
        assertEquals(GoldenModel.config(), m.config());
        assertEquals(GoldenModel.EXPECTED_TOP3_U0, m.recommend("u0", RecommendQuery.top(3)).stream()
                .map(RecommendedItem::itemId).toList());
        assertEquals(GoldenModel.EXPECTED_SCORE_U0_A0, m.score("u0", "a0"), 0.0);
        assertEquals(new HashSet<>(List.of("segment:young", "segment:senior")), new HashSet<>(m.userFeatureNames()));
        // and it equals what training produces today (single-thread determinism across versions)
        HybridModel fresh = GoldenModel.train();
        assertArrayEquals(fresh.ip.emb, m.ip.emb);
    }

    @Test
    void memoryEstimateCoversTheArrays() {
        HybridModel m = fit(cfg().components(16).build(), TrainingData.of(TestData.blocks(200, 50, false)));
        long arrays = 4L * (m.up.emb.length * 2 + m.ip.emb.length * 2) + 8L * m.itemIds().size() * 16;
        assertTrue(m.ramBytesUsed() >= arrays, m.ramBytesUsed() + " < " + arrays);
        assertTrue(m.ramBytesUsed() < 3 * arrays + 200_000, m.ramBytesUsed() + " vs " + arrays);
    }
    @Test
    void blockScoringIsBitIdenticalToOneUserScoringAndFeedsRecommendAll() {
        // 3000 items: more than two tiles; 23 users: five full blocks and a partial one
        Interactions d = io.finrec.recsys.data.SyntheticInteractions.zipf(23, 3000, 2000, 1.0, 3);
        HybridModel m = fit(cfg().components(7).epochs(2).build(), TrainingData.of(d));
        ScoringKernel kern = m.kernel();
        int n = kern.itemCount();
        float[][] users = new float[4][8];
        float[][] block = new float[4][n];
        float[] one = new float[n];
        for (int count = 1; count <= 4; count++)
            for (boolean bias : new boolean[] {true, false}) {
                for (int b = 0; b < count; b++) kern.userRepresentation(b * 5 + count, users[b]);
                kern.scoreBlock(users, count, bias, block);
                for (int b = 0; b < count; b++) {
                    kern.scoreAll(users[b], bias, one);
                    assertArrayEquals(one, block[b], "count " + count + " user " + b + " bias " + bias);
                }
            }
        assertThrows(IllegalArgumentException.class, () -> kern.scoreBlock(users, 5, true, block));
        Map<String, List<RecommendedItem>> all = new java.util.concurrent.ConcurrentHashMap<>();
        RecommendQuery q = RecommendQuery.top(5).withItemBias(false);
        m.recommendAll(q, 2, all::put);
        assertEquals(23, all.size());
        for (String u : m.userIds()) assertEquals(m.recommend(u, q), all.get(u), u);
    }
}
