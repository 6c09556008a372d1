package io.finrec.vectorsearch.math;

import java.nio.ByteBuffer;

/**
 * Plain-Java kernels: several independent accumulators so the CPU overlaps the multiply-adds (the JIT does not
 * vectorise float reductions, whose order it must keep). Stateless and thread-safe.
 */
public final class ScalarKernels implements Kernels {
    /** The shared instance. */
    public static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {}

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int dim) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (int n = dim - 7; i < n; i += 8) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
            s4 += a[aOff + i + 4] * b[bOff + i + 4];
            s5 += a[aOff + i + 5] * b[bOff + i + 5];
            s6 += a[aOff + i + 6] * b[bOff + i + 6];
            s7 += a[aOff + i + 7] * b[bOff + i + 7];
        }
        for (; i < dim; i++) s0 += a[aOff + i] * b[bOff + i];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Override
    public void dotBlock(float[] queries, int nq, float[] base, int baseOff, int nb, int dim, float[] out) {
        int q = 0;
        for (; q + 1 < nq; q += 2) {
            int q0 = q * dim, q1 = q0 + dim;
            for (int j = 0; j < nb; j++) {
                int b = baseOff + j * dim;
                float a0 = 0, a1 = 0, a2 = 0, a3 = 0, c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                int i = 0;
                for (int n = dim - 3; i < n; i += 4) {
                    float x0 = base[b + i], x1 = base[b + i + 1], x2 = base[b + i + 2], x3 = base[b + i + 3];
                    a0 += queries[q0 + i] * x0;
                    a1 += queries[q0 + i + 1] * x1;
                    a2 += queries[q0 + i + 2] * x2;
                    a3 += queries[q0 + i + 3] * x3;
                    c0 += queries[q1 + i] * x0;
                    c1 += queries[q1 + i + 1] * x1;
                    c2 += queries[q1 + i + 2] * x2;
                    c3 += queries[q1 + i + 3] * x3;
                }
                for (; i < dim; i++) {
                    a0 += queries[q0 + i] * base[b + i];
                    c0 += queries[q1 + i] * base[b + i];
                }
                out[q * nb + j] = (a0 + a1) + (a2 + a3);
                out[(q + 1) * nb + j] = (c0 + c1) + (c2 + c3);
            }
        }
        for (; q < nq; q++) {
            for (int j = 0; j < nb; j++) out[q * nb + j] = dot(queries, q * dim, base, baseOff + j * dim, dim);
        }
    }

    @Override
    public float dot(float[] a, int aOff, ByteBuffer b, int bByteOff, int dim) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int n = dim - 3; i < n; i += 4) {
            int p = bByteOff + 4 * i;
            s0 += a[aOff + i] * b.getFloat(p);
            s1 += a[aOff + i + 1] * b.getFloat(p + 4);
            s2 += a[aOff + i + 2] * b.getFloat(p + 8);
            s3 += a[aOff + i + 3] * b.getFloat(p + 12);
        }
        for (; i < dim; i++) s0 += a[aOff + i] * b.getFloat(bByteOff + 4 * i);
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public int dotInt8(int[] q, byte[] b, int bOff, int dim) {
        int s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int n = dim - 3; i < n; i += 4) {
            s0 += q[i] * b[bOff + i];
            s1 += q[i + 1] * b[bOff + i + 1];
            s2 += q[i + 2] * b[bOff + i + 2];
            s3 += q[i + 3] * b[bOff + i + 3];
        }
        for (; i < dim; i++) s0 += q[i] * b[bOff + i];
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void dotInt8Rows(int[] query, byte[] base, int baseOff, int nb, int dim, int[] out) {
        for (int j = 0; j < nb; j++) out[j] = dotInt8(query, base, baseOff + j * dim, dim);
    }
}
