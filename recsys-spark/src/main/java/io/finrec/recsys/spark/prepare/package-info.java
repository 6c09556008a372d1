/**
 * Data preparation: bank tables (customers, accounts, transactions, interactions, products) to the hybrid model's
 * training inputs — interaction matrix, user and item feature matrices, id maps and vocabularies — on Spark
 * ({@link io.finrec.recsys.spark.prepare.SparkPreparation}) or on one machine ({@link
 * io.finrec.recsys.spark.prepare.LocalPreparation}), with the same rules ({@link
 * io.finrec.recsys.spark.prepare.BankFeatures}) and identical results.
 */
package io.finrec.recsys.spark.prepare;
