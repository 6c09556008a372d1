package io.finrec.nlp.chat;

import io.finrec.core.domain.Product;
import java.util.List;
import java.util.Objects;

/**
 * A recommended product with the evidence for it. Immutable and thread-safe.
 *
 * @param product        the product (one the customer is eligible for and does not hold)
 * @param score          ranking score: {@code similarity} plus the intent bonus minus the horizon penalty (see
 *                       {@link ChatConfig}); comparable within one reply, not across replies
 * @param similarity     best cosine similarity between the message and one of the product's passages
 * @param matchedIntents the message's intents this product's family serves
 * @param passages       the product's passages that matched, best first
 */
public record ProductMatch(Product product, double score, double similarity, List<Intent> matchedIntents,
                           List<PassageMatch> passages) {
    public ProductMatch {
        Objects.requireNonNull(product, "product");
        matchedIntents = List.copyOf(matchedIntents);
        passages = List.copyOf(passages);
    }
}
