/**
 * Memory-based recommenders behind the same contract: user-based collaborative filtering
 * ({@link io.finrec.recsys.cf.UserKnnTrainer}, cosine or Jaccard neighbourhoods through an inverted index) and the
 * {@link io.finrec.recsys.cf.PopularityModel} baseline.
 */
package io.finrec.recsys.cf;
