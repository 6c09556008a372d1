/**
 * Ranking utilities shared by every recommender: a primitive bounded {@link io.finrec.recsys.rank.TopK} heap and
 * the {@link io.finrec.recsys.rank.Ranker} that applies a query's exclusions, candidates and filter.
 */
package io.finrec.recsys.rank;
