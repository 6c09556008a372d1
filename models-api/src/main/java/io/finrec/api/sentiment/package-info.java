/** The sentiment contract: {@link io.finrec.api.sentiment.SentimentScorer} and {@link io.finrec.api.sentiment.SentimentScore}. */
package io.finrec.api.sentiment;
