package io.finrec.nlp.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.core.domain.ProductType;
import io.finrec.core.domain.SocialPost;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocialSignalAnalyzerTest {
    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    static final SocialSignalAnalyzer A = SocialSignalAnalyzer.create();

    static SocialPost post(String id, String customer, int daysAgo, String text) {
        return new SocialPost(id, customer, NOW.minusSeconds(86400L * daysAgo), text);
    }

    @Test
    void homePurchasePointsToInsuranceAndHomeLoanTopUp() {
        SocialProfile p = A.analyze("c1", List.of(post("p1", "c1", 2, "finally bought our first house!")), NOW);
        assertEquals(ProductType.INSURANCE, p.affinities().get(0).productType());
        assertEquals(ProductType.HOME_LOAN, p.affinities().get(1).productType());
        assertTrue(p.affinities().get(0).reasons().get(0).text().contains("home insurance"));
        assertEquals("p1", p.affinities().get(0).reasons().get(0).postId());
        assertTrue(p.actions().isEmpty());
        assertTrue(p.meanSentiment() >= 0);
        assertEquals(0.0, p.churnRisk(), 1e-12);
    }

    @Test
    void declinedCardIsChurnRiskAndCardSupport() {
        SocialProfile p = A.analyze("c2", List.of(post("p9", "c2", 0, "my card got declined again, furious"),
                post("p8", "c2", 1, "worst bank ever, thinking of switching")), NOW);
        List<String> actions = p.actions().stream().map(ServiceAction::action).toList();
        assertTrue(actions.contains("card_support"), actions.toString());
        assertTrue(actions.contains("retention_outreach"), actions.toString());
        assertTrue(p.churnRisk() > 0.5, "churn " + p.churnRisk());
        // a negative post about the card is not interest in a card
        assertTrue(p.affinities().stream().noneMatch(a -> a.productType() == ProductType.CREDIT_CARD));
        Map<String, Double> f = p.userFeatures();
        assertTrue(f.get("social:churn_risk") > 0.5);
        assertTrue(f.containsKey("social:action:card_support"));
        assertTrue(f.get("social:sentiment") < 0);
    }

    @Test
    void recencyDecaysAndFeaturesAreBounded() {
        SocialProfile recent = A.analyze("c3", List.of(post("a", "c3", 0, "We just had a baby!")), NOW);
        SocialProfile old = A.analyze("c3", List.of(post("a", "c3", 180, "We just had a baby!")), NOW);
        assertEquals(recent.affinities().get(0).score() / 4, old.affinities().get(0).score(), 1e-9);
        recent.userFeatures().forEach((k, v) -> assertTrue(v >= -1 && v <= 1, k + "=" + v));
        assertTrue(recent.userFeatures().containsKey("social:life_event:baby"));
    }

    @Test
    void noPostsAndWrongCustomer() {
        SocialProfile p = A.analyze("c4", List.of(), NOW);
        assertTrue(p.affinities().isEmpty() && p.userFeatures().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> A.analyze("c4", List.of(post("x7", "c5", 0, "hello")), NOW));
        assertTrue(e.getMessage().contains("x7"), e.getMessage());
    }
}
