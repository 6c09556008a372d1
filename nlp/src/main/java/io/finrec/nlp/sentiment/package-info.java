/**
 * Sentiment scorers implementing {@link io.finrec.api.sentiment.SentimentScorer}:
 * {@link io.finrec.nlp.sentiment.VaderSentiment}, an exact and fast Java port of VADER (vaderSentiment 3.3.2),
 * and the learned finance-post classifier (bearish / neutral / bullish) trained with DJL.
 */
package io.finrec.nlp.sentiment;
