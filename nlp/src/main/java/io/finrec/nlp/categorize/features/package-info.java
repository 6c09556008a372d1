/**
 * What the categorizer's model sees: {@link io.finrec.nlp.categorize.features.Evidence} (normalised text, knowledge
 * findings, MCC, amount, {@link io.finrec.nlp.categorize.features.Recurrence}) hashed into sparse vectors by
 * {@link io.finrec.nlp.categorize.features.TransactionFeatures} under a
 * {@link io.finrec.nlp.categorize.features.FeatureConfig}.
 */
package io.finrec.nlp.categorize.features;
