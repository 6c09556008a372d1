package io.finrec.nlp.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link MessageParser} read from a customer's message. Immutable and thread-safe.
 *
 * @param intents intents cued by the message, strongest first (empty when no cue was found)
 * @param needs   the intents whose products the message states a need for on its own, not only as context
 *                ("use my card abroad" states TRAVEL; "declined at the airport" cues TRAVEL but states nothing), in
 *                {@link Intent} order
 * @param amount  the largest amount of money mentioned, if any
 * @param horizon the first time horizon mentioned, if any
 * @param support problems the message reports that a product cannot fix (declined card, fraud, lost or stolen card,
 *                locked account, complaint about the service), in {@link SupportIssue} order; the reply then starts
 *                with what to do about them
 */
public record ParsedMessage(List<Intent> intents, List<Intent> needs, Optional<AmountMention> amount,
                            Optional<HorizonMention> horizon, List<SupportIssue> support) {
    public ParsedMessage {
        intents = List.copyOf(Objects.requireNonNull(intents, "intents"));
        needs = List.copyOf(Objects.requireNonNull(needs, "needs"));
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(horizon, "horizon");
        support = List.copyOf(Objects.requireNonNull(support, "support"));
    }

    /** The intents as a set. */
    public Set<Intent> intentSet() {
        return Set.copyOf(intents);
    }

    /** Whether the message reports a support problem (see {@link #support()}). */
    public boolean isSupportRequest() {
        return !support.isEmpty();
    }

    /**
     * Whether the message reports a card or account that may be compromised or blocked (fraud, lost or stolen card,
     * locked account, declined card): a {@link SupportIssue#urgent() urgent} issue.
     */
    public boolean urgent() {
        for (SupportIssue s : support) if (s.urgent()) return true;
        return false;
    }
}
