/**
 * Evaluation of recommenders: LightFM-compatible ranking metrics ({@link io.finrec.recsys.eval.RankingEvaluator}),
 * train/test splitters ({@link io.finrec.recsys.eval.Splits}) and diversity re-ranking
 * ({@link io.finrec.recsys.eval.MmrReranker}).
 */
package io.finrec.recsys.eval;
