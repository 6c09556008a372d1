package io.finrec.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streaming reader of validated records: one record in memory at a time, so a million-row file never sits in
 * memory twice. The first bad row stops reading with a {@link DataFormatException}; use
 * {@link #forEachLenient(Consumer, Consumer)} to keep the good rows and collect the bad ones.
 *
 * <p>Not thread-safe: one reader per thread. Close it (try-with-resources) to release the file.
 *
 * @param <T> record type
 */
public final class RecordReader<T> implements Iterator<T>, Closeable {
    /** Source of rows for one file format. */
    interface RowSource extends Closeable {
        /**
         * Advances to the next row, or returns null at the end of input. A {@link DataFormatException} that is
         * {@link DataFormatException#recoverable() recoverable} consumes the bad row: the next call continues after it.
         */
        Row next() throws IOException;
    }

    private final RecordSchema<T> schema;
    private final RowSource source;
    private Row pending;
    private DataFormatException pendingError;
    private boolean done;
    private long rowsRead;

    RecordReader(RecordSchema<T> schema, RowSource source) {
        this.schema = schema;
        this.source = source;
    }

    @Override
    public boolean hasNext() {
        if (pending != null || pendingError != null) return true;
        if (done) return false;
        try {
            pending = source.next();
        } catch (DataFormatException e) {
            if (!e.recoverable()) {
                done = true;
                throw e;
            }
            pendingError = e; // reported by next(), so that hasNext() itself never fails on a bad row
            return true;
        } catch (IOException e) {
            done = true;
            throw new UncheckedIOException(e);
        }
        if (pending == null) done = true;
        return pending != null;
    }

    /**
     * The next record; throws {@link DataFormatException} if the next row is invalid. After a
     * {@link DataFormatException#recoverable() recoverable} error the reader is positioned on the following row.
     */
    @Override
    public T next() {
        if (!hasNext()) throw new NoSuchElementException();
        if (pendingError != null) {
            DataFormatException e = pendingError;
            pendingError = null;
            rowsRead++;
            throw e;
        }
        Row row = pending;
        pending = null;
        rowsRead++;
        return schema.read(row);
    }

    /**
     * Reads every remaining row; valid records go to {@code good}, rows that fail validation go to {@code bad}
     * (each carrying its row, line and field). Errors that make the rest of the file unreadable (a bad header, a
     * broken quote, an I/O error; see {@link DataFormatException#recoverable()}) still throw.
     *
     * @return the number of bad rows
     */
    public long forEachLenient(Consumer<? super T> good, Consumer<? super DataFormatException> bad) {
        long errors = 0;
        while (hasNext()) {
            T record;
            try {
                record = next();
            } catch (DataFormatException e) {
                if (!e.recoverable()) throw e;
                errors++;
                bad.accept(e);
                continue;
            }
            good.accept(record);
        }
        return errors;
    }

    /** Number of rows consumed so far (valid or not). */
    public long rowsRead() {
        return rowsRead;
    }

    /** The remaining records as a sequential stream; closing the stream closes this reader. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public void close() throws IOException {
        done = true;
        source.close();
    }
}
