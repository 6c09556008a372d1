package io.finrec.nlp.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MiniLmEmbedder against langchain4j's AllMiniLmL6V2EmbeddingModel, the reference implementation. */
class MiniLmEmbedderParityTest {
    private static AllMiniLmL6V2EmbeddingModel reference;
    private static List<String> texts;
    private static List<float[]> expected;

    @BeforeAll
    static void embedWithLangchain4j() {
        // DJL's ONNX Runtime engine must create ONNX Runtime's environment before langchain4j does (see the docs).
        MiniLmEmbedder.shared();
        reference = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
        texts = new ArrayList<>(ParityCorpus.sentences());
        texts.addAll(ParityCorpus.longTexts());
        expected = new ArrayList<>();
        for (String t : texts) expected.add(reference.embed(TextSegment.from(t)).content().vector());
    }

    @AfterAll
    static void release() {
        reference = null;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static void assertParity(List<float[]> actual, String how) {
        assertEquals(texts.size(), actual.size());
        double worst = 1;
        int worstAt = -1;
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(384, actual.get(i).length, "dimension of text " + i);
            double c = cosine(actual.get(i), expected.get(i));
            if (c < worst) {
                worst = c;
                worstAt = i;
            }
        }
        String what = worstAt < 0 ? "" : " (text " + worstAt + ": " + texts.get(worstAt).substring(0,
                Math.min(60, texts.get(worstAt).length())) + ")";
        System.out.printf("parity %s: %d texts, min cosine 1 - %.2e%s%n", how, texts.size(), 1 - worst, what);
        assertTrue(worst >= 0.9999, "min cosine " + worst + what);
    }

    @Test
    void corpusCoversWhatTheIssueAsksFor() {
        assertTrue(texts.size() >= 100, "100+ texts");
        assertTrue(texts.stream().anyMatch(t -> t.codePoints().anyMatch(cp -> cp >= 0x1F300)), "emoji");
        assertTrue(texts.stream().anyMatch(t -> t.matches(".*\\d.*")), "digits");
        assertTrue(texts.stream().anyMatch(t -> t.length() > 5 && t.equals(t.toUpperCase()) && t.matches(".*[A-Z].*")), "all caps");
        assertTrue(MiniLmEmbedder.shared().countTokens(texts.get(texts.size() - 1)) > 1200, "long texts span windows");
    }

    @Test
    void batchedEmbeddingsMatchLangchain4j() {
        assertParity(MiniLmEmbedder.shared().embedAll(texts), "embedAll");
    }

    @Test
    void oneAtATimeMatchesLangchain4j() {
        List<float[]> one = new ArrayList<>();
        for (String t : texts) one.add(MiniLmEmbedder.shared().embed(t));
        assertParity(one, "embed");
    }

    @Test
    void vectorsHaveUnitNorm() {
        for (float[] v : MiniLmEmbedder.shared().embedAll(texts.subList(0, 20))) {
            double n = 0;
            for (float x : v) n += x * x;
            assertEquals(1.0, Math.sqrt(n), 1e-5);
        }
    }
}
