package io.finrec.nlp.chat;

import io.finrec.api.sentiment.SentimentScore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one chat message. Immutable and thread-safe.
 *
 * @param customerId the customer
 * @param message    the message as received
 * @param parsed     intents, amount and horizon read from it
 * @param sentiment  the message's sentiment, when a {@link io.finrec.api.sentiment.SentimentScorer} was configured
 * @param upset      whether the sentiment was at or below {@link ChatConfig#upsetThreshold()} (the reply is softened)
 * @param products   recommended products, best first (empty if nothing fits and is allowed)
 * @param reply      a short reply for the customer
 */
public record ChatReply(String customerId, String message, ParsedMessage parsed, Optional<SentimentScore> sentiment,
                        boolean upset, List<ProductMatch> products, String reply) {
    public ChatReply {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(parsed, "parsed");
        Objects.requireNonNull(sentiment, "sentiment");
        products = List.copyOf(products);
        Objects.requireNonNull(reply, "reply");
    }
}
