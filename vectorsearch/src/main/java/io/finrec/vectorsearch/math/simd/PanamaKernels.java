package io.finrec.vectorsearch.math.simd;

import io.finrec.vectorsearch.math.Kernels;
import io.finrec.vectorsearch.math.ScalarKernels;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on Java 17's incubating Vector API, at the CPU's preferred width (512 bits with AVX-512). Compiled with
 * {@code --add-modules jdk.incubator.vector} and only ever loaded reflectively by
 * {@link io.finrec.vectorsearch.math.VectorMath} once the module is known to be present. The batched kernel
 * computes 4 queries x 4 base vectors per pass over the dimensions, so each loaded base chunk feeds four multiply-adds.
 * The int8 kernels take the query's codes already widened to {@code int} (once per query), widen {@code L} stored
 * codes to {@code L} ints per step (a sign-extending load) and accumulate exact {@code int} products.
 * Stateless and thread-safe.
 */
public final class PanamaKernels implements Kernels {
    /** The shared instance. */
    public static final PanamaKernels INSTANCE = new PanamaKernels();

    private static final VectorSpecies<Float> S = species();
    private static final int L = S.length();
    /** Int8 kernels: {@code L} bytes widened to {@code L} ints per step (sign-extending loads, then int multiply-adds). */
    private static final boolean INT8 = L >= 8; // byte vectors are at least 64 bits
    private static final VectorSpecies<Byte> SB = INT8 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(8 * L)) : null;
    private static final VectorSpecies<Integer> SI = VectorSpecies.of(int.class, S.vectorShape());

    private PanamaKernels() {}

    private static VectorSpecies<Float> species() {
        String bits = System.getProperty("finrec.vector.bits", "");
        if (bits.equals("256")) return FloatVector.SPECIES_256;
        if (bits.equals("128")) return FloatVector.SPECIES_128;
        return FloatVector.SPECIES_PREFERRED;
    }

    /** Horizontal sum; a pairwise tree, which the JIT turns into independent adds (an ordered reduction is slower). */
    private static float sum(FloatVector v) {
        return v.reduceLanes(VectorOperators.ADD);
    }

    @Override
    public String name() {
        return "panama-" + S.vectorBitSize();
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int dim) {
        int i = 0;
        float s = 0;
        if (dim >= 2 * L) {
            FloatVector acc0 = FloatVector.zero(S), acc1 = FloatVector.zero(S);
            for (int n = S.loopBound(dim) - L; i < n; i += 2 * L) {
                acc0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc0);
                acc1 = FloatVector.fromArray(S, a, aOff + i + L).fma(FloatVector.fromArray(S, b, bOff + i + L), acc1);
            }
            for (int n = S.loopBound(dim); i < n; i += L)
                acc0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc0);
            s = sum(acc0.add(acc1));
        }
        for (; i < dim; i++) s += a[aOff + i] * b[bOff + i];
        return s;
    }

    @Override
    public void dotBlock(float[] queries, int nq, float[] base, int baseOff, int nb, int dim, float[] out) {
        if (dim % L != 0) { // per pair, with the same rounding as a single dot product
            for (int q = 0; q < nq; q++)
                for (int j = 0; j < nb; j++) out[q * nb + j] = dot(queries, q * dim, base, baseOff + j * dim, dim);
            return;
        }
        int q = 0;
        for (; q + 3 < nq; q += 4) {
            int q0 = q * dim, q1 = q0 + dim, q2 = q1 + dim, q3 = q2 + dim;
            int j = 0;
            for (; j + 3 < nb; j += 4) {
                int b0 = baseOff + j * dim, b1 = b0 + dim, b2 = b1 + dim, b3 = b2 + dim;
                FloatVector a00 = FloatVector.zero(S), a01 = a00, a02 = a00, a03 = a00;
                FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
                FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
                FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
                for (int i = 0; i < dim; i += L) {
                    FloatVector x0 = FloatVector.fromArray(S, base, b0 + i);
                    FloatVector x1 = FloatVector.fromArray(S, base, b1 + i);
                    FloatVector x2 = FloatVector.fromArray(S, base, b2 + i);
                    FloatVector x3 = FloatVector.fromArray(S, base, b3 + i);
                    FloatVector y = FloatVector.fromArray(S, queries, q0 + i);
                    a00 = y.fma(x0, a00); a01 = y.fma(x1, a01); a02 = y.fma(x2, a02); a03 = y.fma(x3, a03);
                    y = FloatVector.fromArray(S, queries, q1 + i);
                    a10 = y.fma(x0, a10); a11 = y.fma(x1, a11); a12 = y.fma(x2, a12); a13 = y.fma(x3, a13);
                    y = FloatVector.fromArray(S, queries, q2 + i);
                    a20 = y.fma(x0, a20); a21 = y.fma(x1, a21); a22 = y.fma(x2, a22); a23 = y.fma(x3, a23);
                    y = FloatVector.fromArray(S, queries, q3 + i);
                    a30 = y.fma(x0, a30); a31 = y.fma(x1, a31); a32 = y.fma(x2, a32); a33 = y.fma(x3, a33);
                }
                int o0 = q * nb + j, o1 = o0 + nb, o2 = o1 + nb, o3 = o2 + nb;
                out[o0] = sum(a00); out[o0 + 1] = sum(a01);
                out[o0 + 2] = sum(a02); out[o0 + 3] = sum(a03);
                out[o1] = sum(a10); out[o1 + 1] = sum(a11);
                out[o1 + 2] = sum(a12); out[o1 + 3] = sum(a13);
                out[o2] = sum(a20); out[o2 + 1] = sum(a21);
                out[o2 + 2] = sum(a22); out[o2 + 3] = sum(a23);
                out[o3] = sum(a30); out[o3 + 1] = sum(a31);
                out[o3 + 2] = sum(a32); out[o3 + 3] = sum(a33);
            }
            for (; j < nb; j++) {
                int b0 = baseOff + j * dim;
                out[q * nb + j] = dot(queries, q0, base, b0, dim);
                out[(q + 1) * nb + j] = dot(queries, q1, base, b0, dim);
                out[(q + 2) * nb + j] = dot(queries, q2, base, b0, dim);
                out[(q + 3) * nb + j] = dot(queries, q3, base, b0, dim);
            }
        }
        for (; q < nq; q++) oneQuery(queries, q * dim, base, baseOff, nb, dim, out, q * nb);
    }

    /**
     * One query against {@code nb} base vectors, one {@link #dot} per vector (so a vector's score does not depend on
     * the path that computed it: the int8 flat scan's re-ranking reproduces the float scan's scores bit for bit).
     * Four vectors per pass sharing the query's loads measured 1.1-1.3x slower on Java 17 (AVX-512, 100k x 384,
     * alternating in one JVM): the scan is memory-bound and the wider loop only added register pressure.
     */
    private static void oneQuery(float[] queries, int qOff, float[] base, int baseOff, int nb, int dim, float[] out,
                                 int outOff) {
        for (int j = 0; j < nb; j++) out[outOff + j] = INSTANCE.dot(queries, qOff, base, baseOff + j * dim, dim);
    }

    @Override
    public float dot(float[] a, int aOff, ByteBuffer b, int bByteOff, int dim) {
        int i = 0;
        FloatVector acc = FloatVector.zero(S);
        for (int n = S.loopBound(dim); i < n; i += L)
            acc = FloatVector.fromArray(S, a, aOff + i)
                    .fma(FloatVector.fromByteBuffer(S, b, bByteOff + 4 * i, ByteOrder.LITTLE_ENDIAN), acc);
        float s = sum(acc);
        for (; i < dim; i++) s += a[aOff + i] * b.getFloat(bByteOff + 4 * i);
        return s;
    }

    private static IntVector ints(byte[] a, int off) {
        return (IntVector) ByteVector.fromArray(SB, a, off).convertShape(VectorOperators.B2I, SI, 0);
    }

    /**
     * The query comes widened to {@code int}: converting only the stored codes measured 1.2-1.4x faster than widening
     * both sides every step (Java 17, AVX2, d=384, alternating in one JVM). Products of two shorts summed in pairs
     * before widening (exact for codes in [-127, 127]) were not faster there, and a short product widened on its own
     * was slower.
     */
    @Override
    public int dotInt8(int[] q, byte[] b, int bOff, int dim) {
        if (!INT8) return ScalarKernels.INSTANCE.dotInt8(q, b, bOff, dim);
        int i = 0;
        int s = 0;
        if (dim >= L) {
            IntVector acc = IntVector.zero(SI);
            for (int n = dim - L; i <= n; i += L) acc = acc.add(IntVector.fromArray(SI, q, i).mul(ints(b, bOff + i)));
            s = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < dim; i++) s += q[i] * b[bOff + i];
        return s;
    }

    /**
     * One {@link #dotInt8} per row: four rows per pass sharing the query's widened chunks measured 2.3-2.7x slower on
     * Java 17 (AVX-512, 100k x 384 codes, alternating in one JVM).
     */
    @Override
    public void dotInt8Rows(int[] query, byte[] base, int baseOff, int nb, int dim, int[] out) {
        for (int j = 0; j < nb; j++) out[j] = dotInt8(query, base, baseOff + j * dim, dim);
    }
}
