package io.finrec.nlp.categorize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.categorize.CategorizationExample;
import io.finrec.api.categorize.CategorizationInput;
import io.finrec.api.categorize.CategoryPrediction;
import io.finrec.api.categorize.Taxonomy;
import io.finrec.api.categorize.TransactionCategorizer;
import io.finrec.api.model.ModelFormatException;
import io.finrec.api.progress.ProgressListener;
import io.finrec.core.builtin.BankConfig;
import io.finrec.nlp.categorize.eval.CategorizerEvaluation;
import io.finrec.nlp.categorize.eval.EvaluationReport;
import io.finrec.nlp.categorize.features.FeatureConfig;
import io.finrec.nlp.categorize.features.Recurrence;
import io.finrec.nlp.categorize.knowledge.KnowledgeBase;
import io.finrec.nlp.categorize.knowledge.MerchantDirectory;
import io.finrec.nlp.categorize.text.DescriptionNormalizer;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small model trained with DJL on the built-in bank, with a quarter of the merchants held out of training:
 * accuracy floors on those unseen merchants, then persistence, tampering, threshold, rules, corrections,
 * taxonomy, recurrence, concurrency and bad input.
 */
class CategorizerModelTest {
    static CategorizerModel model;
    static List<CategorizationExample> heldOut = new ArrayList<>();
    static Set<String> heldOutNames = new HashSet<>();

    @BeforeAll
    static void train() {
        List<CategorizationExample> all = CategorizationData.builtInBank(BankConfig.defaults().withSeed(7).withCustomers(12));
        DescriptionNormalizer n = new DescriptionNormalizer();
        MerchantDirectory dir = MerchantDirectory.builtin();
        List<CategorizationExample> train = new ArrayList<>();
        for (CategorizationExample e : all) {
            String name = dir.match(n.normalize(e.input().description())).filter(m -> !m.partial())
                    .map(m -> m.entry().name()).orElse(n.normalize(e.input().description()).merchantKey());
            if (Math.floorMod(name.hashCode() * 31 + 7, 4) == 0) {
                heldOut.add(e);
                heldOutNames.add(name);
            } else {
                train.add(e);
            }
        }
        CategorizerConfig cfg = CategorizerConfig.builder().epochs(4).swapCopies(1).pseudoCopies(1).conflictCopies(1)
                .truncatedCopies(0).calibrationFolds(0).features(new FeatureConfig(16, 3, 5, 0.3f, 1, 0.5f, 2f)).seed(11).build();
        model = new CategorizerTrainer(cfg).fit(train, ProgressListener.NONE);
    }

    @Test
    void accurateOnMerchantsHeldOutOfTraining() {
        EvaluationReport r = CategorizerEvaluation.evaluate(model, heldOut);
        assertTrue(heldOut.size() > 200, "held-out transactions: " + heldOut.size());
        assertTrue(r.metrics().accuracy() >= 0.90, "held-out-merchant accuracy " + r.metrics().accuracy() + "\n" + r.text());
    }

    @Test
    void stillUsefulWhenTheDirectoryDoesNotKnowThemEither() {
        MerchantDirectory.Builder b = model.knowledge().directory().toBuilder();
        for (String name : heldOutNames) b.remove(name);
        CategorizerModel blind = model.withKnowledge(model.knowledge().withDirectory(b.build()));
        EvaluationReport r = CategorizerEvaluation.evaluate(blind, heldOut);
        assertTrue(r.metrics().accuracy() >= 0.60, "accuracy without directory " + r.metrics().accuracy() + "\n" + r.text());
        // and knowledge is what makes the difference: no knowledge at all is much worse
        CategorizerModel none = model.withKnowledge(KnowledgeBase.none());
        assertTrue(CategorizerEvaluation.evaluate(none, heldOut).metrics().accuracy() < r.metrics().accuracy());
    }

