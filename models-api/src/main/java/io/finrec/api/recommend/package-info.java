/**
 * The recommender contract. {@link io.finrec.api.recommend.Recommender} models (and the hybrid, feature-based
 * {@link io.finrec.api.recommend.HybridRecommender}) are trained by
 * {@link io.finrec.api.recommend.RecommenderTrainer}s from {@link io.finrec.api.recommend.TrainingData}
 * ({@link io.finrec.api.recommend.Interactions} plus named {@link io.finrec.api.recommend.FeatureMatrix} features)
 * and queried with exclusions, candidates, filters and bias settings in the call
 * ({@link io.finrec.api.recommend.RecommendQuery}). Engine-free: implementations live in the {@code recsys} module.
 */
package io.finrec.api.recommend;
