/**
 * Voice messages to text, offline: the {@link io.finrec.nlp.speech.SpeechTranscriber} SPI and
 * {@link io.finrec.nlp.speech.PocketSphinxTranscriber}, which runs Debian's CMU PocketSphinx with its en-us model.
 */
package io.finrec.nlp.speech;
