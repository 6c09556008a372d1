package io.finrec.nlp.categorize.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.nlp.categorize.text.DescriptionNormalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class CueLexiconTest {
    private final DescriptionNormalizer n = new DescriptionNormalizer();

    private List<String> cues(CueLexicon lex, String description) {
        return lex.match(n.normalize(description)).matched().stream().map(c -> c.category() + ":" + c.text()).toList();
    }

    @Test
    void longestPhraseWinsAcrossCategories() {
        CueLexicon lex = CueLexicon.parse("[rent]\n!RENT\n[travel]\nRENT A CAR\n[fuel]\nGAS\n[utilities]\n!GAS CO\n", "t");
        assertEquals(List.of("travel:RENT A CAR"), cues(lex, "AVIS RENT A CAR LAX"));
        assertEquals(List.of("rent:!RENT"), cues(lex, "MAPLE COURT RENT"));
        assertEquals(List.of("utilities:!GAS CO"), cues(lex, "SPRINGFIELD GAS CO 12"));
        assertEquals(List.of("fuel:GAS"), cues(lex, "QUICK GAS 12"));
    }

    @Test
    void prefixesAndStrongCuesAreCounted() {
        CueLexicon lex = CueLexicon.parse("[healthcare]\nPHARM* | !PHARMACY\n", "t");
        CueLexicon.Hits h = lex.match(n.normalize("RIVERSIDE PHARMACEUTICALS AND PHARMACY"));
        int c = h.categories().indexOf("healthcare");
        assertEquals(1, h.ordinary()[c]);
        assertEquals(1, h.strong()[c]);
    }

    @Test
    void builtinCuesCoverTheIssueExamples() {
        CueLexicon lex = CueLexicon.builtin();
        assertTrue(cues(lex, "ROSIES PHARMACY 12").contains("healthcare:!PHARMACY"));
        assertTrue(cues(lex, "CITY OF SPRINGFIELD TRASH SVC").contains("utilities:!TRASH"));
        assertEquals(List.of("salary:!DES PAYROLL"), cues(lex, "HOOLI DES:PAYROLL ID:123"));
        assertTrue(cues(lex, "NSF RETURNED ITEM FEE").stream().anyMatch(s -> s.startsWith("fees:")));
        CueLexicon round = CueLexicon.parse(lex.toText(), "round trip");
        assertEquals(lex.cues(), round.cues());
    }

    @Test
    void parseErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CueLexicon.parse("[x]\nAB*\n", "c.txt"));
        assertTrue(e.getMessage().contains("c.txt, line 2") && e.getMessage().contains("3 letters"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CueLexicon.parse("WORD\n", "c.txt"));
    }
}
