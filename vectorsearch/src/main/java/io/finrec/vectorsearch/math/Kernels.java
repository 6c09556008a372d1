package io.finrec.vectorsearch.math;

import java.nio.ByteBuffer;

/**
 * The inner loops of every index: dot products over contiguous {@code float[]} storage and over int8 codes. Two implementations exist,
 * chosen once at run time by {@link VectorMath}: a scalar one (always available) and one on Java's Vector API
 * (used when the JVM runs with {@code --add-modules jdk.incubator.vector}). Stateless and thread-safe.
 */
public interface Kernels {
    /** A short name for logs and benchmark output ("scalar" or "panama-512" and so on). */
    String name();

    /** {@code sum a[aOff+i] * b[bOff+i]} over {@code i < dim}. */
    float dot(float[] a, int aOff, float[] b, int bOff, int dim);

    /**
     * Dot products of {@code nq} queries (stored back to back from offset 0 of {@code queries}) with {@code nb} base
     * vectors (back to back from {@code baseOff} of {@code base}): {@code out[q * nb + j] = queries[q] . base[j]}.
     */
    void dotBlock(float[] queries, int nq, float[] base, int baseOff, int nb, int dim, float[] out);

    /** {@code sum a[aOff+i] * b.getFloat(bByteOff + 4i)} for a little-endian buffer (memory-mapped vectors). */
    float dot(float[] a, int aOff, ByteBuffer b, int bByteOff, int dim);

    /**
     * {@code sum q[i] * b[bOff+i]} over {@code i < dim}: a query's int8 codes, widened to {@code int} once per query
     * (so only the stored codes are converted in the loop), against stored int8 codes. Exact in {@code int}
     * arithmetic for query codes in [-128, 127] (no overflow for {@code dim <= 133,000}).
     */
    int dotInt8(int[] q, byte[] b, int bOff, int dim);

    /**
     * Int8 dot products of one query (codes widened to {@code int}, as for {@link #dotInt8}) with {@code nb} code
     * vectors stored back to back from {@code baseOff}: {@code out[j] = query . base[j]}. Exact.
     */
    void dotInt8Rows(int[] query, byte[] base, int baseOff, int nb, int dim, int[] out);
}
