/** The {@code finrec-spark} command line ({@link io.finrec.recsys.spark.cli.FinrecSpark}), runnable with spark-submit. */
package io.finrec.recsys.spark.cli;
