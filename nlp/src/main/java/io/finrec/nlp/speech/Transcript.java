package io.finrec.nlp.speech;

import java.util.Objects;

/**
 * What a {@link SpeechTranscriber} heard. Immutable and thread-safe.
 *
 * @param text           the recognised words, lower case for pocketsphinx; empty when nothing was recognised
 * @param audioSeconds   duration of the audio
 * @param elapsedSeconds wall-clock time the recognition took
 * @param engine         the recogniser's {@link SpeechTranscriber#name()}
 */
public record Transcript(String text, double audioSeconds, double elapsedSeconds, String engine) {
    public Transcript {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(engine, "engine");
    }
}
