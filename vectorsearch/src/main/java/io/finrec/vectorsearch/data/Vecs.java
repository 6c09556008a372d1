package io.finrec.vectorsearch.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Readers and writers for the {@code .fvecs} / {@code .ivecs} formats of the TEXMEX ANN benchmarks (used by FAISS,
 * ann-benchmarks and jvector): each row is a little-endian int32 dimension followed by that many little-endian
 * float32 (fvecs) or int32 (ivecs) values. Errors name the file and the row. Stateless and thread-safe.
 */
public final class Vecs {
    private Vecs() {}

    /** Reads every row of an {@code .fvecs} file; all rows must share one dimension and be finite. */
    public static float[][] readFvecs(Path file) throws IOException {
        return readFvecs(file, Integer.MAX_VALUE);
    }

    /** Reads at most {@code limit} rows of an {@code .fvecs} file. */
    public static float[][] readFvecs(Path file, int limit) throws IOException {
        List<float[]> rows = new ArrayList<>();
        read(file, limit, (row, buf, dim) -> {
            float[] v = new float[dim];
            buf.asFloatBuffer().get(v);
            for (int i = 0; i < dim; i++) {
                if (!Float.isFinite(v[i]))
                    throw new IOException(file + ": row " + row + ", component " + i + " is " + v[i]);
            }
            rows.add(v);
        });
        return rows.toArray(new float[0][]);
    }

    /** Reads at most {@code limit} rows of an {@code .ivecs} file. */
    public static int[][] readIvecs(Path file, int limit) throws IOException {
        List<int[]> rows = new ArrayList<>();
        read(file, limit, (row, buf, dim) -> {
            int[] v = new int[dim];
            buf.asIntBuffer().get(v);
            rows.add(v);
        });
        return rows.toArray(new int[0][]);
    }

    /** Writes rows as {@code .fvecs}. */
    public static void writeFvecs(Path file, float[][] rows) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int r = 0; r < rows.length; r++) {
                ByteBuffer b = ByteBuffer.allocate(4 + 4 * rows[r].length).order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(rows[r].length);
                b.asFloatBuffer().put(rows[r]);
                out.write(b.array());
            }
        }
    }

    /** Writes rows as {@code .ivecs}. */
    public static void writeIvecs(Path file, int[][] rows) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int[] row : rows) {
                ByteBuffer b = ByteBuffer.allocate(4 + 4 * row.length).order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(row.length);
                b.asIntBuffer().put(row);
                out.write(b.array());
            }
        }
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(int row, ByteBuffer values, int dim) throws IOException;
    }

    private static void read(Path file, int limit, RowSink sink) throws IOException {
        if (limit < 0) throw new IllegalArgumentException("limit: must be >= 0, was " + limit);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] head = new byte[4];
            int dim = -1;
            byte[] body = null;
            for (int row = 0; row < limit; row++) {
                int n = in.readNBytes(head, 0, 4);
                if (n == 0) break;
                if (n < 4) throw new EOFException(file + ": row " + row + " is truncated inside its dimension field");
                int d = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt();
                if (d < 1 || d > (1 << 20))
                    throw new IOException(file + ": row " + row + " declares dimension " + d + " (not a vecs file?)");
                if (dim == -1) {
                    dim = d;
                    body = new byte[4 * d];
                } else if (d != dim) {
                    throw new IOException(file + ": row " + row + " has dimension " + d + ", earlier rows " + dim);
                }
                if (in.readNBytes(body, 0, body.length) < body.length)
                    throw new EOFException(file + ": row " + row + " is truncated");
                sink.accept(row, ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN), d);
            }
        }
    }
}
