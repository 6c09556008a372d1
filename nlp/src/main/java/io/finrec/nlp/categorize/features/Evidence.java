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

    /** True when an MCC, an amount or a recurrence is known. */
    public boolean hasBankSignals() {
        return mcc.isPresent() || amount.isPresent() || recurrence.period() != Recurrence.Period.NONE;
    }

    /** A copy without some of the bank's signals (used to train the model to work from the description alone). */
    public Evidence without(boolean dropMcc, boolean dropAmount, boolean dropRecurrence) {
        KnowledgeBase.Findings f = dropMcc
                ? new KnowledgeBase.Findings(findings.merchant(), findings.cues(), Optional.empty()) : findings;
        return new Evidence(text, f, dropMcc ? OptionalInt.empty() : mcc, dropAmount ? Optional.empty() : amount,
                dropRecurrence ? Recurrence.NONE : recurrence);
    }

    /** A copy without the directory match (used to train the model to work without it). */
    public Evidence withoutDirectory() {
        return new Evidence(text, new KnowledgeBase.Findings(Optional.empty(), findings.cues(), findings.mccCategory()),
                mcc, amount, recurrence);
    }
}
