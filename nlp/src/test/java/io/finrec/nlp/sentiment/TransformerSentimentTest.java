package io.finrec.nlp.sentiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.api.model.ModelFile;
import io.finrec.api.model.ModelFormatException;
import io.finrec.api.model.ModelHeader;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.sentiment.SentimentScore;
import io.finrec.nlp.classify.ClassificationMetrics;
import io.finrec.nlp.transformer.FineTuneConfig;
import io.finrec.nlp.transformer.TensorPayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fine-tuned transformer sentiment model: a tiny fine-tuning run (top layer only, one epoch, 160 texts of the
 * shipped sample) for the mechanics, and the built-in model for quality.
 */
class TransformerSentimentTest {
    static List<LabeledText> train, test;
    static TransformerSentiment tiny;
    static final FineTuneConfig TINY = FineTuneConfig.defaults().toBuilder().trainableLayers(1).epochs(1).batchSize(16)
            .learningRate(1e-4).maxTokens(48).validationFraction(0.25).build();

    @BeforeAll
    static void fineTuneTinyModel() throws Exception {
        train = LabeledText.readCsv(FinanceSentimentTest.resource("finance_train_sample.csv"));
        test = LabeledText.readCsv(FinanceSentimentTest.resource("finance_test_sample.csv"));
        tiny = TransformerSentiment.train(train.subList(0, 160), TransformerSentimentConfig.defaults().withFineTune(TINY),
                ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        tiny.close();
    }

    @Test
    void tinyRunTrainsOnlyTheTopLayerAndIsDeterministic() {
        assertEquals(List.of("bearish", "bullish", "neutral"), tiny.labels());
        assertEquals(5, tiny.fromLayer());
        assertEquals("1", tiny.provenance().details().get("trainableLayers"));
        try (TransformerSentiment again = TransformerSentiment.train(train.subList(0, 160),
                TransformerSentimentConfig.defaults().withFineTune(TINY), ProgressListener.NONE)) {
            for (int i = 0; i < 10; i++)
                assertArrayEquals(tiny.probabilities(test.get(i).text()), again.probabilities(test.get(i).text()), 0.0);
        }
    }

    @Test
    void companionIsBlendedWithAWeightPickedOnValidationAndCopiesShareWeightsSafely() {
        double w = tiny.companionWeight();
        assertTrue(w >= 0 && w <= 0.7, "weight " + w);
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f", w), tiny.provenance().details().get("companionWeight"));
        assertTrue(tiny.provenance().details().containsKey("transformerValidationMacroF1"));
        String t = test.get(0).text();
        double[] before = tiny.probabilities(t);
        TransformerSentiment copy = tiny.withDetails(java.util.Map.of("note", "x"));
        assertEquals("x", copy.provenance().details().get("note"));
        assertArrayEquals(before, copy.probabilities(t), 0.0);
        copy.close();
        copy.close(); // idempotent
        assertArrayEquals(before, tiny.probabilities(t), 0.0); // the original still works
        assertThrows(IllegalStateException.class, () -> copy.probabilities(t));
    }

    @Test
    void scoresMapToTheSentimentContractAndBatchEqualsSingle() {
        List<String> texts = List.of("$AAPL beats earnings, shares jump 8% to a record high", "", "a",
                "stocks plunge on recession fears", "Fed minutes due at 2pm");
        List<SentimentScore> all = tiny.scoreAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            SentimentScore s = all.get(i);
            assertEquals(s.positive() - s.negative(), s.compound(), 1e-9);
            assertEquals(1.0, s.negative() + s.neutral() + s.positive(), 1e-9);
            double[] p = tiny.probabilities(texts.get(i));
            assertEquals(p[1], s.positive(), 1e-5, "batched vs single, text " + i); // bullish
            assertEquals(p[0], s.negative(), 1e-5);
        }
        assertThrows(NullPointerException.class, () -> tiny.scoreAll(java.util.Arrays.asList("x", null)));
    }

    @Test
    void saveLoadRoundTripFloat32ExactFloat16Close(@TempDir Path dir) throws Exception {
        Path f32 = dir.resolve("t32.frm"), f16 = dir.resolve("t16.frm");
        tiny.save(f32, TensorPayload.Precision.FLOAT32);
        tiny.save(f16);
        assertTrue(Files.size(f16) < Files.size(f32) * 0.6, Files.size(f16) + " vs " + Files.size(f32));
        try (TransformerSentiment a = TransformerSentiment.load(f32); TransformerSentiment b = TransformerSentiment.load(f16)) {
            assertEquals(tiny.provenance(), a.provenance());
            assertEquals(tiny.companionWeight(), b.companionWeight());
            for (int i = 0; i < 20; i++) {
                String t = test.get(i).text();
                assertArrayEquals(tiny.probabilities(t), a.probabilities(t), 1e-6);
                assertArrayEquals(tiny.probabilities(t), b.probabilities(t), 5e-3);
            }
        }
    }

