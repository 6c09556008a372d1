package io.finrec.nlp.chat;

import java.util.Objects;

/**
 * A knowledge-base passage that matched a message. Immutable and thread-safe.
 *
 * @param passage    the passage
 * @param similarity cosine similarity between the message and the passage, in [-1, 1]
 */
public record PassageMatch(Passage passage, double similarity) {
    public PassageMatch {
        Objects.requireNonNull(passage, "passage");
    }
}
