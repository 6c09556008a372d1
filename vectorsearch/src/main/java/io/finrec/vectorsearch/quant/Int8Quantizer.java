package io.finrec.vectorsearch.quant;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A per-dimension int8 scalar quantiser: component {@code i} of a vector is coded as {@code c} in [-127, 127] with
 * {@code x ~ mid[i] + step[i] * c}, where {@code mid} and {@code step} span the range of that component over a sample
 * of the index's vectors. Values outside the trained range are clamped; that costs precision, never correctness,
 * because every code carries its own error terms (see {@link #encode}).
 *
 * <p>Queries are quantised too ({@link #prepare}), so a score is one exact {@code int} dot product of codes, then
 * {@code offset + scale * dot}. With the stored error terms, {@link Int8Query#bound} gives a rigorous bound on the
 * difference between that approximation and the score the float kernels compute for the same vector (it covers the
 * vector's quantisation residual, the query's, and float rounding on both sides), which is what lets the flat index
 * stay exact. Immutable and thread-safe.
 */
public final class Int8Quantizer {
    /** Most vectors a training sample uses (evenly spaced ordinals). */
    public static final int SAMPLE = 32_768;
    private static final double U = 0x1p-24; // unit round-off of float

    private final float[] mid;
    private final float[] step;
    private final int trainedOn;
    private final double gamma;

    /** Reads stored vectors by ordinal (for training). */
    @FunctionalInterface
    public interface VectorSource {
        /** Copies vector {@code ord} into {@code out}. */
        void copy(int ord, float[] out);
    }

    private Int8Quantizer(float[] mid, float[] step, int trainedOn) {
        this.mid = mid;
        this.step = step;
        this.trainedOn = trainedOn;
        // bound on the relative rounding error of a float dot product of this length, in any summation order
        this.gamma = 1.01 * (mid.length + 2) * U;
    }

    /** Trains on up to {@link #SAMPLE} evenly spaced vectors among ordinals {@code [0, count)}. */
    public static Int8Quantizer train(int dim, int count, VectorSource source) {
        if (count < 1) throw new IllegalArgumentException("count: must be >= 1, was " + count);
        float[] lo = new float[dim];
        float[] hi = new float[dim];
        java.util.Arrays.fill(lo, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        int samples = Math.min(count, SAMPLE);
        float[] v = new float[dim];
        for (int s = 0; s < samples; s++) {
            source.copy((int) ((long) s * count / samples), v);
            for (int i = 0; i < dim; i++) {
                lo[i] = Math.min(lo[i], v[i]);
                hi[i] = Math.max(hi[i], v[i]);
            }
        }
        float[] mid = new float[dim];
        float[] step = new float[dim];
        for (int i = 0; i < dim; i++) {
            mid[i] = (float) (((double) lo[i] + hi[i]) / 2);
            float st = (float) (((double) hi[i] - lo[i]) / 254);
            step[i] = st > 0 && Float.isFinite(st) ? st : 1f;
        }
        return new Int8Quantizer(mid, step, count);
    }

    /** Vector dimension. */
    public int dimension() {
        return mid.length;
    }

    /** How many stored vectors there were when this quantiser was trained. */
    public int trainedOn() {
        return trainedOn;
    }

    /**
     * Codes {@code x[xOff .. xOff+dim)} into {@code out[outOff ..]} and writes its two error terms to
     * {@code errs[errOff]} (residual norm plus the float-rounding allowance, both per unit of query norm) and
     * {@code errs[errOff+1]} (the code vector's norm, which scales the query's own quantisation error).
     */
    public void encode(float[] x, int xOff, byte[] out, int outOff, float[] errs, int errOff) {
        int dim = mid.length;
        double res = 0, norm = 0;
        long codeNorm = 0;
        for (int i = 0; i < dim; i++) {
            double xi = x[xOff + i];
            long c = Math.round((xi - mid[i]) / step[i]);
            c = Math.max(-127, Math.min(127, c));
            out[outOff + i] = (byte) c;
            double r = xi - (mid[i] + (double) step[i] * c);
            res += r * r;
            norm += xi * xi;
            codeNorm += c * c;
        }
        errs[errOff] = up(Math.sqrt(res) * (1 + 1e-9) + gamma * Math.sqrt(norm));
        errs[errOff + 1] = up(Math.sqrt((double) codeNorm));
    }

    /**
     * Quantises a (prepared) query; {@code codes} receives its codes (in [-127, 127], widened to {@code int} for the
     * kernels) and is kept by the result.
     */
    public Int8Query prepare(float[] q, int[] codes) {
        int dim = mid.length;
        double offset = 0, qNorm = 0, maxW = 0;
        for (int i = 0; i < dim; i++) {
            offset += (double) q[i] * mid[i];
            qNorm += (double) q[i] * q[i];
            maxW = Math.max(maxW, Math.abs((double) q[i] * step[i]));
        }
        float scale = maxW > 0 ? (float) (maxW / 127) : 1f;
        double err = 0, codeNorm = 0;
        for (int i = 0; i < dim; i++) {
            double w = (double) q[i] * step[i];
            long d = Math.max(-127, Math.min(127, Math.round(w / scale)));
            codes[i] = (int) d;
            double e = w - (double) scale * d;
            err += e * e;
            codeNorm += (double) d * d;
        }
        qNorm = Math.sqrt(qNorm);
        codeNorm = Math.sqrt(codeNorm);
        // Real score of the decoded vector: offset + scale*D + sum (w_i - scale*d_i) c_i, the last term bounded by
        // |w - scale*d| * |c|. Evaluating offset + scale*D in float adds a few roundings, each below
        // U * (|offset| + scale * |d| * |c|); the largest |c| is 127 * sqrt(dim).
        float coefA = up(qNorm * (1 + 1e-6));
        float coefB = up(Math.sqrt(err) * (1 + 1e-6) + 6 * U * scale * codeNorm);
        float eps = up(6 * U * (Math.abs(offset) + scale * codeNorm * 127 * Math.sqrt(dim)));
        return new Int8Query(codes, (float) offset, scale, coefA, coefB, eps);
    }

    private static float up(double v) {
        float f = (float) v;
        return f < v ? Math.nextUp(f) : f;
    }

    /** Writes the parameters. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(trainedOn);
        for (float f : mid) out.writeFloat(f);
        for (float f : step) out.writeFloat(f);
    }

    /**
     * Reads parameters written by {@link #write}; {@code invalid} turns a problem into the caller's typed error.
     */
    public static Int8Quantizer read(DataInputStream in, int dim, java.util.function.Function<String, IOException> invalid)
            throws IOException {
        int trainedOn = in.readInt();
        if (trainedOn < 1) throw invalid.apply("int8 quantiser trained on " + trainedOn + " vectors");
        float[] mid = new float[dim];
        float[] step = new float[dim];
        for (int i = 0; i < dim; i++) {
            mid[i] = in.readFloat();
            if (!Float.isFinite(mid[i])) throw invalid.apply("int8 quantiser offset " + i + " is " + mid[i]);
        }
        for (int i = 0; i < dim; i++) {
            step[i] = in.readFloat();
            if (!(step[i] > 0) || !Float.isFinite(step[i]))
                throw invalid.apply("int8 quantiser step " + i + " is " + step[i]);
        }
        return new Int8Quantizer(mid, step, trainedOn);
    }

    /** Heap bytes. */
    public long ramBytesUsed() {
        return 64 + 2 * (16 + 4L * mid.length);
    }
}
