package io.finrec.nlp.categorize.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finrec.api.categorize.CategorizationExample;
import io.finrec.nlp.categorize.CategorizationData;
import io.finrec.nlp.categorize.eval.DirectoryCoverage;
import io.finrec.nlp.categorize.text.DescriptionNormalizer;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import io.finrec.nlp.categorize.text.Words;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated name-suggestion-index table, its importer and how the directory uses it. */
class NameSuggestionIndexTest {
    private static final String RES = "/io/finrec/nlp/categorize/";
    private final DescriptionNormalizer n = new DescriptionNormalizer();
    private final MerchantDirectory nsi = MerchantDirectory.nameSuggestionIndex();
    private final MerchantDirectory hand = MerchantDirectory.curated();

    private static String resource(String name) throws IOException {
        try (InputStream in = NameSuggestionIndexTest.class.getResourceAsStream(RES + name)) {
            assertNotNull(in, name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void generatedTableLoadsWithVersionAndLicenceBesideIt() throws IOException {
        String text = resource("merchants-nsi.txt");
        assertTrue(text.startsWith("# GENERATED FILE"), "header");
        assertTrue(text.contains("name-suggestion-index (NSI) 8.0."), "NSI version in the header");
        assertTrue(text.contains("merchants-nsi.LICENSE.md"), "header points at the licence");
        String licence = resource("merchants-nsi.LICENSE.md");
        assertTrue(licence.contains("BSD 3-Clause"), "NSI's licence text");
        assertTrue(licence.contains("name-suggestion-index contributors"), "NSI's copyright line");
        assertTrue(nsi.entries().size() > 2500, "thousands of brands, was " + nsi.entries().size());
        assertTrue(Set.copyOf(nsi.categories()).containsAll(List.of("groceries", "dining", "fuel", "healthcare",
                "shopping", "travel", "entertainment", "utilities", "insurance")), nsi.categories().toString());
        assertTrue(hand.categories().containsAll(nsi.categories()), "only FinRec categories");
        // round trip through the text format, so a model file stores it unchanged
        assertEquals(nsi.entries(), MerchantDirectory.parse(nsi.toText(), "t").entries());
        assertEquals(MerchantDirectory.builtin().entries(),
                MerchantDirectory.parse(MerchantDirectory.builtin().toText(), "t").entries());
    }

    @Test
    void builtinIsHandCuratedFirstThenGenerated() {
        List<MerchantDirectory.Entry> all = MerchantDirectory.builtin().entries();
        assertEquals(hand.entries().size() + nsi.entries().size(), all.size());
        assertEquals(hand.entries(), all.subList(0, hand.entries().size()));
        assertEquals(nsi.entries(), all.subList(hand.entries().size(), all.size()));
        assertEquals(all, KnowledgeBase.builtin().directory().entries());
    }

    @Test
    void noGeneratedAliasContradictsTheHandDirectory() {
        Map<String, Set<String>> handSquashed = new HashMap<>();
        Map<List<String>, Set<String>> handWords = new HashMap<>();
        for (MerchantDirectory.Entry e : hand.entries())
            for (String a : e.aliases()) {
                handSquashed.computeIfAbsent(Words.squash(a), k -> new HashSet<>()).add(e.category());
                handWords.computeIfAbsent(NsiImport.words(a), k -> new HashSet<>()).add(e.category());
            }
        List<String> bad = new ArrayList<>();
        for (MerchantDirectory.Entry e : nsi.entries())
            for (String a : e.aliases()) {
                Set<String> same = handSquashed.get(Words.squash(a));
                if (same != null && !same.equals(Set.of(e.category()))) bad.add(a + " " + e.category() + " vs " + same);
                if (same != null) continue;
                List<String> w = NsiImport.words(a);
                for (int k = 1; k < w.size(); k++) {
                    Set<String> shorter = handWords.get(w.subList(0, k));
                    if (shorter != null && !shorter.equals(Set.of(e.category())))
                        bad.add(a + " " + e.category() + " overrides hand " + w.subList(0, k) + " " + shorter);
                }
            }
        assertEquals(List.of(), bad);
    }

    @Test
    void genericWordsNeverBecomeMerchants() {
        Set<String> common = NsiImport.commonWords();
        List<String> bad = new ArrayList<>();
        for (MerchantDirectory.Entry e : nsi.entries())
            for (String a : e.aliases()) {
                List<String> w = NsiImport.words(a);
                if (Words.squash(a).length() < NsiImport.MIN_CHARS) bad.add(a + " (short)");
                if (w.size() == 1 && common.contains(w.get(0).toLowerCase(Locale.ROOT))) bad.add(a + " (common word)");
            }
        assertEquals(List.of(), bad);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ONLINE TRANSFER TO SAVINGS XXXXXX1234", "MOBILE DEPOSIT REF 88123", "CHECK 1043", "ATM WITHDRAWAL 0412 MAIN ST",
            "MONTHLY SERVICE FEE", "OVERDRAFT FEE", "DIRECT DEP ACME CORPORATION PAYROLL", "ZELLE PAYMENT TO JOHN SMITH",
            "RECURRING PMT RENT APARTMENT", "ELECTRIC COMPANY PAYMENT", "GAS STATION 1234", "PHARMACY #12",
            "FOOD MART 22", "CITY WATER DEPT", "INTEREST PAYMENT", "CASH BACK REWARD", "PURCHASE AUTHORIZED ON 01/04",
            "HOME INSURANCE PREMIUM", "PARKING GARAGE", "SUPERMARKET", "COFFEE SHOP", "HOTEL STAY", "WIRELESS BILL",
            "ASSOCIATION DUES", "SOUTHWESTERN BELL", "COFFEESHOP 12", "TARGETED SAVINGS", "SPRINGFIELD IL", "EXPRESS LANE TOLL"})
    void statementWordsMatchNoGeneratedBrand(String description) {
        // full matches (a partial one only stands for a description cut off inside a brand name)
        NormalizedDescription d = n.normalize(description);
        assertEquals(Optional.empty(), nsi.match(d).filter(m -> !m.partial()).map(m -> m.entry().name()), description);
        // and the combined directory says what the hand directory says
        assertEquals(hand.match(d).filter(m -> !m.partial()).map(MerchantDirectory.Match::category),
                MerchantDirectory.builtin().match(d).filter(m -> !m.partial()).map(MerchantDirectory.Match::category),
                description);
    }

    @Test
    void independentSourceCoversAQuarterOfTheShippedUnseenMerchantsAndRarelyContradictsThem() throws IOException {
        Path unseen = Path.of("src/test/resources/io/finrec/nlp/categorize/unseen-merchants.csv");
        List<CategorizationExample> rows = CategorizationData.readCsv(unseen);
        DirectoryCoverage c = DirectoryCoverage.measure(nsi, rows);
        assertTrue(c.rowCoverage() >= 0.25, c.text());
        assertTrue(c.rowsWrong() <= 3, c.text());
        // the hand-curated directory covers more of them (it was written for such brands), the union at least as much
        DirectoryCoverage h = DirectoryCoverage.measure(hand, rows);
        DirectoryCoverage all = DirectoryCoverage.measure(MerchantDirectory.builtin(), rows);
        assertTrue(h.rowCoverage() > c.rowCoverage(), h.text());
        assertTrue(all.rowsRight() >= h.rowsRight(), all.text());
    }

    @Test
    void holdoutRemovesHandKnowledgeOnlyOrEverything() {
        List<NormalizedDescription> held = List.of(n.normalize("POS 4412 KROGER #123 ATLANTA GA"));
        MerchantDirectory all = MerchantDirectory.builtin();
        assertEquals("Kroger", all.match(held.get(0)).orElseThrow().entry().name());
        MerchantDirectory curatedOut = CategorizationData.withoutKnowledgeOf(all, held, CategorizationData.DirectoryHoldout.CURATED);
        MerchantDirectory.Match m = curatedOut.match(held.get(0)).orElseThrow(() -> new AssertionError("NSI knows Kroger"));
        assertTrue(nsi.entries().contains(m.entry()), "the generated entry answers: " + m.entry());
        assertEquals("groceries", m.category());
        assertTrue(hand.entries().stream().filter(e -> e.name().equals("Kroger")).noneMatch(curatedOut.entries()::contains));
        MerchantDirectory none = CategorizationData.withoutKnowledgeOf(all, held, CategorizationData.DirectoryHoldout.ALL);
        assertEquals(Optional.empty(), none.match(held.get(0)).filter(x -> !x.partial()));
        assertTrue(none.entries().size() > all.entries().size() - 10, "only Kroger's entries go");
        assertEquals(all, CategorizationData.withoutKnowledgeOf(all, held, CategorizationData.DirectoryHoldout.NONE));
    }

    @Test
    void importerKeepsUsBrandsAndDropsWhatWouldDoHarm() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/io/finrec/nlp/categorize/knowledge/nsi-fixture.json")) {
            root = new ObjectMapper().readTree(in);
        }
        NsiImport.Result r = NsiImport.run(root.path("nsi"), List.of(Pattern.compile("^(shops?|stores?)$", Pattern.CASE_INSENSITIVE)),
                NsiImport.Filters.builtin());
        Map<String, MerchantDirectory.Entry> byName = new HashMap<>();
        for (MerchantDirectory.Entry e : r.directory().entries()) byName.put(e.name(), e);
        assertEquals(Set.of("Zupan's Markets", "Publix", "Publix Pharmacy", "bracket Bistro", "Zephyr Valley Electric Cooperative"),
                byName.keySet());
        assertEquals("groceries", byName.get("Zupan's Markets").category());
        assertEquals(List.of("ZUPAN'S MARKETS", "ZUPANS"), byName.get("Zupan's Markets").aliases());
        assertEquals("groceries", byName.get("Publix").category()); // agrees with the hand directory
        // "Publix" is the supermarket's own name and only the brand tag of the pharmacy: the pharmacy keeps its full
        // name (the hand directory has it too, same category), not the bare brand
        assertEquals(List.of("PUBLIX PHARMACY"), byName.get("Publix Pharmacy").aliases());
        assertEquals("healthcare", byName.get("Publix Pharmacy").category());
        assertEquals("utilities", byName.get("Zephyr Valley Electric Cooperative").category());
        assertEquals(15, r.brands(), "US-including items of mapped categories (not Carrefour, Not Here, the bank)");
        Map<NsiImport.Drop, Set<String>> d = r.dropped();
        assertTrue(d.get(NsiImport.Drop.COMMON_WORD).contains("Express (groceries)"), d.toString());
        assertTrue(d.get(NsiImport.Drop.COMMON_WORD).contains("Acme (groceries)"), d.toString());
        assertTrue(d.get(NsiImport.Drop.SHORT).contains("BP (fuel)"), d.toString());
        assertTrue(d.get(NsiImport.Drop.CUE_WORDS).contains("Pizza Kitchen (dining)"), d.toString());
        assertTrue(d.get(NsiImport.Drop.CUE_WORDS).contains("Coffeeshop (dining)"), d.toString());
        assertTrue(d.get(NsiImport.Drop.GENERIC).contains("At Home Grill (dining)"), d.toString());
        assertTrue(d.get(NsiImport.Drop.NOT_A_UTILITY).contains("Metro Transit Authority"), d.toString());
        // the pharmacy's brand tag "Publix" would say healthcare where merchants.txt says groceries: the hand wins
        assertTrue(d.get(NsiImport.Drop.HAND_CONFLICT).containsAll(List.of("Walmart Cafe (dining)", "Publix (healthcare)")),
                d.toString());
        for (String name : List.of("Uber", "Springfield", "Metro Transit Authority"))
            assertTrue(d.values().stream().flatMap(Set::stream).anyMatch(s -> s.startsWith(name)), name + ": " + d);
        // the result is a valid table in the directory's text format
        assertEquals(r.directory().entries(), MerchantDirectory.parse(r.directory().toText(), "fixture").entries());
    }
}
