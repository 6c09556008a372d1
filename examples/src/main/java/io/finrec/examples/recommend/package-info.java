/**
 * Product recommendations for the bank's customers: features from the bank's data
 * ({@link io.finrec.examples.recommend.BankFeatures}), the hybrid model and user-based collaborative filtering
 * trained on holdings and product interactions ({@link io.finrec.examples.recommend.BankRecommenderTrainer}), served
 * with held and ineligible products excluded and reasons attached ({@link io.finrec.examples.recommend.BankRecommender}),
 * and evaluated offline on a time split ({@link io.finrec.examples.recommend.RecommendationEvaluation}).
 */
package io.finrec.examples.recommend;
