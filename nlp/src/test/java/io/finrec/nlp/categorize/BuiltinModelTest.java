package io.finrec.nlp.categorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.categorize.CategorizationExample;
import io.finrec.api.categorize.CategorizationInput;
import io.finrec.api.categorize.CategoryPrediction;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.nlp.categorize.eval.CategorizerEvaluation;
import io.finrec.nlp.categorize.eval.EvaluationReport;
import io.finrec.nlp.categorize.knowledge.MerchantDirectory;
import io.finrec.nlp.categorize.text.DescriptionNormalizer;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default model shipped in the jar: provenance, the deliberate confusables, and an accuracy floor on 300
 * descriptions (shipped with the tests) of 150 merchants that are not in the built-in bank it was trained on.
 */
class BuiltinModelTest {
    private final CategorizerModel model = CategorizerModel.builtin();

    @Test
    void isTheBuiltInBankModelWithProvenance() {
        assertEquals(BuiltInBank.CATEGORIES, model.labels());
        assertTrue(model.provenance().details().get("trainer").contains("DJL"), model.provenance().details().toString());
        assertTrue(model.metrics().containsKey("heldOutMerchantAccuracy"), model.metrics().toString());
        assertTrue(model.temperature() > 0.05 && model.temperature() < 20);
        assertEquals(CategorizerModel.DEFAULT_THRESHOLD, model.threshold());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "UBER EATS PENDING SAN FRANCISCO CA | dining",
            "UBER *TRIP HELP.UBER.COM | transport",
            "SQ *CASH APP | transfers",
            "DELTA DENTAL OF CA 800-765-6003 CA | insurance",
            "DELTA AIR LINES ATLANTA GA | travel",
            "ELECTRONIC PMT-WEB, SO CAL GAS PAYMENT ZJDNMJG7 | utilities",
            "COSTCO GAS # 902 ATLANTA GA | fuel",
            "POS 4412 HARRIS TEETER #10234 CHARLOTTE NC | groceries",
            "CHECKCARD 0518 MEIJER #245 GRAND RAPIDS MI 1234567890123 | groceries",
            "HY-VEE 1234 DES MOINES IA | groceries",
            "ACH DEBIT COMCAST CABLE ONLINE PMT | telecom",
            "INSUFFICIENT FUNDS FEE 03/12 | fees",
            "HOOLI DES:PAYROLL ID:123456789 INDN:JANE DOE CO ID:1234567890 PPD | salary",
            "RECURRING PMT CITY OF SPRINGFIELD TRASH 1234567890 | utilities",
            "MAPLE GROVE APARTMENTS WEB ID: 1234567890 RENT | rent",
            "SMITH FAMILY PHARMACY 12 AUSTIN TX | healthcare",
    })
    void confusablesAndCueWords(String description, String category) {
        CategoryPrediction p = model.categorize(CategorizationInput.of(description));
        assertEquals(category, p.category(), () -> description + " -> " + p);
    }

    /**
     * Brands only the generated name-suggestion-index table knows (not merchants.txt): the shipped model sees the
     * directory's category through the knowledge base and answers it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "POS 4412 KING KULLEN #123 BETHPAGE NY | groceries | King Kullen",
            "CHECKCARD 0312 BONCHON CHICKEN FAIRFAX VA 24431234567890 | dining | Bonchon Chicken",
            "POS 2231 BOSCOVS #44 READING PA | shopping | Boscov's",
            "SQ *SMILEKEEPERS DENTAL | healthcare | SmileKeepers",
            "DEBIT CARD PURCHASE - OUTRIGGER HOTELS AND RESORTS HONOLULU HI | travel | Outrigger Hotels and Resorts",
            "PURCHASE AUTHORIZED ON 03/02 HAGGEN FOOD #3411 BELLINGHAM WA | groceries | Haggen",
    })
    void brandsOnlyTheNameSuggestionIndexKnows(String description, String category, String merchant) {
        NormalizedDescription d = new DescriptionNormalizer().normalize(description);
        assertTrue(MerchantDirectory.curated().match(d).isEmpty(), "merchants.txt must not know " + description);
        CategoryPrediction p = model.categorize(CategorizationInput.of(description));
        assertEquals(category, p.category(), () -> description + " -> " + p);
        assertEquals(merchant, p.merchant());
        assertTrue(p.probability() > 0.5, p::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"KRALUMO", "MOONGLOW", "QUILLFEATHER", "SUNRISE"})
    void aBareUnknownNameIsNotAConfidentFee(String description) {
        CategoryPrediction p = model.categorize(CategorizationInput.of(description));
        assertTrue(!p.category().equals("fees") || p.probability() < 0.5, () -> description + " -> " + p);
    }

    @Test
    void accurateOnMerchantsItNeverSaw() throws Exception {
        Path csv = Path.of(getClass().getResource("unseen-merchants.csv").toURI());
        List<CategorizationExample> test = CategorizationData.readCsv(csv);
        assertEquals(300, test.size());
        assertTrue(Files.size(csv) > 1000);
        EvaluationReport r = CategorizerEvaluation.evaluate(model, test);
        assertTrue(r.metrics().accuracy() >= 0.93, "accuracy on unseen merchants " + r.metrics().accuracy() + "\n" + r.text());
        assertTrue(r.metrics().macroF1() >= 0.92, r.text());
    }
}