    @Test
    void probabilitiesAreANormalisedRankedTop3() {
        CategoryPrediction p = model.categorize(CategorizationInput.of("POS 4412 HARRIS TEETER #0123 CHARLOTTE NC"));
        assertEquals("groceries", p.category());
        assertEquals("Harris Teeter", p.merchant());
        assertEquals("model", p.source());
        assertEquals(3, p.top().size());
        assertTrue(p.top().get(0).probability() >= p.top().get(1).probability()
                && p.top().get(1).probability() >= p.top().get(2).probability());
        double[] all = model.explain(CategorizationInput.of("SQ *CASH APP")).probabilities();
        double sum = 0;
        for (double v : all) sum += v;
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void saveLoadGivesIdenticalAnswers(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cat.frm");
        model.save(f);
        CategorizerModel back = CategorizerModel.load(f);
        assertEquals(model.labels(), back.labels());
        assertEquals(model.knowledge().directory().entries(), back.knowledge().directory().entries());
        for (CategorizationExample e : heldOut.subList(0, 200)) {
            assertArrayEquals(model.explain(e.input()).probabilities(), back.explain(e.input()).probabilities(), 0.0);
        }
        assertEquals(model.provenance().dataFingerprint(), back.provenance().dataFingerprint());
        assertTrue(Files.size(f) < 8_000_000, "model file size " + Files.size(f));
    }

    @Test
    void damagedFilesFailWithTypedErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cat.frm");
        model.save(f);
        Path flipped = dir.resolve("flipped.frm");
        Files.copy(f, flipped);
        try (RandomAccessFile raf = new RandomAccessFile(flipped.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 0x55);
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> CategorizerModel.load(flipped));
        assertEquals(ModelFormatException.Reason.CHECKSUM_MISMATCH, e.reason());
        Path cut = dir.resolve("cut.frm");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(f), (int) Files.size(f) - 100));
        assertEquals(ModelFormatException.Reason.TRUNCATED,
                assertThrows(ModelFormatException.class, () -> CategorizerModel.load(cut)).reason());
        Path notModel = dir.resolve("text.frm");
        Files.writeString(notModel, "description,category\n");
        assertEquals(ModelFormatException.Reason.NOT_A_MODEL_FILE,
                assertThrows(ModelFormatException.class, () -> CategorizerModel.load(notModel)).reason());
    }

    @Test
    void lowConfidenceIsUncategorised() {
        CategorizerModel strict = model.withThreshold(0.999);
        CategoryPrediction p = strict.categorize(CategorizationInput.of("ZXQV 4412 KRLMP"));
        assertEquals(TransactionCategorizer.UNCATEGORISED, p.category());
        assertFalse(p.isCategorised());
        assertEquals(3, p.top().size(), "best guesses are still listed");
        assertTrue(p.probability() < 0.999);
        assertEquals(p.top().get(0).category(), model.withThreshold(0).categorize(CategorizationInput.of("ZXQV 4412 KRLMP")).category());
        assertThrows(IllegalArgumentException.class, () -> model.withThreshold(1.5));
        assertThrows(IllegalArgumentException.class, () -> model.withThreshold(Double.NaN));
    }

    @Test
    void overrideRulesWin() {
        CategoryPrediction before = model.categorize(CategorizationInput.of("HARRIS TEETER #0123 CHARLOTTE NC"));
        CategorizerModel ruled = model.withOverrides(OverrideRules.parse(
                "merchant | Harris Teeter | shopping\nphrase | ZXQV | fees\n", "rules"));
        CategoryPrediction p = ruled.categorize(CategorizationInput.of("HARRIS TEETER #0123 CHARLOTTE NC"));
        assertEquals("shopping", p.category());
        assertEquals(1.0, p.probability());
        assertEquals("rule", p.source());
        assertEquals("fees", ruled.categorize(CategorizationInput.of("ZXQV 4412 KRLMP")).category());
        assertEquals(before, model.categorize(CategorizationInput.of("HARRIS TEETER #0123 CHARLOTTE NC")),
                "the original model is unchanged");
        assertEquals("model", before.source());
    }

    @Test
    void correctionsApplyToTheMerchantInEveryFormat() {
        String before = model.categorize(CategorizationInput.of("POS 1234 BLUE HERON GOODS #12 AUSTIN TX")).category();
        String target = before.equals("entertainment") ? "shopping" : "entertainment";
        CategorizerModel corrected = model.withCorrections(List.of(
                CategorizationExample.of("POS 1234 BLUE HERON GOODS #12 AUSTIN TX", target)));
        for (String d : new String[] {"SQ *BLUE HERON GOODS", "CHECKCARD 0518 BLUE HERON GOODS SEATTLE WA 1234567890123",
                "blue heron goods*8hd7f6x"})
            assertEquals(target, corrected.categorize(CategorizationInput.of(d)).category(), d);
    }

    @Test
    void taxonomyRenamesMergesAndNests() {
        Taxonomy t = Taxonomy.builder().map("dining", "food").map("groceries", "food").parent("food", "living")
                .map("travel", "Trips").build();
        CategorizerModel bank = model.withTaxonomy(t);
        assertTrue(bank.categories().contains("food") && !bank.categories().contains("dining"));
        assertEquals(model.categories().size() - 1, bank.categories().size());
        CategorizationInput in = CategorizationInput.of("TST* SAKURA SUSHI BAR");
        double[] p = model.explain(in).probabilities();
        CategoryPrediction q = bank.categorize(in);
        assertEquals("food", q.category());
        double food = p[model.labels().indexOf("dining")] + p[model.labels().indexOf("groceries")];
        assertEquals(food, q.probability(), 1e-9);
        assertEquals(List.of("living", "food"), bank.taxonomy().path("food"));
    }

    @Test
    void batchesDetectMonthlyRecurrence() {
        List<CategorizationInput> batch = new ArrayList<>();
        Instant t = Instant.parse("2024-01-03T00:00:00Z");
        for (int m = 0; m < 4; m++)
            batch.add(new CategorizationInput("ACH DEBIT ZORVEX HOLDINGS WEB PMTS", Optional.of(new BigDecimal("-1450.00")),
                    OptionalInt.empty(), Optional.of("C1"), Optional.of(t.plus(30L * m, ChronoUnit.DAYS))));
        batch.add(CategorizationInput.of("ACH DEBIT ZORVEX HOLDINGS WEB PMTS"));
        List<CategorizerModel.Analysis> a = model.analyzeAll(batch);
        assertEquals(new Recurrence(Recurrence.Period.MONTHLY, true), a.get(0).evidence().recurrence());
        assertEquals(Recurrence.NONE, a.get(4).evidence().recurrence(), "no customer, no recurrence");
        assertEquals(5, model.categorizeAll(batch).size());
    }

    @Test
    void sharedAcrossThreads() throws Exception {
        List<CategorizationInput> inputs = heldOut.subList(0, 300).stream().map(CategorizationExample::input).toList();
        List<CategoryPrediction> expected = inputs.stream().map(model::categorize).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<CategoryPrediction>>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++)
                futures.add(pool.submit(() -> inputs.stream().map(model::categorize).toList()));
            for (Future<List<CategoryPrediction>> f : futures) assertEquals(expected, f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputIsRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CategorizationInput.of("   "));
        assertTrue(e.getMessage().contains("description"), e.getMessage());
        assertThrows(NullPointerException.class, () -> model.categorize(null));
        List<CategorizationInput> withNull = new ArrayList<>();
        withNull.add(CategorizationInput.of("SQ *HULU"));
        withNull.add(null);
        e = assertThrows(IllegalArgumentException.class, () -> model.categorizeAll(withNull));
        assertTrue(e.getMessage().contains("position 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CategorizationInput.of("NETFLIX " + "X".repeat(100_000)));
        assertTrue(e.getMessage().contains("description") && e.getMessage().contains("longer than"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CategorizationInput("SQ *HULU", Optional.empty(),
                OptionalInt.of(12_345), Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("mcc"), e.getMessage());
        assertTrue(model.categorizeAll(List.of()).isEmpty(), "an empty batch has no answers");
        String huge = "AMAZON MKTPL*" + "X".repeat(99_000);
        assertEquals(model.categorize(CategorizationInput.of("AMAZON MKTPL*XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")).category(),
                model.categorize(CategorizationInput.of(huge)).category(), "a 99,000-character code is just a code");
        assertThrows(IllegalArgumentException.class, () -> new CategorizerTrainer(CategorizerConfig.builder().build())
                .fit(List.of(CategorizationExample.of("SQ *HULU", "entertainment")), ProgressListener.NONE));
        assertThrows(IllegalArgumentException.class, () -> new CategorizerTrainer(CategorizerConfig.builder().build())
                .fit(List.of(), ProgressListener.NONE));
    }
}
