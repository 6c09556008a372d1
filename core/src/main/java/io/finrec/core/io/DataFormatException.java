package io.finrec.core.io;

import java.util.Optional;

/**
 * Bad input data: names the source (file), the data row (1-based, header excluded), the physical line where
 * the record starts, the field and the reason, e.g.
 * {@code customers.csv: row 12 (line 13), field 'age': 'abc' is not an integer}.
 *
 * <p>Immutable and thread-safe.
 */
public class DataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long row;
    private final long line;
    private final String field;
    private final String reason;
    private final boolean recoverable;

    /**
     * @param source the file or stream name
     * @param row    1-based data row, or 0 when the error is about the whole file (e.g. a missing header)
     * @param line   1-based physical line where the record starts, or 0 when unknown
     * @param field  the field (column) name, or {@code null} when the error is about the whole row
     * @param reason what is wrong, in words
     * @param cause  the underlying exception, may be null
     */
    public DataFormatException(String source, long row, long line, String field, String reason, Throwable cause) {
        this(source, row, line, field, reason, cause, row > 0);
    }

    private DataFormatException(String source, long row, long line, String field, String reason, Throwable cause,
                                boolean recoverable) {
        super(format(source, row, line, field, reason), cause);
        this.source = source;
        this.row = row;
        this.line = line;
        this.field = field;
        this.reason = reason;
        this.recoverable = recoverable;
    }

    /**
     * An error after which the rest of the input cannot be read (a broken quote, a damaged stream), even though it
     * happened at a known row: {@link #recoverable()} is false, so lenient readers stop instead of skipping it.
     */
    public static DataFormatException fatal(String source, long row, long line, String field, String reason,
                                            Throwable cause) {
        return new DataFormatException(source, row, line, field, reason, cause, false);
    }

    /**
     * Whether reading can continue with the next row after this error. True for errors about one row (a bad
     * value, a ragged row); false for whole-file errors (a bad header) and for {@link #fatal} ones.
     */
    public boolean recoverable() {
        return recoverable;
    }

    private static String format(String source, long row, long line, String field, String reason) {
        StringBuilder sb = new StringBuilder(source == null ? "<input>" : source);
        if (row > 0) {
            sb.append(": row ").append(row);
            if (line > 0) sb.append(" (line ").append(line).append(')');
        }
        if (field != null) sb.append(row > 0 ? ", field '" : ": field '").append(field).append('\'');
        return sb.append(": ").append(reason).toString();
    }

    /** The file or stream name. */
    public String source() {
        return source;
    }

    /** 1-based data row (header excluded), or 0 for a whole-file error. */
    public long row() {
        return row;
    }

    /** 1-based physical line where the record starts, or 0 when unknown. */
    public long line() {
        return line;
    }

    /** The offending field, when the error is about one field. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The reason, without the location prefix. */
    public String reason() {
        return reason;
    }
}
