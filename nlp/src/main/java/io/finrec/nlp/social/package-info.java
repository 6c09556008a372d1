/**
 * Social-signal recommendations: {@link io.finrec.nlp.social.SocialSignalAnalyzer} turns a customer's posts into
 * sentiment, financial keywords and life events, then into product-type affinities and service actions with
 * reasons ({@link io.finrec.nlp.social.SocialProfile}), also exposed as named, weighted user features for the
 * hybrid recommender.
 */
package io.finrec.nlp.social;
