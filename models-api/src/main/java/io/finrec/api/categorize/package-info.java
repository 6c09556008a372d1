/**
 * The transaction-categorizer contract: {@link io.finrec.api.categorize.TransactionCategorizer}, what it reads
 * ({@link io.finrec.api.categorize.CategorizationInput}), what it answers
 * ({@link io.finrec.api.categorize.CategoryPrediction}, {@link io.finrec.api.categorize.CategoryScore}), labelled
 * data for training, evaluation and corrections ({@link io.finrec.api.categorize.CategorizationExample}) and the
 * bank's own category names and hierarchy ({@link io.finrec.api.categorize.Taxonomy}). Free of engine types; the
 * implementation lives in {@code io.finrec.nlp.categorize}.
 */
package io.finrec.api.categorize;
