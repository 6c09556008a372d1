/**
 * Statement-description normalisation: {@link io.finrec.nlp.categorize.text.DescriptionNormalizer} splits a raw
 * description into classified tokens, recognises statement-format prefixes and payment processors, and finds the
 * merchant between them and the trailing noise (store numbers, references, city and state from
 * {@link io.finrec.nlp.categorize.text.Places}).
 */
package io.finrec.nlp.categorize.text;
