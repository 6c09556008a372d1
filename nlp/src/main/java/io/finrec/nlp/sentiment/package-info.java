/**
 * Sentiment scorers implementing {@link io.finrec.api.sentiment.SentimentScorer}:
 * {@link io.finrec.nlp.sentiment.VaderSentiment}, an exact and fast Java port of VADER (vaderSentiment 3.3.2), and
 * {@link io.finrec.nlp.sentiment.FinanceSentiment}, a learned bearish / neutral / bullish classifier for finance
 * posts trained with DJL ({@link io.finrec.nlp.sentiment.FinanceSentimentConfig},
 * {@link io.finrec.nlp.sentiment.LabeledText}).
 */
package io.finrec.nlp.sentiment;
