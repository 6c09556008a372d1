/**
 * Batch scoring of a FinRec hybrid model over a DataFrame of customers: {@link
 * io.finrec.recsys.spark.score.SparkBatchScorer} (the Spark job), {@link io.finrec.recsys.spark.score.CustomerScorer}
 * (the per-customer work, shared with plain-Java runs), {@link io.finrec.recsys.spark.score.ScoringOptions} and
 * {@link io.finrec.recsys.spark.score.EligibilityTable}.
 */
package io.finrec.recsys.spark.score;
