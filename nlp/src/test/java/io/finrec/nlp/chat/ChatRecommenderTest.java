package io.finrec.nlp.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.sentiment.SentimentScore;
import io.finrec.core.domain.RiskProfile;
import io.finrec.nlp.embedding.MiniLmEmbedder;
import io.finrec.nlp.sentiment.VaderSentiment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChatRecommenderTest {
    private static ChatRecommender chat;
    private static final ChatCustomer ADULT = TestBank.customer("C1", 35, 80_000, RiskProfile.GROWTH);

    @BeforeAll
    static void build() throws Exception {
        KnowledgeBase kb = KnowledgeBase.build(TestBank.PRODUCTS, MiniLmEmbedder.shared(), Optional.empty());
        chat = ChatRecommender.builder().embedder(MiniLmEmbedder.shared()).knowledgeBase(kb)
                .index(new ExactIndex(kb.dimension())).sentiment(VaderSentiment.create())
                .customers(id -> Optional.ofNullable(Map.of("C1", ADULT).get(id)))
                .clock(Clock.fixed(Instant.parse("2025-03-15T10:00:00Z"), ZoneOffset.UTC)).build();
    }

    private static List<String> ids(ChatReply r) {
        List<String> out = new ArrayList<>();
        for (ProductMatch m : r.products()) out.add(m.product().id());
        return out;
    }

    @Test
    void answersWithTheProductsThatFit() {
        assertEquals("T-SAV", ids(chat.reply(ADULT, "I'd like to build up a rainy day fund")).get(0));
        assertEquals("T-MORT", ids(chat.reply(ADULT, "We want to buy our first house")).get(0));
        assertEquals("T-CAR", ids(chat.reply(ADULT, "How can I finance a used car?")).get(0));
        assertEquals("T-LIFE", ids(chat.reply(ADULT, "Protect my kids if something happens to me")).get(0));
        assertEquals("T-FX", ids(chat.reply(ADULT, "Going to Japan, need yen for the trip")).get(0));
        ChatReply r = chat.reply("C1", "I want to save $20,000 in 2 years");
        assertEquals(3, r.products().size());
        assertTrue(r.reply().startsWith("To save $20,000 over 2 years, I'd suggest the "), r.reply());
        ProductMatch best = r.products().get(0);
        assertTrue(best.matchedIntents().contains(Intent.SAVE));
        assertTrue(best.score() >= r.products().get(1).score());
        assertFalse(best.passages().isEmpty());
        assertEquals(best.product().id(), best.passages().get(0).passage().productId());
    }

    @Test
    void eligibilityIsAppliedInsideTheSearch() {
        // 19 years old, no income, conservative: no mortgage (age/income), no car loan (income), no equity fund (risk)
        ChatCustomer student = TestBank.customer("S1", 19, 0, RiskProfile.CONSERVATIVE, "T-SAV");
        ChatReply r = chat.reply(student, "I want a mortgage to buy a house, a car loan, or shares in a fund");
        List<String> got = ids(r);
        assertEquals(3, got.size(), "the filter still yields topK products: " + got);
        for (String bad : List.of("T-MORT", "T-CAR", "T-EQ", "T-SAV")) assertFalse(got.contains(bad), got.toString());
        // a customer eligible for nothing gets an honest reply, not a wrong product
        ChatCustomer holdsAll = TestBank.customer("S2", 19, 0, RiskProfile.CONSERVATIVE, "T-SAV", "T-FD", "T-LIFE", "T-FX");
        ChatReply none = chat.reply(holdsAll, "I want to save money");
        assertTrue(none.products().isEmpty());
        assertTrue(none.reply().contains("couldn't find a product"), none.reply());
    }

    @Test
    void upsetCustomersGetASoftenedReply() {
        ChatReply angry = chat.reply(ADULT, "I'm so angry and frustrated, your bank is awful. Where can I save money?");
        assertTrue(angry.upset());
        assertTrue(angry.sentiment().map(SentimentScore::compound).orElse(0.0) < -0.3);
        assertTrue(angry.reply().startsWith("I'm sorry"), angry.reply());
        ChatReply stolen = chat.reply(ADULT, "My card was stolen and I'm really upset, what do I do?");
        assertTrue(stolen.reply().contains("freeze your card"), stolen.reply());
        ChatReply calm = chat.reply(ADULT, "I would love to save some money, thanks!");
        assertFalse(calm.upset());
        assertFalse(calm.reply().startsWith("I'm sorry"), calm.reply());
    }

    @Test
    void supportMessagesGetTheSupportPathFirstAndNoUpsell() {
        // the demo's complaint: no product at all (the airport is context, not a need), certainly no loan or card
        ChatReply airport = chat.reply(ADULT, "my card got declined again at the airport, this is ridiculous");
        assertEquals(List.of(SupportIssue.CARD_DECLINED), airport.parsed().support());
        assertEquals(List.of(), ids(airport), airport.reply());
        assertTrue(airport.reply().contains("declined"), airport.reply());
        assertFalse(airport.reply().contains("suggest"), airport.reply());
        // declined abroad: the support path, then at most one product serving the stated need (spending abroad)
        ChatReply abroad = chat.reply(ADULT, "my card keeps getting declined abroad and the foreign fees are a joke");
        assertEquals(List.of("T-FX"), ids(abroad), abroad.reply());
        assertTrue(abroad.reply().indexOf("declined") < abroad.reply().indexOf("Travel Money Card"), abroad.reply());
        // fraud, even when the customer asks for a loan or cover: support only (a compromised card is no sales lead)
        ChatReply fraud = chat.reply(ADULT,
                "someone used my card and I never made these payments, can I get a loan or insurance to cover rent?");
        assertTrue(fraud.parsed().urgent(), fraud.reply());
        assertEquals(List.of(), ids(fraud), fraud.reply());
        assertTrue(fraud.reply().startsWith("I'm sorry") || fraud.reply().startsWith("If there are payments"), fraud.reply());
        assertTrue(fraud.reply().contains("freeze your card"), fraud.reply());
        ChatReply complaint = chat.reply(ADULT, "you charged me twice for the same thing, this is unacceptable");
        assertEquals(List.of(), ids(complaint), complaint.reply());
        assertTrue(complaint.reply().contains("complaint"), complaint.reply());
        // a bank may choose to offer nothing at all in support replies
        ChatRecommender none = ChatRecommender.builder().embedder(MiniLmEmbedder.shared())
                .knowledgeBase(chat.knowledgeBase()).index(new ExactIndex(chat.knowledgeBase().dimension()))
                .config(ChatConfig.builder().supportTopK(0).build()).build();
        assertEquals(List.of(), ids(none.reply(ADULT, "my card keeps getting declined abroad")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChatConfig.builder().topK(3).supportTopK(4).build());
        assertTrue(e.getMessage().startsWith("supportTopK"), e.getMessage());
    }

    @Test
    void badInputIsRejectedWithTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> chat.reply(ADULT, "   "));
        assertTrue(e.getMessage().startsWith("message"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> chat.reply(ADULT, "x".repeat(100_000)));
        assertTrue(e.getMessage().contains("100000 characters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> chat.reply(ADULT, "save \uD800 money"));
        assertTrue(e.getMessage().startsWith("message: unpaired"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> chat.reply("NOBODY", "save money"));
        assertEquals("customerId: unknown customer 'NOBODY'", e.getMessage());
        assertThrows(NullPointerException.class, () -> chat.reply(ADULT, null));
    }

    @Test
    void builderChecksItsParts() throws Exception {
        KnowledgeBase kb = chat.knowledgeBase();
        assertThrows(IllegalStateException.class, () -> ChatRecommender.builder().knowledgeBase(kb).build());
        ExactIndex full = new ExactIndex(kb.dimension());
        full.add("x", unit(kb.dimension()));
        assertThrows(IllegalArgumentException.class, () -> ChatRecommender.builder().embedder(MiniLmEmbedder.shared())
                .knowledgeBase(kb).index(full).build());
        assertThrows(IllegalArgumentException.class, () -> ChatRecommender.builder().embedder(MiniLmEmbedder.shared())
                .knowledgeBase(kb).index(new ExactIndex(kb.dimension() + 1)).build());
    }

    private static float[] unit(int dim) {
        float[] v = new float[dim];
        v[0] = 1;
        return v;
    }

    @Test
    void concurrentRepliesAgree() throws Exception {
        List<String> messages = List.of("save for a rainy day", "buy a house", "car loan please", "life insurance",
                "travel money for Spain", "invest in shares for 20 years");
        List<List<String>> expected = new ArrayList<>();
        for (String m : messages) expected.add(ids(chat.reply(ADULT, m)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < messages.size(); i++) {
                        int j = (i + offset) % messages.size();
                        assertEquals(expected.get(j), ids(chat.reply(ADULT, messages.get(j))), messages.get(j));
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
