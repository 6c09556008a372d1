package io.finrec.nlp.categorize.features;

import io.finrec.core.util.Checks;
import io.finrec.nlp.categorize.knowledge.KnowledgeBase;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything known about one transaction before the model weighs it: the normalised description, what the
 * knowledge base found, the MCC, the signed amount and recurrence. Immutable and thread-safe.
 *
 * @param text       the normalised description
 * @param findings   directory match, cue hits and MCC category
 * @param mcc        the raw MCC, when present
 * @param amount     the signed amount (negative = debit), when known
 * @param recurrence recurrence at this merchant for this customer
 */
public record Evidence(NormalizedDescription text, KnowledgeBase.Findings findings, OptionalInt mcc,
                       Optional<BigDecimal> amount, Recurrence recurrence) {
    public Evidence {
        Checks.notNull(text, "text");
        Checks.notNull(findings, "findings");
        Checks.notNull(mcc, "mcc");
        Checks.notNull(amount, "amount");
        Checks.notNull(recurrence, "recurrence");
    }

    /** A copy without the directory match (used to train the model to work without it). */
    public Evidence withoutDirectory() {
        return new Evidence(text, new KnowledgeBase.Findings(Optional.empty(), findings.cues(), findings.mccCategory()),
                mcc, amount, recurrence);
    }
}
