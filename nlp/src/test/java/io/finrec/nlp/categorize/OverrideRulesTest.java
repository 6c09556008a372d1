package io.finrec.nlp.categorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.nlp.categorize.text.DescriptionNormalizer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OverrideRulesTest {
    private final DescriptionNormalizer n = new DescriptionNormalizer();

    @Test
    void merchantRulesMatchTheCleanedMerchantInAnyFormat() {
        OverrideRules r = OverrideRules.parse("merchant | Joe's Coffee | dining\nphrase | CITY OF SPRINGFIELD | utilities\n", "r");
        for (String d : new String[] {"POS 1234 JOES COFFEE #12 AUSTIN TX", "SQ *JOE'S COFFEE", "joes coffee*8hd7f6"})
            assertEquals("dining", r.match(n.normalize(d), Optional.empty()).orElseThrow().category(), d);
        assertTrue(r.match(n.normalize("JOES COFFEE ROASTERS 12"), Optional.empty()).isEmpty(), "exact merchant only");
        assertEquals("utilities", r.match(n.normalize("ACH DEBIT CITY OF SPRINGFIELD WATER"), Optional.empty()).orElseThrow().category());
        assertTrue(r.match(n.normalize("XCITY OF SPRINGFIELD"), Optional.empty()).isEmpty(), "phrases start at a word");
        assertEquals("dining", r.match(n.normalize("ANYTHING"), Optional.of("Joe's Coffee")).orElseThrow().category(),
                "the directory's canonical name is checked first");
    }

    @Test
    void laterRulesWinAndTextRoundTrips() {
        OverrideRules r = OverrideRules.parse("merchant | ACME | shopping\nmerchant | acme | fees\n", "r");
        assertEquals(1, r.size());
        assertEquals("fees", r.match(n.normalize("ACME 12"), Optional.empty()).orElseThrow().category());
        assertEquals(r.rules(), OverrideRules.parse(r.toText(), "round trip").rules());
    }

    @Test
    void parseErrorsNameTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OverrideRules.parse("# comment\nmerchant | A | b\nregex | .* | x\n", "rules.txt"));
        assertTrue(e.getMessage().contains("rules.txt, line 3") && e.getMessage().contains("regex"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OverrideRules.parse("merchant | A\n", "r"));
        assertThrows(IllegalArgumentException.class, () -> OverrideRules.parse("merchant | *** | dining\n", "r"));
    }
}
