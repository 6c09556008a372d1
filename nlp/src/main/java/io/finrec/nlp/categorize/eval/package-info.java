/**
 * Evaluation of transaction categorizers: {@link io.finrec.nlp.categorize.eval.CategorizerEvaluation} computes
 * accuracy, macro-F1, coverage at the uncategorised threshold, calibration error and the confusion matrix
 * ({@link io.finrec.nlp.categorize.eval.EvaluationReport}). Accuracy on merchants held out of training comes from
 * {@link io.finrec.nlp.categorize.CategorizerTrainer#crossValidate}.
 */
package io.finrec.nlp.categorize.eval;
