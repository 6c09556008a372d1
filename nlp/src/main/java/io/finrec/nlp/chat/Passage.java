package io.finrec.nlp.chat;

import io.finrec.core.util.Checks;
import java.util.Objects;

/**
 * One passage of the chat knowledge base: a few sentences about one product. Immutable and thread-safe.
 *
 * @param id        unique id, e.g. {@code "P-SAV#fees"}
 * @param productId the product it describes
 * @param kind      what it says
 * @param text      the text that is embedded and shown to the customer
 */
public record Passage(String id, String productId, PassageKind kind, String text) {
    public Passage {
        Checks.id(id, "id");
        Checks.id(productId, "productId");
        Objects.requireNonNull(kind, "kind");
        Checks.text(text, "text");
    }
}
