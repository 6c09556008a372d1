package io.finrec.nlp.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.model.ModelFormatException;
import io.finrec.api.model.Provenance;
import io.finrec.api.progress.CancellationFlag;
import io.finrec.api.progress.OperationCancelledException;
import io.finrec.api.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftmaxTrainerTest {
    static final List<String> NAMES = List.of("a", "b", "c");

    /** Three classes, each with its own 5 indicative features among 200 noisy ones; class c is rare. */
    static List<SparseVector> data(int n, long seed, int[] labels) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<SparseVector> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int y = rnd.nextInt(10) < 1 ? 2 : rnd.nextInt(2);
            labels[i] = y;
            java.util.TreeMap<Integer, Float> f = new java.util.TreeMap<>();
            for (int j = 0; j < 8; j++) f.put(15 + rnd.nextInt(200), 1f);
            f.put(y * 5 + rnd.nextInt(5), 1f);
            rows.add(new SparseVector(f.keySet().stream().mapToInt(Integer::intValue).toArray(), toFloats(f.values())));
        }
        return rows;
    }

    static float[] toFloats(java.util.Collection<Float> v) {
        float[] out = new float[v.size()];
        int i = 0;
        for (float x : v) out[i++] = x;
        return out;
    }

    @Test
    void learnsSeparableClassesDeterministicallyAndRoundTrips(@TempDir Path dir) throws IOException {
        int[] y = new int[1500];
        List<SparseVector> x = data(1500, 1, y);
        int[] ty = new int[500];
        List<SparseVector> tx = data(500, 2, ty);
        ClassifierConfig cfg = ClassifierConfig.builder().epochs(8).learningRate(0.05).seed(7).build();
        List<Double> progress = new ArrayList<>();
        SoftmaxTrainer.Result r = new SoftmaxTrainer(cfg).fit(x, y, NAMES, 215, p -> progress.add(p.fraction()));
        assertTrue(!progress.isEmpty() && progress.get(progress.size() - 1) > 0);
        int[] pred = new int[500];
        for (int i = 0; i < 500; i++) pred[i] = r.classifier().predict(tx.get(i));
        ClassificationMetrics m = ClassificationMetrics.of(NAMES, ty, pred);
        assertTrue(m.accuracy() > 0.95, m.report());
        assertTrue(m.recall(2) > 0.9, m.report());
        assertTrue(r.validation() != null && r.bestEpoch() >= 1);

        SoftmaxTrainer.Result again = new SoftmaxTrainer(cfg).fit(x, y, NAMES, 215, ProgressListener.NONE);
        assertArrayEquals(r.classifier().probabilities(tx.get(0)), again.classifier().probabilities(tx.get(0)), 1e-6);

        Path f = dir.resolve("c.frm");
        r.classifier().save(f, Provenance.now(7, 1, "", Map.of()));
        SoftmaxClassifier loaded = SoftmaxClassifier.load(f);
        for (int i = 0; i < 20; i++)
            assertArrayEquals(r.classifier().probabilities(tx.get(i)), loaded.probabilities(tx.get(i)), 0.0);
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length / 2] ^= 1;
        Files.write(f, bytes);
        assertThrows(ModelFormatException.class, () -> SoftmaxClassifier.load(f));
    }

    @Test
    void hiddenLayerVariantLearnsToo() {
        int[] y = new int[1200];
        List<SparseVector> x = data(1200, 3, y);
        ClassifierConfig cfg = ClassifierConfig.builder().hiddenUnits(16).dropout(0.1).epochs(6).learningRate(0.01)
                .validationFraction(0.2).seed(3).build();
        SoftmaxTrainer.Result r = new SoftmaxTrainer(cfg).fit(x, y, NAMES, 215, ProgressListener.NONE);
        assertTrue(r.validation().accuracy() > 0.9, r.validation().report());
        double[] p = r.classifier().probabilities(x.get(0));
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
    }

    @Test
    void cancellationAndBadInput() {
        int[] y = new int[300];
        List<SparseVector> x = data(300, 4, y);
        CancellationFlag flag = new CancellationFlag();
        flag.cancel();
        ClassifierConfig cfg = ClassifierConfig.builder().epochs(2).build();
        assertThrows(OperationCancelledException.class, () -> new SoftmaxTrainer(cfg).fit(x, y, NAMES, 215, flag));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxTrainer(cfg).fit(x, y, NAMES, 100, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("dimension"), e.getMessage());
        int[] bad = y.clone();
        bad[7] = 5;
        e = assertThrows(IllegalArgumentException.class, () -> new SoftmaxTrainer(cfg).fit(x, bad, NAMES, 215, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("row 7"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SparseVector(new int[] {3, 1}, new float[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new SparseVector(new int[] {1}, new float[] {Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> ClassifierConfig.builder().learningRate(Double.NaN).build());
    }

    @Test
    void metrics() {
        ClassificationMetrics m = ClassificationMetrics.of(List.of("x", "y"), new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1});
        assertEquals(0.75, m.accuracy(), 1e-12);
        assertEquals(1.0, m.precision(0), 1e-12);
        assertEquals(0.5, m.recall(0), 1e-12);
        assertEquals((2.0 / 3 + 0.8) / 2, m.macroF1(), 1e-12);
    }
}
