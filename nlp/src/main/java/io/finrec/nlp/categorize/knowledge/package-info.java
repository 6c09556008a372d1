/**
 * The categorizer's editable world knowledge: the {@link io.finrec.nlp.categorize.knowledge.MerchantDirectory}
 * (about 2,800 US merchants, billers, payroll processors and payment services with their statement aliases), the
 * {@link io.finrec.nlp.categorize.knowledge.CueLexicon} (category cue words) and the
 * {@link io.finrec.nlp.categorize.knowledge.MccTable}, bundled as a
 * {@link io.finrec.nlp.categorize.knowledge.KnowledgeBase}. Each loads from a plain-text resource in the same
 * format a bank uses to extend it.
 */
package io.finrec.nlp.categorize.knowledge;
