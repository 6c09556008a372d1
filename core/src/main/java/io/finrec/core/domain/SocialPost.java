package io.finrec.core.domain;

import io.finrec.core.util.Checks;
import java.time.Instant;

/**
 * A public social-media post the customer linked to the bank. Immutable and thread-safe.
 *
 * @param id         post id
 * @param customerId author's customer id
 * @param time       when it was posted (UTC)
 * @param text       the post text, non-blank, at most {@value Checks#MAX_TEXT_LENGTH} characters
 */
public record SocialPost(String id, String customerId, Instant time, String text) {
    public SocialPost {
        Checks.id(id, "id");
        Checks.id(customerId, "customerId");
        Checks.notNull(time, "time");
        Checks.text(text, "text");
    }
}
