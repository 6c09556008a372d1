package io.finrec.examples.recommend;

import io.finrec.api.recommend.RecommendedItem;
import io.finrec.core.domain.SocialPost;
import io.finrec.nlp.social.PostSignals;
import io.finrec.nlp.social.ProductAffinity;
import io.finrec.nlp.social.Reason;
import io.finrec.nlp.social.SocialProfile;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Products a customer's social posts point to: each product-type affinity of their {@link SocialProfile} (from
 * sentiment, keywords and life events) becomes the product of that type the hybrid model ranks highest for them —
 * among those they don't hold and are eligible for — with the posts that triggered it as reasons. Stateless.
 */
public final class SocialRecommendations {
    private SocialRecommendations() {}

    /** Up to {@code k} products, strongest affinity first, one per product type. */
    public static List<ProductRecommendation> of(SocialProfile profile, BankRecommender rec, int k) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(rec, "rec");
        Map<String, SocialPost> posts = new HashMap<>();
        for (PostSignals p : profile.posts()) posts.put(p.post().id(), p.post());
        List<ProductRecommendation> out = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        for (ProductAffinity a : profile.affinities()) {
            if (out.size() == k) break;
            Set<String> candidates = new LinkedHashSet<>(rec.productsOfType(a.productType()));
            candidates.removeAll(taken);
            if (candidates.isEmpty()) continue;
            List<RecommendedItem> best = rec.rankAmong(profile.customerId(), candidates, 1);
            if (best.isEmpty()) continue;
            String id = best.get(0).itemId();
            taken.add(id);
            List<String> reasons = new ArrayList<>();
            for (Reason r : a.reasons()) {
                SocialPost p = posts.get(r.postId());
                reasons.add(p == null ? r.text() : String.format(Locale.ROOT, "%s (%s)", r.text(),
                        p.time().atOffset(ZoneOffset.UTC).toLocalDate()));
                if (reasons.size() == 3) break;
            }
            out.add(new ProductRecommendation(id, rec.name(id), a.score(), "social", reasons));
        }
        return out;
    }
}
