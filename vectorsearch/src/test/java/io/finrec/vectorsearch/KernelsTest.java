package io.finrec.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.vectorsearch.math.Kernels;
import io.finrec.vectorsearch.math.ScalarKernels;
import io.finrec.vectorsearch.math.VectorMath;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every kernel set agrees with a double-precision reference, at odd sizes and offsets. */
class KernelsTest {
    @Test
    void vectorApiKernelsAreActiveUnderSurefire() {
        // surefire passes --add-modules jdk.incubator.vector; without it the scalar kernels must be chosen
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(module, VectorMath.KERNELS != ScalarKernels.INSTANCE, VectorMath.KERNELS.name());
    }

    @Test
    void kernelsMatchAReferenceDotProduct() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (Kernels k : VectorMath.available()) {
            for (int dim : new int[] {1, 3, 7, 16, 17, 33, 64, 100, 384}) {
                int nq = 6, nb = 9, off = 5;
                float[] qs = new float[nq * dim];
                float[] base = new float[off + nb * dim];
                for (int i = 0; i < qs.length; i++) qs[i] = (float) rnd.nextGaussian();
                for (int i = 0; i < base.length; i++) base[i] = (float) rnd.nextGaussian();
                float[] out = new float[nq * nb];
                k.dotBlock(qs, nq, base, off, nb, dim, out);
                ByteBuffer bb = ByteBuffer.allocate(4 * base.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : base) bb.putFloat(f);
                for (int q = 0; q < nq; q++) {
                    for (int j = 0; j < nb; j++) {
                        double want = 0;
                        for (int i = 0; i < dim; i++) want += (double) qs[q * dim + i] * base[off + j * dim + i];
                        double tol = 1e-4 * Math.sqrt(dim) + 1e-5;
                        String where = k.name() + " dim " + dim + " q " + q + " j " + j;
                        assertEquals(want, out[q * nb + j], tol, where);
                        assertEquals(want, k.dot(qs, q * dim, base, off + j * dim, dim), tol, where);
                        assertEquals(want, k.dot(qs, q * dim, bb, 4 * (off + j * dim), dim), tol, where);
                    }
                }
            }
        }
        assertTrue(VectorMath.available().length >= 1);
    }
}
