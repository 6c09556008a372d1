package io.finrec.nlp.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageParserTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 15);
    private final MessageParser parser = MessageParser.create();

    private ParsedMessage parse(String s) {
        return parser.parse(s, TODAY);
    }

    private void amount(String text, String value, String currency) {
        AmountMention a = parse(text).amount().orElseThrow(() -> new AssertionError("no amount in: " + text));
        assertEquals(0, new BigDecimal(value).compareTo(a.value()), text + " -> " + a);
        assertEquals(currency, a.currency().map(c -> c.getCurrencyCode()).orElse(null), text);
    }

    private void horizon(String text, int months) {
        assertEquals(months, parse(text).horizon().orElseThrow(() -> new AssertionError("no horizon: " + text)).months(),
                text);
    }

    @Test
    void intentsAreCuedAndOrderedByStrength() {
        assertEquals(List.of(Intent.SAVE), parse("I want to save for my daughter's college").intents());
        assertEquals(Intent.BORROW, parse("Can I get a loan to buy a car?").intents().get(0));
        assertEquals(List.of(Intent.INVEST), parse("How should I invest for retirement?").intents());
        assertTrue(parse("Which card should I take on holiday abroad?").intents().contains(Intent.TRAVEL));
        assertEquals(Intent.PROTECT, parse("I need insurance to protect my family").intents().get(0));
        assertEquals(Intent.PAY, parse("I want to pay my rent and bills automatically").intents().get(0));
        assertEquals(List.of(), parse("Hello there").intents());
        assertEquals(Intent.TRAVEL, parse("TRAVEL ABROAD, FOREIGN CURRENCY, TRIP").intents().get(0));
    }

    @Test
    void amountsInManyForms() {
        amount("I want to save $20,000 for a car", "20000", "USD");
        amount("borrow 15k euros", "15000", "EUR");
        amount("about £1.5m", "1500000", "GBP");
        amount("ten thousand dollars", "10000", "USD");
        amount("I have 5000 to invest", "5000", null);
        amount("2 lakh rupees", "200000", "INR");
        amount("a hundred bucks", "100", "USD");
        amount("between 3,000 and 7,500 USD", "7500", "USD");
        // currencies and multipliers are MoneyLexicon's, shared with KeywordExtractor
        amount("send 50000 yen home", "50000", "JPY");
        amount("5 grand", "5000", null);
    }

    @Test
    void numbersThatAreNotMoney() {
        assertTrue(parse("I have 2 kids and want to save").amount().isEmpty());
        assertTrue(parse("save for 5 years at 4.5%").amount().isEmpty());
        assertTrue(parse("retire by 2040").amount().isEmpty());
        assertTrue(parse("order #12345 arrived").amount().isEmpty());
    }

    @Test
    void horizonsRelativeAndAbsolute() {
        horizon("save for college in 5 years", 60);
        horizon("within six months", 6);
        horizon("in a year", 12);
        horizon("next year", 12);
        horizon("a 3-year deposit", 36);
        horizon("by 2030", 60);
        horizon("long term growth", 120);
        horizon("I need it asap", 0);
        horizon("next summer", 4);
        horizon("over the next two decades", 240);
        assertTrue(parse("I want to save").horizon().isEmpty());
        assertTrue(parse("the first horizon wins: in 2 years, not in 10 years").horizon().get().months() == 24);
    }

    @Test
    void urgentProblemsAreFlagged() {
        assertTrue(parse("My card was stolen yesterday").urgent());
        assertTrue(parse("there's a charge I didn't make, is it fraud?").urgent());
        assertTrue(parse("I can't log in to the app").urgent());
        assertTrue(!parse("I want travel insurance against theft of luggage").urgent());
    }

    @Test
    void supportIssuesAreReadFromWhatHappenedNotFromMood() {
        ParsedMessage declined = parse("my card got declined again at the airport, this is ridiculous");
        assertEquals(List.of(SupportIssue.CARD_DECLINED), declined.support());
        assertTrue(declined.intents().contains(Intent.TRAVEL), "the airport is travel context");
        assertFalse(declined.needs().contains(Intent.TRAVEL), "but states no need for a travel product");
        assertFalse(declined.needs().contains(Intent.PAY), "'card' alone states no need for a new card");
        ParsedMessage abroad = parse("my card keeps getting declined abroad, the foreign fees are crazy");
        assertEquals(List.of(SupportIssue.CARD_DECLINED), abroad.support());
        assertTrue(abroad.needs().contains(Intent.TRAVEL));
        assertEquals(List.of(SupportIssue.FRAUD), parse("someone used my card, I never made these payments").support());
        assertEquals(List.of(SupportIssue.LOST_OR_STOLEN), parse("I think I lost my wallet with both cards").support());
        assertEquals(List.of(SupportIssue.ACCOUNT_LOCKED), parse("I'm locked out of the app since yesterday").support());
        assertEquals(List.of(SupportIssue.ACCOUNT_LOCKED), parse("my online banking account is blocked").support());
        ParsedMessage complaint = parse("you charged me twice for the same thing, this is unacceptable");
        assertEquals(List.of(SupportIssue.COMPLAINT), complaint.support());
        assertFalse(complaint.urgent(), "a complaint is not a compromised card");
        // what a support reply may offer: stated needs, within the issues' remedies, never lending
        assertEquals(java.util.Set.of(), ChatRecommender.supportFamilies(declined));
        assertEquals(java.util.Set.of(io.finrec.core.domain.ProductType.CREDIT_CARD, io.finrec.core.domain.ProductType.FOREX),
                ChatRecommender.supportFamilies(abroad));
        assertEquals(java.util.Set.of(), ChatRecommender.supportFamilies(
                parse("my card was stolen abroad, I need travel insurance and a loan")));
        // product questions, however angry, are not support requests
        for (String m : List.of("ugh my savings earn NOTHING, this is ridiculous. where can I get a real rate??",
                "so fed up with paying 25% on my cards!!! need a way out",
                "what happens if our flight gets cancelled or our bags are lost on vacation",
                "I want travel insurance against theft of luggage", "Going to Japan, what's the best card to use abroad?"))
            assertEquals(List.of(), parse(m).support(), m);
    }

    @Test
    void wordsToDigits() {
        assertEquals("save 25000 in 3 years", MessageParser.wordsToDigits("save twenty five thousand in three years"));
        assertEquals("3 things", MessageParser.wordsToDigits("a few things"));
        assertEquals("1200", MessageParser.wordsToDigits("twelve hundred"));
    }
}
