package io.finrec.api.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Length-prefixed primitive arrays and string lists for model payloads, written in bulk (not element by element)
 * and read back with a caller-given upper bound on the length, so a tampered length can never make a reader
 * allocate gigabytes. Stateless and thread-safe.
 */
public final class Payloads {
    private static final int CHUNK = 1 << 14; // elements per bulk copy

    private Payloads() {}

    /** Writes {@code a.length} then the floats. */
    public static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4);
        for (int i = 0; i < a.length; i += CHUNK) {
            int n = Math.min(CHUNK, a.length - i);
            buf.clear();
            buf.asFloatBuffer().put(a, i, n);
            out.write(buf.array(), 0, n * 4);
        }
    }

    /** Reads a float array written by {@link #writeFloats}; fails if its length is not in [0, maxLength]. */
    public static float[] readFloats(DataInputStream in, int maxLength, String what) throws IOException {
        int n = readLength(in, maxLength, what);
        float[] a = new float[n];
        byte[] bytes = new byte[Math.min(n, CHUNK) * 4];
        for (int i = 0; i < n; i += CHUNK) {
            int m = Math.min(CHUNK, n - i);
            in.readFully(bytes, 0, m * 4);
            ByteBuffer.wrap(bytes, 0, m * 4).asFloatBuffer().get(a, i, m);
        }
        return a;
    }

    /** Writes {@code a.length} then the doubles. */
    public static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 8);
        for (int i = 0; i < a.length; i += CHUNK) {
            int n = Math.min(CHUNK, a.length - i);
            buf.clear();
            buf.asDoubleBuffer().put(a, i, n);
            out.write(buf.array(), 0, n * 8);
        }
    }

    /** Reads a double array written by {@link #writeDoubles}. */
    public static double[] readDoubles(DataInputStream in, int maxLength, String what) throws IOException {
        int n = readLength(in, maxLength, what);
        double[] a = new double[n];
        byte[] bytes = new byte[Math.min(n, CHUNK) * 8];
        for (int i = 0; i < n; i += CHUNK) {
            int m = Math.min(CHUNK, n - i);
            in.readFully(bytes, 0, m * 8);
            ByteBuffer.wrap(bytes, 0, m * 8).asDoubleBuffer().get(a, i, m);
        }
        return a;
    }

    /** Writes {@code a.length} then the ints. */
    public static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4);
        for (int i = 0; i < a.length; i += CHUNK) {
            int n = Math.min(CHUNK, a.length - i);
            buf.clear();
            buf.asIntBuffer().put(a, i, n);
            out.write(buf.array(), 0, n * 4);
        }
    }

    /** Reads an int array written by {@link #writeInts}. */
    public static int[] readInts(DataInputStream in, int maxLength, String what) throws IOException {
        int n = readLength(in, maxLength, what);
        int[] a = new int[n];
        byte[] bytes = new byte[Math.min(n, CHUNK) * 4];
        for (int i = 0; i < n; i += CHUNK) {
            int m = Math.min(CHUNK, n - i);
            in.readFully(bytes, 0, m * 4);
            ByteBuffer.wrap(bytes, 0, m * 4).asIntBuffer().get(a, i, m);
        }
        return a;
    }

    /** Writes a list of strings (count, then each as length-prefixed UTF-8). */
    public static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) writeString(out, s);
    }

    /**
     * Reads a string list written by {@link #writeStrings}; each string at most 1 MiB of valid UTF-8.
     *
     * @throws java.io.EOFException if the payload ends inside the list
     * @throws ModelFormatException if a length is out of range or a string is not valid UTF-8
     */
    public static List<String> readStrings(DataInputStream in, int maxCount, String what) throws IOException {
        int n = readLength(in, maxCount, what);
        List<String> out = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) out.add(readString(in, what + "[" + i + "]"));
        return out;
    }

    /** Writes one string as length-prefixed UTF-8. */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Reads one string written by {@link #writeString} (at most 1 MiB of valid UTF-8). */
    public static String readString(DataInputStream in, String what) throws IOException {
        int len = readLength(in, 1 << 20, what);
        byte[] b = new byte[len];
        in.readFully(b);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(null, ModelFormatException.Reason.INVALID_CONTENT,
                    what + ": not valid UTF-8", e);
        }
    }

    private static int readLength(DataInputStream in, int max, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max)
            throw new ModelFormatException(null, ModelFormatException.Reason.INVALID_CONTENT,
                    what + ": length " + n + " is outside [0, " + max + "]");
        return n;
    }
}
