package io.finrec.nlp.categorize.knowledge;

import io.finrec.core.util.Checks;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The world knowledge a categorizer brings beyond its training data: the merchant directory, the category cue
 * lexicon and the MCC table. A trained model stores its knowledge base in its file, so a saved model always
 * categorizes the same way; {@code CategorizerModel.withKnowledge} swaps in an edited one without retraining.
 * Immutable and thread-safe.
 *
 * @param directory well-known merchants and their aliases
 * @param cues      category cue words
 * @param mcc       merchant category codes
 */
public record KnowledgeBase(MerchantDirectory directory, CueLexicon cues, MccTable mcc) {
    public KnowledgeBase {
        Checks.notNull(directory, "directory");
        Checks.notNull(cues, "cues");
        Checks.notNull(mcc, "mcc");
    }

    /** The built-in directory, cues and MCC table. */
    public static KnowledgeBase builtin() {
        return new KnowledgeBase(MerchantDirectory.builtin(), CueLexicon.builtin(), MccTable.builtin());
    }

    /** No knowledge at all: the model learns from its training data alone. */
    public static KnowledgeBase none() {
        return new KnowledgeBase(MerchantDirectory.empty(), CueLexicon.empty(), MccTable.empty());
    }

    /** A copy with another directory. */
    public KnowledgeBase withDirectory(MerchantDirectory d) {
        return new KnowledgeBase(d, cues, mcc);
    }

    /** A copy with another cue lexicon. */
    public KnowledgeBase withCues(CueLexicon c) {
        return new KnowledgeBase(directory, c, mcc);
    }

    /** A copy with another MCC table. */
    public KnowledgeBase withMcc(MccTable m) {
        return new KnowledgeBase(directory, cues, m);
    }

    /**
     * What the knowledge says about one description.
     *
     * @param merchant    the directory match, if any
     * @param cues        cue hits
     * @param mccCategory the category of the MCC, if present and mapped
     */
    public record Findings(Optional<MerchantDirectory.Match> merchant, CueLexicon.Hits cues,
                           Optional<String> mccCategory) {}

    /** Looks a description (and its MCC) up. */
    public Findings lookup(NormalizedDescription d, OptionalInt mccCode) {
        Optional<String> m = mccCode.isPresent() ? mcc.categoryOf(mccCode.getAsInt()) : Optional.empty();
        return new Findings(directory.match(d), cues.match(d), m);
    }
}
