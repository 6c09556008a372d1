package io.finrec.core.io;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.Objects;

/**
 * The {@link RecordWriter} of {@link CsvRecords} and {@link JsonLines}: turns each record into its schema's values,
 * hands them to the format's row writer, counts, and flushes and closes the format's streaming sink (Jackson's
 * {@code SequenceWriter} or {@code JsonGenerator}). Not thread-safe: one writer per thread.
 *
 * @param <T> record type
 */
final class StreamingRecordWriter<T> implements RecordWriter<T> {
    /** Writes one record's values (in the schema's column order) to the sink. */
    @FunctionalInterface
    interface RowWriter {
        void write(Object[] values) throws IOException;
    }

    private final RecordSchema<T> schema;
    private final RowWriter row;
    private final Flushable flushable;
    private final Closeable closeable;
    private long count;

    <S extends Flushable & Closeable> StreamingRecordWriter(RecordSchema<T> schema, S sink, RowWriter row) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.flushable = Objects.requireNonNull(sink, "sink");
        this.closeable = sink;
        this.row = Objects.requireNonNull(row, "row");
    }

    @Override
    public void write(T record) throws IOException {
        row.write(schema.write(record));
        count++;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void flush() throws IOException {
        flushable.flush();
    }

    @Override
    public void close() throws IOException {
        closeable.close();
    }
}
