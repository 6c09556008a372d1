package io.finrec.nlp.categorize.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescriptionNormalizerTest {
    private final DescriptionNormalizer n = new DescriptionNormalizer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "POS 4412 WHOLEFDS MKT #10234 AUSTIN TX | WHOLEFDS MKT | POS",
            "CHECKCARD 0217 LABCORP AMERICA OAKLAND CA 64093662307621039632300 | LABCORP AMERICA | CHECKCARD",
            "PURCHASE AUTHORIZED ON 01/04 HILTON MIAMI FL S686267261430368 CARD 5521 | HILTON | PURCHASEAUTHORIZEDON",
            "DEBIT CARD PURCHASE - REGAL CINEMAS PITTSBURGH PA | REGAL CINEMAS | DEBITCARDPURCHASE",
            "SQ *CASH APP | CASH APP | SQ",
            "TST* SAKURA SUSHI BAR | SAKURA SUSHI BAR | TST",
            "PAYPAL *UBER *TRIP | UBER | PAYPAL",
            "Withdrawal from Dd *Doordash | DOORDASH | WITHDRAWALFROM DD",
            "ACH DEBIT COMCAST CABLE ONLINE PMT | COMCAST CABLE | ACHDEBIT",
            "ELECTRONIC PMT-WEB, DUKE-ENERGY PAYMENT 2A7J6N05 | DUKEENERGY | ELECTRONICPMTWEB",
            "RECURRING PMT STATE FARM 3942705778 | STATE FARM | RECURRINGPMT",
            "PreApproved Payment Bill User Payment: Waste Mana | WASTE MANA | PREAPPROVEDPAYMENTBILLUSERPAYMENT",
            "DIRECT DEP ADP WAGE PAY PAYROLL PPD ID: 8161082028 | ADP WAGE PAY | DIRECTDEP",
            "REGAL COLUMBUSOH | REGAL | ",
            "SAFEWAY SALT LAKE CTYUT | SAFEWAY | ",
            "ALDI KANSAS CITYMO | ALDI | ",
            "MINT MOBILE 800-773-7481 MO 8567 | MINT MOBILE | ",
            "NETFLIX.COM*LK22MZEM1 | NETFLIX COM | ",
            "MOBILE ZELLE FROM KENJI BROWN | ZELLE | MOBILE",
            "PP*STEAMGAMES 425-889-9642 WA | STEAMGAMES | PP",
            "DELTA DENTAL OF CA 800-765-6003 CA | DELTA DENTAL | ",
            "BLUE SHIELD OF CALIFORNIA | BLUE SHIELD OF CALIFORNIA | ",
            "CLV *BLUE HERON CAFE SEATTLE WA | BLUE HERON CAFE | CLV",
            "pos\t0412  sp+ parking #3815 kansas | SP PARKING | POS",
    })
    void findsMerchantAndPrefixes(String description, String merchant, String prefix) {
        NormalizedDescription d = n.normalize(description);
        assertEquals(merchant, d.merchantKey(), d.toString());
        List<String> expected = prefix == null ? List.of() : List.of(prefix.split(" "));
        assertEquals(expected, d.prefixes(), d.toString());
    }

    @Test
    void classifiesNoiseTokens() {
        NormalizedDescription d = n.normalize("ZELLE TO SAV XXXXXX6484 ON 01/08 800-960-0335 S686267261430368 #12");
        assertEquals(TokenKind.MASKED, d.kind(3));
        assertEquals(TokenKind.DATE, d.kind(5));
        assertEquals(TokenKind.PHONE, d.kind(6));
        assertEquals(TokenKind.CODE, d.kind(7));
        assertEquals(TokenKind.HASH, d.kind(8));
        assertEquals(TokenKind.NUMBER, d.kind(9));
    }

    @Test
    void caseSpacingAndAccentsDoNotMatter() {
        NormalizedDescription a = n.normalize("pos 4412   wholefds  mkt #10234 austin tx");
        NormalizedDescription b = n.normalize("POS 4412 WHOLEFDS MKT #10234 AUSTIN TX");
        assertEquals(b.text(), a.text());
        assertEquals(b.merchantKey(), a.merchantKey());
        assertEquals("CAFE ROSE", n.normalize("Café Rosé 12 BOSTON MA").merchantKey());
    }

    @Test
    void displayNameIsTitleCased() {
        assertEquals("Sakura Sushi Bar", n.normalize("POS 3369 SAKURA SUSHI BAR #696 TAMPA FL").merchantName());
        assertEquals("Overdraft Fee", n.normalize("OVERDRAFT FEE - ITEM 502070").merchantName().substring(0, 13));
    }

    @Test
    void emptyAndHugeInputs() {
        assertEquals(0, n.normalize("").size());
        assertEquals("", n.normalize("   *** ,,, ").merchantKey(), "punctuation only: no merchant");
        assertEquals("", n.normalize("   ").merchantName());
        String huge = "AMAZON MKTPL ".repeat(50_000);
        NormalizedDescription d = n.normalize(huge);
        assertTrue(d.text().length() <= DescriptionNormalizer.MAX_CHARS, "reads only the first characters");
        assertThrows(NullPointerException.class, () -> n.normalize(null));
    }

    @Test
    void replaceRebuildsTheDescription() {
        NormalizedDescription d = n.normalize("POS 4412 WHOLEFDS MKT #10234 AUSTIN TX");
        assertEquals("POS 4412 HARRIS TEETER # 10234 AUSTIN TX", d.replace(d.merchantStart(), d.merchantEnd(), "HARRIS TEETER"));
    }
}
