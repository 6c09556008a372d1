package io.finrec.nlp.chat;

/** What a knowledge-base passage says about its product. Immutable and thread-safe. */
public enum PassageKind {
    /** What the product is (its name and description). */
    OVERVIEW,
    /** Who the product suits and what it is for. */
    SUITABILITY,
    /** What it costs: fees, rates, minimums. */
    FEES,
    /** What can go wrong: risks, penalties, caveats. */
    RISKS,
    /** Any other question-and-answer passage. */
    FAQ
}
