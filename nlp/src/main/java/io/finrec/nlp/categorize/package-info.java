/**
 * FinRec's transaction categorizer: raw bank-statement descriptions (plus amount, MCC and recurrence) to spending
 * categories with calibrated probabilities, top-3 and a cleaned merchant name.
 *
 * <p>{@link io.finrec.nlp.categorize.CategorizerModel} implements
 * {@link io.finrec.api.categorize.TransactionCategorizer} (the default model: {@code CategorizerModel.builtin()});
 * {@link io.finrec.nlp.categorize.CategorizerTrainer} trains one with DJL from labelled transactions
 * ({@link io.finrec.nlp.categorize.CategorizationData} reads CSV files and the built-in bank) and measures accuracy
 * on merchants held out of training; {@link io.finrec.nlp.categorize.OverrideRules} are the bank's exact rules.
 * Sub-packages: {@code text} (normalisation), {@code knowledge} (merchant directory, cue words, MCC table),
 * {@code features} (hashed features), {@code eval} (evaluation). See docs/categorizer.md.
 */
package io.finrec.nlp.categorize;
