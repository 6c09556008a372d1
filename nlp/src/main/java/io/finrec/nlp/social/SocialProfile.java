package io.finrec.nlp.social;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a customer's posts say, for recommendations: per-post signals, product affinities and service
 * actions (both strongest first, with reasons), mean sentiment and a churn-risk score in [0, 1].
 * Immutable and thread-safe.
 *
 * @param customerId    the customer
 * @param posts         per-post signals, newest first
 * @param affinities    product-type affinities, strongest first
 * @param actions       service actions, strongest first
 * @param meanSentiment recency-weighted mean compound sentiment in [-1, 1] (0 without posts)
 * @param churnRisk     1 - exp(-evidence) of negative banking experiences (complaints, declines, switching,
 *                      cancelling, negative posts about the bank's products)
 */
public record SocialProfile(String customerId, List<PostSignals> posts, List<ProductAffinity> affinities,
                            List<ServiceAction> actions, double meanSentiment, double churnRisk) {
    public SocialProfile {
        Objects.requireNonNull(customerId, "customerId");
        posts = List.copyOf(posts);
        affinities = List.copyOf(affinities);
        actions = List.copyOf(actions);
    }

    /**
     * Named, weighted user features for the hybrid recommender: {@code social:affinity:<PRODUCT_TYPE>},
     * {@code social:life_event:<event>}, {@code social:action:<action>} (each squashed to (0, 1] as
     * {@code 1 - exp(-score)}), plus {@code social:sentiment} (mean compound) and {@code social:churn_risk}.
     */
    public Map<String, Double> userFeatures() {
        Map<String, Double> f = new LinkedHashMap<>();
        for (ProductAffinity a : affinities) f.put("social:affinity:" + a.productType().name(), squash(a.score()));
        Map<String, Double> events = new LinkedHashMap<>();
        for (PostSignals p : posts) {
            p.keywords().forEach(k -> {
                if (k.category() == io.finrec.nlp.keywords.KeywordCategory.LIFE_EVENT)
                    events.merge(k.canonical(), p.weight(), Double::sum);
            });
        }
        events.forEach((e, w) -> f.put("social:life_event:" + e, squash(w)));
        for (ServiceAction a : actions) f.put("social:action:" + a.action(), squash(a.score()));
        if (!posts.isEmpty()) {
            f.put("social:sentiment", meanSentiment);
            f.put("social:churn_risk", churnRisk);
        }
        return f;
    }

    private static double squash(double s) {
        return 1 - Math.exp(-s);
    }
}
