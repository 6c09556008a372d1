package io.finrec.nlp.categorize.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.nlp.categorize.text.DescriptionNormalizer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MerchantDirectoryTest {
    private final DescriptionNormalizer n = new DescriptionNormalizer();
    private final MerchantDirectory dir = MerchantDirectory.builtin();

    private Optional<MerchantDirectory.Match> match(String description) {
        return dir.match(n.normalize(description));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "POS 4412 WHOLEFDS MKT #10234 AUSTIN TX | Whole Foods Market | groceries",
            "AMZN MKTP US*2K3LL0PQ1 | Amazon | shopping",
            "UBER EATS PENDING SAN FRANCISCO CA | Uber Eats | dining",
            "UBER *TRIP HELP.UBER.COM | Uber | transport",
            "SQ *CASH APP | Cash App | transfers",
            "CASH APP*JOHN SMITH | Cash App | transfers",
            "ACH DEBIT VZWRLSS APOCC VISE | Verizon | telecom",
            "DELTA DENTAL OF CA 800-765-6003 CA | Delta Dental | insurance",
            "DELTA AIR LINES ATLANTA GA | Delta Air Lines | travel",
            "HARRIS TEETER #0123 CHARLOTTE NC | Harris Teeter | groceries",
            "MEIJER # 245 GRAND RAPIDS MI | Meijer | groceries",
            "HY-VEE DES MOINES 1234 DES MOINES IA | Hy-Vee | groceries",
            "CHICKFILA ATLANTA GA | Chick-fil-A | dining",
            "ELECTRONIC PMT-WEB, PGANDE WEB ONLINE PAYMENT 12 | PG&E | utilities",
            "COSTCO GAS # 902 ATLANTA GA | Costco Gas | fuel",
            "NETFLIX.COM*LK22MZEM1 | Netflix | entertainment",
            // brand families and look-alikes: the longer, more specific alias wins
            "POS 2231 UNITED SUPERMARKETS #532 LUBBOCK TX | United Supermarkets | groceries",
            "UNITED 0162345678901 HOUSTON TX | United Airlines | travel",
            "BJS RESTAURANT #512 BREA CA | BJ's Restaurant | dining",
            "HUMANA PHARMACY 800-379-0092 KY | Humana Pharmacy | healthcare",
            "ACH DEBIT BANK OF AMERICA MORTGAGE PAYMENT | Bank of America Mortgage | rent",
            "TWC UI BENEFITS 03/14 | Texas Workforce Commission | salary",
            "APPLE.COM/BILL 866-712-7753 CA | Apple Services | entertainment",
    })
    void matchesBrandsAndAbbreviations(String description, String name, String category) {
        MerchantDirectory.Match m = match(description).orElseThrow(() -> new AssertionError("no match: " + description));
        assertEquals(name, m.entry().name());
        assertEquals(category, m.category());
        assertFalse(m.partial());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NETFLIXCOM 866-579-7172 CA | Netflix",
            "PARKMOBILE7 ATLANTA GA | ParkMobile",
            "PAYMENT HOMEOWNERS ASSOCIATION DUES | -",
            "SOUTHWESTERN BELL TELEPHONE | -",
            "TARGETED SAVINGS TRANSFER | -",
            "ESSENTIAL SERVICES INC | -",
    })
    void oneWordAliasesEndInsideAWordOnlyBeforeNoise(String description, String name) {
        assertEquals(name, match(description).filter(m -> !m.partial()).map(m -> m.entry().name()).orElse("-"));
    }

    @Test
    void greatWolfLodgeIsOneTravelBrand() {
        assertEquals("travel", match("GREAT WOLF LODGE GRAPEVINE TX").orElseThrow().category());
        assertEquals("travel", match("GREAT WOLF RESORTS 8665").orElseThrow().category());
        assertEquals(List.of("travel"), MerchantDirectory.curated().entries().stream()
                .filter(e -> e.name().startsWith("Great Wolf")).map(MerchantDirectory.Entry::category).distinct().toList());
    }

    @Test
    void truncatedAliasGivesPartialMatchButNeverBeatsAFullOne() {
        MerchantDirectory.Match m = match("PreApproved Payment Bill User Payment: Waste Mana").orElseThrow();
        assertTrue(m.partial());
        assertEquals("utilities", m.category());
        // "BOSTON MA" at the end must not become a partial "Boston Market"
        assertEquals("Publix", match("PUBLIX 16457 BOSTON MA").orElseThrow().entry().name());
    }

    @Test
    void shortAliasesNeedWordBoundaries() {
        assertTrue(match("SHELLFISH SHACK 12 PORTLAND ME").isEmpty() || !match("SHELLFISH SHACK 12 PORTLAND ME")
                .orElseThrow().entry().name().equals("Shell"));
        assertTrue(match("ZELLE PAYMENT TO ROSSI MARIA").map(m -> m.category()).orElse("transfers").equals("transfers"));
        assertTrue(match("QWERTY ZXCV 1234").isEmpty());
    }

    @Test
    void parsesEditsAndRoundTrips() {
        MerchantDirectory d = MerchantDirectory.parse("[dining]\nRosie's Taqueria | ROSIES TAQ | ROSIE'S\n", "test");
        assertEquals("dining", d.match(n.normalize("SQ *ROSIES TAQ 0041")).orElseThrow().category());
        MerchantDirectory round = MerchantDirectory.parse(dir.toText(), "round trip");
        assertEquals(dir.entries(), round.entries());
        MerchantDirectory edited = dir.toBuilder().addFirst("Local Gym", "entertainment", "WHOLEFDS").build();
        assertEquals("Local Gym", edited.match(n.normalize("WHOLEFDS 123")).orElseThrow().entry().name());
        MerchantDirectory.Builder b = dir.toBuilder();
        assertEquals(1, b.remove("uber eats"));
        assertEquals("Uber", b.build().match(n.normalize("UBER EATS")).orElseThrow().entry().name());
        assertTrue(dir.entries().size() > 1500, "about 1,600 brands: " + dir.entries().size());
    }

    @Test
    void parseErrorsNameTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MerchantDirectory.parse("[dining]\nGood | GOOD\nBad line without aliases\n", "mine.txt"));
        assertTrue(e.getMessage().contains("mine.txt, line 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MerchantDirectory.parse("Orphan | ORPHAN\n", "x"));
        assertTrue(e.getMessage().contains("before any [category]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MerchantDirectory.parse("[dining]\nX | *** \n", "x"));
        assertTrue(e.getMessage().contains("no letters or digits"), e.getMessage());
    }
}
