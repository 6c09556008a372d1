package io.finrec.nlp.social;

import io.finrec.api.sentiment.SentimentScore;
import io.finrec.core.domain.SocialPost;
import io.finrec.nlp.keywords.Keyword;
import java.util.List;
import java.util.Objects;

/**
 * What one post says: its sentiment, keywords and recency weight. Immutable and thread-safe.
 *
 * @param post      the post
 * @param sentiment its sentiment
 * @param keywords  financial keywords found in it
 * @param weight    recency weight in (0, 1] (1 for a post made at the reference time)
 */
public record PostSignals(SocialPost post, SentimentScore sentiment, List<Keyword> keywords, double weight) {
    public PostSignals {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(sentiment, "sentiment");
        keywords = List.copyOf(keywords);
    }
}
