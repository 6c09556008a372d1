/**
 * Chat recommendations: {@link io.finrec.nlp.chat.ChatRecommender} answers a customer's free-text message with the
 * products that fit, using a {@link io.finrec.nlp.chat.KnowledgeBase} of product passages, the
 * {@link io.finrec.api.vector.VectorIndex} contract (eligibility filtered inside the search),
 * {@link io.finrec.nlp.chat.MessageParser} for intents, amounts and horizons, and an optional sentiment scorer to
 * soften replies. {@link io.finrec.nlp.chat.ChatEvaluation} measures hit@3 and MRR on a shipped evaluation set.
 */
package io.finrec.nlp.chat;
