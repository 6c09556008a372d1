/**
 * Spark ML's implicit ALS as a FinRec {@link io.finrec.api.recommend.Recommender} ({@link
 * io.finrec.recsys.spark.als.SparkAls}, {@link io.finrec.recsys.spark.als.AlsModel}): a baseline to compare the
 * hybrid model with under the same evaluator, not a production path (no side features, no cold start).
 */
package io.finrec.recsys.spark.als;
