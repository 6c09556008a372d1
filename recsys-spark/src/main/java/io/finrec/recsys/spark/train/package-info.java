/**
 * Experimental distributed training of the hybrid model on Spark ({@link
 * io.finrec.recsys.spark.train.DistributedHybridTrainer}): user-partitioned SGD with item and shared-feature
 * parameters merged across partitions after every round.
 */
package io.finrec.recsys.spark.train;
