package io.finrec.api.sentiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores the sentiment of short texts (posts, chat messages). Implementations are immutable and thread-safe
 * unless their javadoc says otherwise.
 */
public interface SentimentScorer {
    /** Scores one text; empty text is neutral. */
    SentimentScore score(String text);

    /** Scores a batch, in order; implementations may batch internally. */
    default List<SentimentScore> scoreAll(List<String> texts) {
        List<SentimentScore> out = new ArrayList<>(texts.size());
        for (String t : texts) out.add(score(t));
        return out;
    }
}
