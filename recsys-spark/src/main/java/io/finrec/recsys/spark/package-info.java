/**
 * FinRec's hybrid recommender on Apache Spark 3.5: {@link io.finrec.recsys.spark.SparkSupport} (sessions and the
 * Java 17 flags), batch scoring ({@code score}), data preparation ({@code prepare}), experimental distributed
 * training ({@code train}), the Spark ALS baseline ({@code als}) and the {@code finrec-spark} command line
 * ({@code cli}). Spark is a provided dependency: nothing here ships Spark jars to applications.
 */
package io.finrec.recsys.spark;