    @Test
    void tamperedTruncatedOrForeignBaseFilesAreRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.frm");
        tiny.save(f);
        byte[] bytes = Files.readAllBytes(f);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        Files.write(dir.resolve("flipped.frm"), flipped);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> TransformerSentiment.load(dir.resolve("flipped.frm")));
        assertEquals(ModelFormatException.Reason.CHECKSUM_MISMATCH, e.reason());
        Files.write(dir.resolve("short.frm"), java.util.Arrays.copyOf(bytes, bytes.length - 1000));
        assertThrows(ModelFormatException.class, () -> TransformerSentiment.load(dir.resolve("short.frm")));
        // the same tensors claimed to come from another base model
        ModelHeader h;
        byte[] payload;
        try (ModelFile.Reader r = ModelFile.open(f, TransformerSentiment.KIND, 1, 1)) {
            h = r.header();
            payload = r.payload().readAllBytes();
        }
        ObjectNode meta = h.metadata().deepCopy();
        meta.put("baseSha256", "0".repeat(64));
        Path foreign = dir.resolve("foreign.frm");
        ModelFile.write(foreign, new ModelHeader(h.kind(), h.version(), meta, h.provenance()), out -> out.write(payload));
        e = assertThrows(ModelFormatException.class, () -> TransformerSentiment.load(foreign));
        assertEquals(ModelFormatException.Reason.INVALID_CONTENT, e.reason());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertThrows(ModelFormatException.class, () -> FinanceSentiment.load(f)); // wrong kind
    }

    @Test
    void damagedCopiesOfTheShippedFileAreRefusedNamingTheFileAndTheCause(@TempDir Path dir) throws Exception {
        byte[] bytes;
        try (java.io.InputStream in = TransformerSentiment.class.getResourceAsStream(TransformerSentiment.RESOURCE)) {
            assertTrue(in != null, "the shipped model is missing from the jar");
            bytes = in.readAllBytes();
        }
        Path copy = dir.resolve("shipped.frm");
        Files.write(copy, bytes);
        ModelHeader h = ModelFile.readHeader(copy);
        assertEquals(TransformerSentiment.KIND, h.kind());
        assertEquals("FLOAT16", h.metadata().path("precision").asText());
        assertEquals(0.5, h.metadata().path("companionWeight").asDouble());
        Path cut = dir.resolve("cut.frm");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // an interrupted copy
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> TransformerSentiment.load(cut));
        assertEquals(ModelFormatException.Reason.TRUNCATED, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("cut.frm"), e.getMessage());
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 3] ^= 0x01; // one bit inside the fp16 tensors
        Path bad = dir.resolve("flipped.frm");
        Files.write(bad, flipped);
        e = assertThrows(ModelFormatException.class, () -> TransformerSentiment.load(bad));
        assertEquals(ModelFormatException.Reason.CHECKSUM_MISMATCH, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("flipped.frm"), e.getMessage());
    }

    @Test
    void concurrentScoringMatchesSerial() throws Exception {
        List<String> texts = test.subList(0, 24).stream().map(LabeledText::text).toList();
        double[][] serial = tiny.probabilitiesAll(texts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) fs.add(pool.submit(() -> tiny.probabilitiesAll(texts)));
            for (Future<double[][]> fu : fs) {
                double[][] p = fu.get();
                for (int i = 0; i < texts.size(); i++) assertArrayEquals(serial[i], p[i], 1e-6);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void builtInModelIsAccurateOnTheShippedTestSample() {
        TransformerSentiment m = TransformerSentiment.builtIn();
        assertEquals(List.of("bearish", "bullish", "neutral"), m.labels());
        assertTrue(m.provenance().details().containsKey("testMacroF1"), m.provenance().details().toString());
        ClassificationMetrics r = m.evaluate(test);
        System.out.print("built-in transformer sentiment on the 400-row test sample:\n" + r.report());
        assertTrue(r.accuracy() >= 0.83, r.report());
        assertTrue(r.macroF1() >= 0.78, r.report());
        assertEquals("bullish", m.score("$NVDA beats estimates and raises guidance, shares surge").label());
        assertEquals("bearish", m.score("Stocks plunge as recession fears grow; $SPY down 3%").label());
        assertEquals("neutral", m.score("Company X to present at the investor conference on Tuesday").label());
        m.close(); // no effect on the shared instance
        assertEquals("bullish", TransformerSentiment.builtIn().score("Shares soar after record quarterly profit").label());
    }
}
