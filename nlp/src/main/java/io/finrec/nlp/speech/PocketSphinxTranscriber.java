package io.finrec.nlp.speech;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Offline speech recognition with CMU PocketSphinx, run as a process ({@code pocketsphinx_continuous}, Debian package
 * {@code pocketsphinx}) with its US-English acoustic model, dictionary and general language model (Debian package
 * {@code pocketsphinx-en-us}). Audio is converted in Java to the 16 kHz 16-bit mono WAV the model expects, so any PCM
 * WAV works. Nothing is downloaded.
 *
 * <p>Install on Debian/Ubuntu: {@code apt-get install pocketsphinx pocketsphinx-en-us}. {@link #unavailableReason()}
 * says what is missing. Accuracy: PocketSphinx is a small, old recogniser; on clear speech expect a word error rate of
 * roughly 10 to 30 % (measured 24 % on ten banking sentences synthesised by espeak-ng's klatt3 voice), enough for the
 * chat recommender to find the right products, which depends on a few content words.
 *
 * <p>Thread-safe: each call uses its own temporary files and process.
 */
public final class PocketSphinxTranscriber implements SpeechTranscriber {
    /** Where Debian installs the en-us model. */
    public static final Path DEBIAN_MODEL_DIR = Path.of("/usr/share/pocketsphinx/model/en-us");
    /** The recogniser's executable name, looked up on the PATH by default. */
    public static final String EXECUTABLE = "pocketsphinx_continuous";

    private final Optional<Path> executable;
    private final Path modelDir;
    private final Duration timeout;
    private final double maxAudioSeconds;

    private PocketSphinxTranscriber(Builder b) {
        this.executable = b.executable.isPresent() ? b.executable : findOnPath(EXECUTABLE);
        this.modelDir = b.modelDir;
        this.timeout = b.timeout;
        this.maxAudioSeconds = b.maxAudioSeconds;
    }

    /** The recogniser with the defaults: executable from the PATH, Debian's en-us model, 2-minute timeout. */
    public static PocketSphinxTranscriber create() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "pocketsphinx";
    }

    @Override
    public Optional<String> unavailableReason() {
        if (executable.isEmpty() || !Files.isExecutable(executable.get()))
            return Optional.of(EXECUTABLE + " was not found on the PATH" + executable.map(p -> " (" + p + ")").orElse("")
                    + ": install it with 'apt-get install pocketsphinx pocketsphinx-en-us'");
        for (Path p : List.of(acousticModel(), languageModel(), dictionary()))
            if (!Files.exists(p))
                return Optional.of(p + " is missing: install the en-us model with 'apt-get install pocketsphinx-en-us'"
                        + " or point modelDir at a PocketSphinx en-us model directory");
        return Optional.empty();
    }

    private Path acousticModel() {
        return modelDir.resolve("en-us");
    }

    private Path languageModel() {
        return modelDir.resolve("en-us.lm.bin");
    }

    private Path dictionary() {
        return modelDir.resolve("cmudict-en-us.dict");
    }

    @Override
    public Transcript transcribe(Path audio) throws IOException {
        Objects.requireNonNull(audio, "audio");
        Optional<String> why = unavailableReason();
        if (why.isPresent()) throw new IllegalStateException("pocketsphinx is unavailable: " + why.get());
        long t0 = System.nanoTime();
        PcmAudio pcm = PcmAudio.read(audio, maxAudioSeconds);
        Path tmp = Files.createTempFile("finrec-speech-", ".wav");
        Path log = Files.createTempFile("finrec-speech-", ".log");
        try {
            pcm.resample(PcmAudio.TARGET_RATE).writeWav16(tmp);
            List<String> cmd = List.of(executable.get().toString(), "-infile", tmp.toString(),
                    "-hmm", acousticModel().toString(), "-lm", languageModel().toString(),
                    "-dict", dictionary().toString());
            Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                    new File("/dev/null"))).start();
            byte[] out;
            try {
                out = p.getInputStream().readAllBytes();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(audio + ": pocketsphinx did not finish within " + timeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException(audio + ": interrupted while pocketsphinx was running", e);
            }
            if (p.exitValue() != 0)
                throw new IOException(audio + ": pocketsphinx exited with code " + p.exitValue() + ": " + tail(log));
            List<String> words = new ArrayList<>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank()) words.add(line.trim());
            }
            return new Transcript(String.join(" ", words), pcm.seconds(), (System.nanoTime() - t0) / 1e9, name());
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(log);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> errors = new ArrayList<>();
            for (String l : lines) if (l.startsWith("ERROR") || l.startsWith("FATAL")) errors.add(l);
            List<String> pick = errors.isEmpty() ? lines : errors;
            return String.join(" | ", pick.subList(Math.max(0, pick.size() - 3), pick.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Builds a {@link PocketSphinxTranscriber}. Not thread-safe. */
    public static final class Builder {
        private Optional<Path> executable = Optional.empty();
        private Path modelDir = DEBIAN_MODEL_DIR;
        private Duration timeout = Duration.ofMinutes(2);
        private double maxAudioSeconds = 300;

        private Builder() {}

        /** The {@code pocketsphinx_continuous} executable (default: looked up on the PATH). */
        public Builder executable(Path v) {
            executable = Optional.of(Objects.requireNonNull(v, "executable"));
            return this;
        }

        /** A directory holding {@code en-us/}, {@code en-us.lm.bin} and {@code cmudict-en-us.dict}. */
        public Builder modelDir(Path v) {
            modelDir = Objects.requireNonNull(v, "modelDir");
            return this;
        }

        /** The longest a recognition may run before it is killed (default 2 minutes). */
        public Builder timeout(Duration v) {
            Objects.requireNonNull(v, "timeout");
            if (v.isNegative() || v.isZero()) throw new IllegalArgumentException("timeout: must be positive, was " + v);
            timeout = v;
            return this;
        }

        /** The longest audio accepted, in seconds (default 300). */
        public Builder maxAudioSeconds(double v) {
            if (!(v > 0 && v <= 3600)) throw new IllegalArgumentException("maxAudioSeconds: must be in (0, 3600], was " + v);
            maxAudioSeconds = v;
            return this;
        }

        /** Builds. */
        public PocketSphinxTranscriber build() {
            return new PocketSphinxTranscriber(this);
        }
    }
}
