/**
 * Financial keyword extraction from posts and chat messages: {@link io.finrec.nlp.keywords.KeywordExtractor}
 * finds products, life events, intents and horizons from a curated vocabulary (multi-word phrases, simple
 * lemmatisation), plus tickers/cashtags, money amounts with currencies, and numeric horizons.
 */
package io.finrec.nlp.keywords;
