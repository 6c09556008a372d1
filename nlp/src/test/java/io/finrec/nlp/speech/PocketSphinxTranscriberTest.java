package io.finrec.nlp.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** End to end on a WAV espeak-ng made from a known sentence; skipped (with the reason) where PocketSphinx is absent. */
class PocketSphinxTranscriberTest {
    static final String SENTENCE = "I want to save money for my daughter's college without much risk";

    static Path wav() throws Exception {
        return Path.of(PocketSphinxTranscriberTest.class.getResource("save-for-college.wav").toURI());
    }

    /** Word error rate: word-level edit distance over the reference length. */
    static double wordErrorRate(String reference, String hypothesis) {
        String[] r = reference.toLowerCase().split("\\s+"), h = hypothesis.toLowerCase().split("\\s+");
        if (hypothesis.isBlank()) h = new String[0];
        int[][] d = new int[r.length + 1][h.length + 1];
        for (int i = 0; i <= r.length; i++) d[i][0] = i;
        for (int j = 0; j <= h.length; j++) d[0][j] = j;
        for (int i = 1; i <= r.length; i++)
            for (int j = 1; j <= h.length; j++)
                d[i][j] = Math.min(Math.min(d[i - 1][j], d[i][j - 1]) + 1, d[i - 1][j - 1] + (r[i - 1].equals(h[j - 1]) ? 0 : 1));
        return d[r.length][h.length] / (double) r.length;
    }

    @Test
    void transcribesTheKnownSentence() throws Exception {
        PocketSphinxTranscriber ps = PocketSphinxTranscriber.create();
        Optional<String> why = ps.unavailableReason();
        Assumptions.assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
        Transcript t = ps.transcribe(wav());
        double wer = wordErrorRate(SENTENCE, t.text());
        System.out.printf("pocketsphinx: \"%s\" (WER %.2f, %.1f s of audio in %.1f s)%n", t.text(), wer,
                t.audioSeconds(), t.elapsedSeconds());
        assertEquals("pocketsphinx", t.engine());
        assertEquals(4.0, t.audioSeconds(), 1.5);
        List<String> words = Arrays.asList(t.text().split(" "));
        assertTrue(words.containsAll(List.of("save", "money")), t.text());
        assertTrue(wer <= 0.5, "WER " + wer + ": " + t.text());
    }

    @Test
    void reportsWhatIsMissing() throws Exception {
        PocketSphinxTranscriber none = PocketSphinxTranscriber.builder().executable(Path.of("/nonexistent/pocketsphinx"))
                .build();
        assertTrue(none.unavailableReason().orElseThrow().contains("apt-get install pocketsphinx"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> none.transcribe(wav()));
        assertTrue(e.getMessage().startsWith("pocketsphinx is unavailable"), e.getMessage());
        PocketSphinxTranscriber noModel = PocketSphinxTranscriber.builder().modelDir(Path.of("/nonexistent/model"))
                .build();
        assertTrue(noModel.unavailableReason().isPresent());
        assertThrows(IllegalArgumentException.class, () -> PocketSphinxTranscriber.builder().maxAudioSeconds(0));
    }
}
