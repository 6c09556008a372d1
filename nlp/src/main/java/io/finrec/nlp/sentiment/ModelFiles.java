package io.finrec.nlp.sentiment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loading and saving the sentiment models through a temporary file, for model bytes that are not a file of their
 * own: a resource inside the jar ({@link #loadResource}) or a model nested in another model's payload
 * ({@link #loadBytes}, {@link #saveBytes}). {@code ModelFile} reads and writes paths (it checks the length and
 * checksum before parsing), hence the copy. The temporary file is always deleted.
 */
final class ModelFiles {
    /** Reads a model from a file. */
    interface Loader<T> {
        T load(Path file) throws IOException;
    }

    /** Writes a model to a file. */
    interface Saver {
        void save(Path file) throws IOException;
    }

    private ModelFiles() {}

    /** Loads the classpath resource {@code resource} (next to {@code owner}) with {@code loader}. */
    static <T> T loadResource(Class<?> owner, String resource, Loader<T> loader) throws IOException {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing resource " + resource);
            return load(in, loader);
        }
    }

    /** Loads model-file bytes with {@code loader}. */
    static <T> T loadBytes(byte[] bytes, Loader<T> loader) throws IOException {
        return load(new ByteArrayInputStream(bytes), loader);
    }

    /** The bytes {@code saver} writes as a model file. */
    static byte[] saveBytes(Saver saver) throws IOException {
        Path tmp = Files.createTempFile("finrec-model", ".frm");
        try {
            saver.save(tmp);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static <T> T load(InputStream in, Loader<T> loader) throws IOException {
        Path tmp = Files.createTempFile("finrec-model", ".frm");
        try {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return loader.load(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
