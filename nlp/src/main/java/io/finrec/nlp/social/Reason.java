package io.finrec.nlp.social;

import java.util.Objects;

/**
 * Why a signal points somewhere: the post it came from, the keyword or sentiment that fired, and a sentence for
 * people. Immutable and thread-safe.
 *
 * @param postId  the post's id
 * @param trigger what fired, e.g. {@code life_event:home_purchase} or {@code sentiment:negative}
 * @param text    explanation, e.g. "posted about buying a home: home insurance protects it"
 */
public record Reason(String postId, String trigger, String text) {
    public Reason {
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(text, "text");
    }
}
