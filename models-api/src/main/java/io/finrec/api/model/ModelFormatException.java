package io.finrec.api.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A model file that cannot be loaded, with the {@link Reason} as a type a caller can switch on.
 */
public class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why a model file was refused. */
    public enum Reason {
        /** The file does not start with FinRec's magic bytes. */
        NOT_A_MODEL_FILE,
        /** The file is shorter than its recorded length (an interrupted copy or download). */
        TRUNCATED,
        /** The CRC32C footer does not match the content, or the recorded length is wrong: the file was altered. */
        CHECKSUM_MISMATCH,
        /** The container or the model format is newer (or older) than this library can read. */
        UNSUPPORTED_VERSION,
        /** The file holds a different kind of model than the caller asked for. */
        WRONG_KIND,
        /** The checksum is right but the content is inconsistent (a bug in the writer, or a crafted file). */
        INVALID_CONTENT
    }

    private final transient Path file;
    private final Reason reason;

    /**
     * @param file   the file, or null for a stream
     * @param reason the reason
     * @param detail what was found, in words
     */
    public ModelFormatException(Path file, Reason reason, String detail) {
        this(file, reason, detail, null);
    }

    /** As {@link #ModelFormatException(Path, Reason, String)} with a cause. */
    public ModelFormatException(Path file, Reason reason, String detail, Throwable cause) {
        super((file == null ? "<stream>" : file.toString()) + ": " + Objects.requireNonNull(reason, "reason") + ": "
                + detail, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The reason. */
    public Reason reason() {
        return reason;
    }

    /** The file, when known. */
    public Path file() {
        return file;
    }
}
