package io.finrec.nlp.embedding;

import static io.finrec.nlp.embedding.MiniLmEmbedderParityTest.cosine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniLmEmbedderTest {
    /** 14 words of one word piece each: exactly one 16-piece window with [CLS] and [SEP]. */
    private static final String X = "the bank will pay you interest on your money every month and the year";
    private static final String Y = "my dog likes to run in the park with a ball on sunny days";

    private static MiniLmEmbedder shared() {
        return MiniLmEmbedder.shared();
    }

    private static void assertSame(float[] a, float[] b, String what) {
        assertTrue(cosine(a, b) > 0.99999, what + ": cosine " + cosine(a, b));
    }

    @Test
    void batchesGiveTheSameVectorsAsSingleTextsInInputOrder() {
        List<String> texts = ParityCorpus.sentences();
        List<float[]> batched = shared().embedAll(texts);
        assertEquals(texts.size(), batched.size());
        for (int i = 0; i < texts.size(); i += 7) assertSame(batched.get(i), shared().embed(texts.get(i)), "text " + i);
        // padding to the batch's longest row must not leak into short rows
        try (MiniLmEmbedder big = MiniLmEmbedder.create(MiniLmConfig.builder().batchSize(128).predictors(1).build())) {
            List<float[]> oneBatch = big.embedAll(texts);
            for (int i = 0; i < texts.size(); i++) assertSame(batched.get(i), oneBatch.get(i), "batch 128, text " + i);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void similarMeaningsAreCloser() {
        float[] q = shared().embed("I want to put money aside for my daughter's university");
        float[] saving = shared().embed("A savings account for education costs such as college fees");
        float[] car = shared().embed("A car loan with a fixed monthly repayment");
        assertTrue(cosine(q, saving) > cosine(q, car) + 0.1, cosine(q, saving) + " vs " + cosine(q, car));
        assertEquals(384, shared().dimension());
        assertEquals("all-minilm-l6-v2/mean/truncate-128", shared().modelId());
    }

    @Test
    void duplicatesAreIndependentCopies() {
        List<float[]> v = shared().embedAll(List.of("same text", "other", "same text"));
        assertArrayEquals(v.get(0), v.get(2));
        assertNotSame(v.get(0), v.get(2));
        v.get(0)[0] = 42f;
        assertTrue(v.get(2)[0] != 42f);
    }

    @Test
    void cacheIsBoundedAndReturnsCopies() throws Exception {
        try (MiniLmEmbedder e = MiniLmEmbedder.create(MiniLmConfig.builder().cacheSize(2).predictors(1).build())) {
            float[] a = e.embed("alpha");
            float[] expected = a.clone();
            a[0] = 99f; // callers own their arrays
            assertArrayEquals(expected, e.embed("alpha"));
            e.embedAll(List.of("beta", "gamma", "delta"));
            assertEquals(2, e.cachedCount());
            assertSame(expected, e.embed("alpha"), "recomputed after eviction");
        }
    }

    @Test
    void concurrentCallersGetCorrectVectors() throws Exception {
        List<String> texts = ParityCorpus.sentences().subList(0, 48);
        List<float[]> reference = shared().embedAll(texts);
        try (MiniLmEmbedder e = MiniLmEmbedder.create(MiniLmConfig.builder().predictors(2).batchSize(8).build())) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    long seed = 1000 + t;
                    futures.add(pool.submit(() -> {
                        Random rnd = new Random(seed);
                        for (int round = 0; round < 4; round++) {
                            List<Integer> idx = new ArrayList<>();
                            for (int i = 0; i < texts.size(); i++) idx.add(i);
                            Collections.shuffle(idx, rnd);
                            idx = idx.subList(0, 1 + rnd.nextInt(20));
                            List<String> sub = new ArrayList<>();
                            for (int i : idx) sub.add(texts.get(i));
                            List<float[]> got = rnd.nextBoolean() ? e.embedAll(sub) : List.of(e.embed(sub.get(0)));
                            for (int k = 0; k < got.size(); k++)
                                assertSame(reference.get(idx.get(k)), got.get(k), "seed " + seed + " text " + idx.get(k));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) f.get();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void truncatePolicyIgnoresTheTail() throws Exception {
        try (MiniLmEmbedder e = MiniLmEmbedder.create(MiniLmConfig.builder().maxTokens(16).predictors(1).build())) {
            assertEquals(16, e.countTokens(X), "X must be 14 single-piece words");
            assertEquals(16, e.countTokens(Y), "Y must be 14 single-piece words");
            assertSame(e.embed(X), e.embed(X + " " + Y), "tail dropped");
            assertTrue(cosine(e.embed(X), e.embed(Y)) < 0.9);
        }
    }

    @Test
    void windowPolicyAveragesWindows() throws Exception {
        MiniLmConfig cfg = MiniLmConfig.builder().maxTokens(16).longTextPolicy(LongTextPolicy.WINDOW_AVERAGE)
                .predictors(1).build();
        try (MiniLmEmbedder e = MiniLmEmbedder.create(cfg)) {
            assertEquals("all-minilm-l6-v2/mean/window-16", e.modelId());
            float[] x = e.embed(X), y = e.embed(Y), xy = e.embed(X + " " + Y);
            assertSame(x, e.embed(X + " " + X), "two identical windows average to one");
            // X Y is the piece-weighted average of two equal windows: between them and far from either alone
            float[] mid = new float[x.length];
            for (int i = 0; i < mid.length; i++) mid[i] = x[i] + y[i];
            assertTrue(cosine(xy, mid) > 0.995, "close to the average: " + cosine(xy, mid));
            assertTrue(cosine(xy, x) < 0.95 && cosine(xy, y) < 0.95, cosine(xy, x) + " " + cosine(xy, y));
            // a long text gets one vector mixing all its windows, in one batched call
            String longText = String.join(" ", Collections.nCopies(40, X + " " + Y));
            assertSame(xy, e.embed(longText), "80 alternating windows");
        }
    }

    @Test
    void badInputIsRejectedWithTheField() {
        assertThrows(NullPointerException.class, () -> shared().embedAll(null));
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> shared().embedAll(Arrays.asList("ok", null)));
        assertEquals("texts[1]", npe.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> shared().embedAll(List.of("fine", "broken \uD83D text")));
        assertTrue(bad.getMessage().contains("texts[1]") && bad.getMessage().contains("char 7"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> shared().embed("\uDC00"));
        // well-formed surrogate pairs (emoji) are fine
        assertEquals(384, shared().embed("\uD83D\uDE00").length);
    }

    @Test
    void emptyAndHugeTextsGetUnitVectors() {
        float[] empty = shared().embed("");
        assertArrayEquals(empty, shared().embed(""));
        StringBuilder b = new StringBuilder();
        while (b.length() < 100_000) b.append("Savings accounts pay interest monthly. ");
        long t0 = System.nanoTime();
        float[] huge = shared().embed(b.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (float[] v : List.of(empty, huge)) {
            double n = 0;
            for (float x : v) n += x * x;
            assertEquals(1.0, Math.sqrt(n), 1e-5);
        }
        assertTrue(seconds < 10, "100k chars took " + seconds + " s");
        assertTrue(shared().countTokens(b.toString()) > 10_000);
    }

    @Test
    void configIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MiniLmConfig.builder().maxTokens(600).build());
        assertTrue(e.getMessage().startsWith("maxTokens"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MiniLmConfig.builder().batchSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> MiniLmConfig.builder().maxTokens(64).maxBatchTokens(10).build());
        assertEquals(MiniLmConfig.defaults(), MiniLmConfig.defaults().toBuilder().build());
    }

    @Test
    void privateInstancesCloseAndRepairTheirModelDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(MiniLmFiles.MODEL), "truncated"); // a broken copy is replaced from the jar
        MiniLmEmbedder e = MiniLmEmbedder.create(MiniLmConfig.builder().modelDir(dir).predictors(1).build());
        assertSame(shared().embed("hello"), e.embed("hello"), "same model");
        e.close();
        e.close();
        assertThrows(IllegalStateException.class, () -> e.embed("hello"));
        shared().close(); // no-op on the JVM-wide instance
        assertEquals(384, shared().embed("still open").length);
    }
}
