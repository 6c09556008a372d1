package io.finrec.nlp.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcmAudioTest {
    /** Writes a WAV of a sine (left) and its negation (right, when stereo). */
    static Path sineWav(Path file, int rate, int bits, int channels, boolean signed, double hz, double seconds)
            throws IOException {
        int n = (int) (rate * seconds), bytes = bits / 8;
        byte[] data = new byte[n * channels * bytes];
        for (int i = 0; i < n; i++) {
            double s = 0.5 * Math.sin(2 * Math.PI * hz * i / rate);
            for (int c = 0; c < channels; c++) {
                double v = channels == 2 && c == 1 ? 0.5 * s : s;
                long q = Math.round(v * ((1L << (bits - 1)) - 1));
                if (!signed) q += 1L << (bits - 1);
                for (int b = 0; b < bytes; b++) data[(i * channels + c) * bytes + b] = (byte) (q >> (8 * b));
            }
        }
        AudioFormat f = new AudioFormat(signed ? AudioFormat.Encoding.PCM_SIGNED : AudioFormat.Encoding.PCM_UNSIGNED,
                rate, bits, channels, bytes * channels, rate, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(data), f, n), AudioFileFormat.Type.WAVE,
                file.toFile());
        return file;
    }

    /** Frequency estimated from zero crossings. */
    static double frequency(PcmAudio a) {
        int crossings = 0;
        for (int i = 1; i < a.samples.length; i++) if ((a.samples[i - 1] < 0) != (a.samples[i] < 0)) crossings++;
        return crossings / 2.0 / a.seconds();
    }

    static double rms(PcmAudio a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += a.samples[i] * a.samples[i];
        return Math.sqrt(s / (to - from));
    }

    @Test
    void resamplingKeepsPitchAndLoudness(@TempDir Path dir) throws Exception {
        PcmAudio in = PcmAudio.read(sineWav(dir.resolve("a.wav"), 44_100, 16, 2, true, 440, 1.0), 60);
        assertEquals(44_100, in.sampleRate);
        PcmAudio out = in.resample(16_000);
        assertEquals(16_000, out.samples.length, 1);
        assertEquals(440, frequency(out), 3);
        // stereo (1.0 and 0.5 of the sine) averages to 0.75 × 0.5 amplitude: RMS 0.375 / √2
        assertEquals(0.375 / Math.sqrt(2), rms(out, 1000, 15000), 0.005);
        PcmAudio up = PcmAudio.read(sineWav(dir.resolve("b.wav"), 8_000, 8, 1, false, 300, 0.5), 60).resample(16_000);
        assertEquals(300, frequency(up), 3);
        assertEquals(0.5 / Math.sqrt(2), rms(up, 500, 7500), 0.01);
    }

    @Test
    void downsamplingRemovesWhatCannotBeRepresented(@TempDir Path dir) throws Exception {
        // 10 kHz is above the 8 kHz Nyquist of 16 kHz audio: it must be filtered out, not folded to 6 kHz
        PcmAudio out = PcmAudio.read(sineWav(dir.resolve("hi.wav"), 44_100, 16, 1, true, 10_000, 0.5), 60).resample(16_000);
        assertTrue(rms(out, 500, 7500) < 0.01, "aliased energy " + rms(out, 500, 7500));
    }

    @Test
    void writesA16kMonoWavThatReadsBack(@TempDir Path dir) throws Exception {
        PcmAudio a = PcmAudio.read(sineWav(dir.resolve("a.wav"), 22_050, 16, 1, true, 500, 0.3), 60).resample(16_000);
        Path out = dir.resolve("out.wav");
        a.writeWav16(out);
        PcmAudio back = PcmAudio.read(out, 60);
        assertEquals(16_000, back.sampleRate);
        assertEquals(a.samples.length, back.samples.length);
        assertEquals(a.samples[1234], back.samples[1234], 1e-4);
    }

    @Test
    void badFilesNameTheFile(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.wav"), "this is not audio");
        IOException e = assertThrows(IOException.class, () -> PcmAudio.read(text, 60));
        assertTrue(e.getMessage().startsWith(text.toString()) && e.getMessage().contains("not a WAV"), e.getMessage());
        Path empty = sineWav(dir.resolve("empty.wav"), 16_000, 16, 1, true, 100, 0);
        assertTrue(assertThrows(IOException.class, () -> PcmAudio.read(empty, 60)).getMessage().contains("empty"));
        Path longer = sineWav(dir.resolve("long.wav"), 8_000, 16, 1, true, 100, 3);
        assertTrue(assertThrows(IOException.class, () -> PcmAudio.read(longer, 2)).getMessage().contains("above the limit"));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> PcmAudio.read(dir.resolve("missing.wav"), 60));
    }
}
