package io.finrec.core.io;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;

/**
 * Writes records of one schema to a CSV or JSON-lines file, streaming. Not thread-safe: one writer per thread.
 *
 * @param <T> record type
 */
public interface RecordWriter<T> extends Closeable, Flushable {
    /** Writes one record. */
    void write(T record) throws IOException;

    /** Number of records written so far. */
    long count();
}
