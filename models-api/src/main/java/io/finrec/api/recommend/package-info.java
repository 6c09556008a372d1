/**
 * The recommender contract: {@link io.finrec.api.recommend.Recommender} models trained by
 * {@link io.finrec.api.recommend.RecommenderTrainer}s from {@link io.finrec.api.recommend.Interactions}, queried
 * with exclusions, candidates and filters in the call.
 */
package io.finrec.api.recommend;
