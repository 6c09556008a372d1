package io.finrec.nlp.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link MessageParser} read from a customer's message. Immutable and thread-safe.
 *
 * @param intents intents cued by the message, strongest first (empty when no cue was found)
 * @param amount  the largest amount of money mentioned, if any
 * @param horizon the first time horizon mentioned, if any
 * @param urgent  whether the message reports a lost or stolen card, fraud or a locked account, which a product
 *                cannot fix (the reply then starts with what to do right away)
 */
public record ParsedMessage(List<Intent> intents, Optional<AmountMention> amount, Optional<HorizonMention> horizon,
                            boolean urgent) {
    public ParsedMessage {
        intents = List.copyOf(Objects.requireNonNull(intents, "intents"));
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(horizon, "horizon");
    }

    /** The intents as a set. */
    public Set<Intent> intentSet() {
        return Set.copyOf(intents);
    }
}
