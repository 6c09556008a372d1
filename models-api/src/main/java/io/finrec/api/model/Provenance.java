package io.finrec.api.model;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a model came from: library and Java version, creation time, seed, thread count, a fingerprint of the
 * training data and free-form details (data source, trainer name, metrics). Stored in every model file's header.
 * Immutable and thread-safe.
 *
 * @param library         always "finrec"
 * @param libraryVersion  FinRec version that produced the model
 * @param javaVersion     {@code java.version} of the producing JVM
 * @param createdAt       creation time, ISO-8601 UTC, second precision
 * @param seed            the seed the producer was given
 * @param threads         threads the producer used (1 means the deterministic mode where one exists)
 * @param dataFingerprint hex digest of the training data (see {@link Fingerprint}), or "" if none
 * @param details         extra key/value facts
 */
public record Provenance(String library, String libraryVersion, String javaVersion, String createdAt, long seed,
                         int threads, String dataFingerprint, Map<String, String> details) {
    /** The FinRec version on the classpath, read from the build, or "unknown". */
    public static final String LIBRARY_VERSION = readVersion();

    public Provenance {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        Objects.requireNonNull(dataFingerprint, "dataFingerprint");
        details = Map.copyOf(Objects.requireNonNull(details, "details"));
    }

    /** Provenance for something produced now, on this JVM. */
    public static Provenance now(long seed, int threads, String dataFingerprint, Map<String, String> details) {
        return new Provenance("finrec", LIBRARY_VERSION, System.getProperty("java.version", "unknown"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seed, threads, dataFingerprint, details);
    }

    /** A copy with extra details merged in (new keys win). */
    public Provenance withDetails(Map<String, String> more) {
        Map<String, String> merged = new java.util.TreeMap<>(details);
        merged.putAll(more);
        return new Provenance(library, libraryVersion, javaVersion, createdAt, seed, threads, dataFingerprint, merged);
    }

    private static String readVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/io/finrec/api/finrec-version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
