package io.finrec.nlp.speech;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Mono audio as floats in [-1, 1], read from WAV (PCM 8 to 32 bit, any rate, any channel count, averaged to mono) and
 * written as the 16 kHz 16-bit mono WAV speech recognisers expect. Resampling is band-limited (windowed-sinc
 * interpolation with a Hann window and the cut-off below the lower Nyquist frequency), so downsampling does not alias.
 * Immutable once built; thread-safe.
 */
final class PcmAudio {
    static final int TARGET_RATE = 16_000;
    private static final int HALF_TAPS = 16;

    final float[] samples;
    final int sampleRate;

    PcmAudio(float[] samples, int sampleRate) {
        this.samples = samples;
        this.sampleRate = sampleRate;
    }

    double seconds() {
        return samples.length / (double) sampleRate;
    }

    /**
     * Reads a PCM WAV file.
     *
     * @throws IOException naming the file when it is not PCM audio Java can parse, is empty or longer than the limit
     */
    static PcmAudio read(Path file, double maxSeconds) throws IOException {
        if (!Files.isRegularFile(file)) throw new java.nio.file.NoSuchFileException(file.toString());
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
            AudioFormat f = in.getFormat();
            AudioFormat.Encoding enc = f.getEncoding();
            boolean signed = enc.equals(AudioFormat.Encoding.PCM_SIGNED);
            if (!signed && !enc.equals(AudioFormat.Encoding.PCM_UNSIGNED))
                throw new IOException(file + ": " + enc + " audio is not supported; use PCM WAV");
            int bytes = f.getSampleSizeInBits() / 8;
            int channels = f.getChannels();
            int rate = Math.round(f.getSampleRate());
            if (bytes < 1 || bytes > 4 || f.getSampleSizeInBits() % 8 != 0 || channels < 1 || rate < 4000)
                throw new IOException(file + ": unsupported PCM format " + f);
            long frames = in.getFrameLength();
            if (frames != AudioSystem.NOT_SPECIFIED && frames > maxSeconds * rate)
                throw new IOException(file + ": " + Math.round(frames / (double) rate) + " s of audio, above the limit of "
                        + Math.round(maxSeconds) + " s");
            byte[] data = in.readAllBytes();
            int frameBytes = bytes * channels;
            int n = data.length / frameBytes;
            if (n == 0) throw new IOException(file + ": the audio is empty");
            if (n > maxSeconds * rate)
                throw new IOException(file + ": " + Math.round(n / (double) rate) + " s of audio, above the limit of "
                        + Math.round(maxSeconds) + " s");
            float[] mono = new float[n];
            double scale = 1.0 / (1L << (8 * bytes - 1));
            boolean big = f.isBigEndian();
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    int off = i * frameBytes + c * bytes;
                    long v = 0;
                    for (int b = 0; b < bytes; b++) {
                        int idx = big ? off + b : off + bytes - 1 - b;
                        v = (v << 8) | (data[idx] & 0xFF);
                    }
                    if (signed) v = (v << (64 - 8 * bytes)) >> (64 - 8 * bytes); // sign-extend
                    else v -= 1L << (8 * bytes - 1);
                    sum += v * scale;
                }
                mono[i] = (float) (sum / channels);
            }
            return new PcmAudio(mono, rate);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + ": not a WAV file this reader supports (" + e.getMessage() + ")", e);
        }
    }

    /** This audio at another sample rate (band-limited windowed-sinc interpolation). */
    PcmAudio resample(int targetRate) {
        if (targetRate == sampleRate) return this;
        double ratio = targetRate / (double) sampleRate;
        double cutoff = 0.95 * Math.min(1.0, ratio); // fraction of the input Nyquist
        int outLength = (int) Math.floor(samples.length * ratio);
        float[] out = new float[outLength];
        double halfWidth = HALF_TAPS / Math.min(1.0, ratio);
        for (int i = 0; i < outLength; i++) {
            double t = i / ratio;
            int lo = (int) Math.ceil(t - halfWidth), hi = (int) Math.floor(t + halfWidth);
            double acc = 0;
            for (int k = Math.max(0, lo); k <= Math.min(samples.length - 1, hi); k++) {
                double x = t - k;
                double sinc = x == 0 ? cutoff : Math.sin(Math.PI * cutoff * x) / (Math.PI * x);
                double window = 0.5 * (1 + Math.cos(Math.PI * x / halfWidth));
                acc += samples[k] * sinc * window;
            }
            out[i] = (float) acc;
        }
        return new PcmAudio(out, targetRate);
    }

    /** Writes 16-bit mono little-endian PCM WAV. */
    void writeWav16(Path file) throws IOException {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream(samples.length * 2);
        for (float s : samples) {
            int v = (int) Math.round(Math.max(-1.0, Math.min(1.0, s)) * 32767);
            pcm.write(v & 0xFF);
            pcm.write((v >> 8) & 0xFF);
        }
        byte[] body = pcm.toByteArray();
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(os)) {
            out.writeBytes("RIFF");
            out.writeInt(Integer.reverseBytes(36 + body.length));
            out.writeBytes("WAVEfmt ");
            out.writeInt(Integer.reverseBytes(16));
            out.writeShort(Short.reverseBytes((short) 1)); // PCM
            out.writeShort(Short.reverseBytes((short) 1)); // mono
            out.writeInt(Integer.reverseBytes(sampleRate));
            out.writeInt(Integer.reverseBytes(sampleRate * 2));
            out.writeShort(Short.reverseBytes((short) 2));
            out.writeShort(Short.reverseBytes((short) 16));
            out.writeBytes("data");
            out.writeInt(Integer.reverseBytes(body.length));
            out.write(body);
        }
    }
}
