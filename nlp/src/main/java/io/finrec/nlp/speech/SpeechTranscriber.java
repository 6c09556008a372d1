package io.finrec.nlp.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns a recorded voice message into text, offline. Implementations wrap a recogniser that may or may not be
 * installed on the machine: check {@link #unavailableReason()} first (the CLI and tests report it and carry on).
 * Implementations are thread-safe unless their javadoc says otherwise.
 */
public interface SpeechTranscriber {
    /** A short name of the recogniser, e.g. {@code "pocketsphinx"}. */
    String name();

    /** Empty when the recogniser can run here; otherwise why not, in words a user can act on. */
    Optional<String> unavailableReason();

    /**
     * Transcribes an audio file.
     *
     * @param audio a WAV file (PCM, any sample rate, mono or stereo; implementations document other formats)
     * @return the recognised text (possibly empty when nothing was heard) with timing
     * @throws IOException              if the file cannot be read or is not supported audio (the message names the
     *                                  file), or the recogniser fails
     * @throws IllegalStateException    if the recogniser is unavailable ({@link #unavailableReason()} says why)
     */
    Transcript transcribe(Path audio) throws IOException;
}
