package io.finrec.vectorsearch.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.vectorsearch.math.Kernels;
import io.finrec.vectorsearch.math.VectorMath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The int8 quantiser's error bound holds for every kernel set, including for values outside the trained range. */
class Int8QuantizerTest {
    @Test
    void approximateScoresStayWithinTheirBoundOfTheFloatKernels() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int dim : new int[] {7, 48, 384}) {
            float[][] train = new float[500][dim];
            for (float[] v : train) for (int i = 0; i < dim; i++) v[i] = (float) rnd.nextGaussian() * (1 + i % 3);
            Int8Quantizer qz = Int8Quantizer.train(dim, train.length, (o, out) -> System.arraycopy(train[o], 0, out, 0, dim));
            assertEquals(train.length, qz.trainedOn());
            byte[] codes = new byte[dim];
            int[] qcodes = new int[dim];
            float[] errs = new float[2];
            double worst = 0, typical = 0;
            int n = 0;
            for (int t = 0; t < 400; t++) {
                float[] x = new float[dim];
                // a quarter of the vectors lie far outside the trained range (clamped codes)
                double spread = t % 4 == 0 ? 25 : 1;
                for (int i = 0; i < dim; i++) x[i] = (float) (rnd.nextGaussian() * spread * (1 + i % 3));
                qz.encode(x, 0, codes, 0, errs, 0);
                float[] q = new float[dim];
                for (int i = 0; i < dim; i++) q[i] = (float) (rnd.nextGaussian() * (t % 5 == 0 ? 1e3 : 1));
                Int8Query pq = qz.prepare(q, qcodes);
                for (Kernels k : VectorMath.available()) {
                    float exact = k.dot(q, 0, x, 0, dim);
                    float approx = pq.approx(k.dotInt8(qcodes, codes, 0, dim));
                    float bound = pq.bound(errs[0], errs[1]);
                    assertTrue(Math.abs(exact - approx) <= bound,
                            "dim " + dim + " vector " + t + ": |" + exact + " - " + approx + "| > " + bound);
                    int[] row = new int[1];
                    k.dotInt8Rows(qcodes, codes, 0, 1, dim, row);
                    assertEquals(k.dotInt8(qcodes, codes, 0, dim), row[0]);
                    if (spread == 1) {
                        worst = Math.max(worst, Math.abs(exact - approx) / bound);
                        typical += bound / (Math.sqrt(VectorMath.normSquared(q)) * Math.sqrt(VectorMath.normSquared(x)));
                        n++;
                    }
                }
            }
            // the bound is useful, not vacuous: well below the scores' own scale for vectors in the trained range
            assertTrue(typical / n < 0.1, "dim " + dim + ": mean relative bound " + typical / n);
            assertTrue(worst > 0.01, "dim " + dim + ": the bound is never approached (" + worst + ")");
        }
    }

    @Test
    void int8KernelsAgreeWithPlainIntegerArithmetic() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int dim : new int[] {1, 15, 16, 33, 384, 1000}) {
            int[] a = new int[dim + 5]; // query codes (widened), longer than dim: the kernels read only dim of them
            byte[] b = new byte[4 * dim + 3];
            for (int i = 0; i < a.length; i++) a[i] = rnd.nextInt(256) - 128; // the full byte range, -128 included
            for (int i = 0; i < b.length; i++) b[i] = (byte) (rnd.nextInt(256) - 128);
            if (dim >= 16) for (int i = 0; i < 16; i++) a[i] = b[3 + i] = -128; // the largest products
            for (Kernels k : VectorMath.available()) {
                int[] rows = new int[4];
                k.dotInt8Rows(a, b, 3, 4, dim, rows);
                for (int r = 0; r < 4; r++) {
                    long want = 0;
                    for (int i = 0; i < dim; i++) want += (long) a[i] * b[3 + r * dim + i];
                    assertEquals(want, rows[r], k.name() + " dim " + dim + " row " + r);
                    assertEquals(want, k.dotInt8(a, b, 3 + r * dim, dim), k.name() + " dim " + dim);
                }
            }
        }
    }

    @Test
    void savedParametersRoundTripAndBadOnesAreRejectedByName() throws IOException {
        int dim = 5;
        float[][] train = {{1, 2, 3, 4, 5}, {-1, 0, 3, 8, 5}, {0.5f, 1, 3, -2, 5}};
        Int8Quantizer qz = Int8Quantizer.train(dim, train.length, (o, out) -> System.arraycopy(train[o], 0, out, 0, dim));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        qz.write(new DataOutputStream(bytes));
        Int8Quantizer back = Int8Quantizer.read(stream(bytes.toByteArray()), dim, IOException::new);
        byte[] a = new byte[dim];
        byte[] b = new byte[dim];
        float[] ea = new float[2];
        float[] eb = new float[2];
        float[] x = {0.7f, 1.5f, 3, 1, 5}; // component 2 and 4 are constant in training: step falls back to 1
        qz.encode(x, 0, a, 0, ea, 0);
        back.encode(x, 0, b, 0, eb, 0);
        assertArrayEquals(a, b);
        assertArrayEquals(ea, eb);
        assertEquals(train.length, back.trainedOn());

        byte[] good = bytes.toByteArray();
        assertBad(good, 0, 0, "trained on 0 vectors", dim);
        assertBad(good, 4 + 4 * 2, Float.floatToIntBits(Float.NaN), "offset 2 is NaN", dim);
        assertBad(good, 4 + 4 * dim + 4 * 3, Float.floatToIntBits(0f), "step 3 is 0.0", dim);
        assertBad(good, 4 + 4 * dim + 4 * 4, Float.floatToIntBits(Float.POSITIVE_INFINITY), "step 4 is Infinity", dim);
        IOException e = assertThrows(IOException.class,
                () -> Int8Quantizer.read(stream(java.util.Arrays.copyOf(good, good.length - 3)), dim, IOException::new));
        assertTrue(e instanceof java.io.EOFException, "truncated parameters: " + e);
    }

    private static void assertBad(byte[] good, int offset, int value, String message, int dim) {
        byte[] bad = good.clone();
        java.nio.ByteBuffer.wrap(bad).putInt(offset, value);
        IOException e = assertThrows(IOException.class, () -> Int8Quantizer.read(stream(bad), dim, IOException::new));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static DataInputStream stream(byte[] b) {
        return new DataInputStream(new ByteArrayInputStream(b));
    }
}
