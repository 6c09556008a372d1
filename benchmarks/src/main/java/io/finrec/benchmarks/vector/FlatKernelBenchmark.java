package io.finrec.benchmarks.vector;

import io.finrec.vectorsearch.math.Kernels;
import io.finrec.vectorsearch.math.VectorMath;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The single-query scan kernels alone (no top-k, no index): one query against 100k x 384 stored vectors, scores into
 * an array. Float vectors and int8 codes, each one row per call ({@code dot}, {@code dotInt8}) and through the block
 * entry points the flat index calls ({@code dotBlock} with one query, {@code dotInt8Rows}: 128 rows per call); Vector
 * API kernels, and the scalar fallback in a separate fork. Scores are scans (= queries) per second. The block entry
 * points used to compute four rows per pass sharing the query's loads; alternating in one JVM that measured 1.1-1.3x
 * (float) and 2.3-2.7x (int8) slower than a row at a time on Java 17 with AVX-512, so they now loop over rows. The
 * int8 kernels take the query's codes widened to {@code int} once per query, as the indexes pass them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class FlatKernelBenchmark {
    @Param({"100000"})
    int n;

    @Param({"384"})
    int dim;

    @Param({"vector", "scalar"})
    String kernels;

    Kernels k;
    float[] base;
    byte[] codes;
    float[] query;
    int[] queryCodes;
    float[] out;
    int[] dots;

    @Setup
    public void setup() {
        k = kernels.equals("scalar") ? VectorMath.available()[0] : VectorMath.KERNELS;
        SplittableRandom r = new SplittableRandom(1);
        base = new float[n * dim];
        codes = new byte[n * dim];
        for (int i = 0; i < base.length; i++) {
            base[i] = (float) r.nextGaussian() * 0.05f;
            codes[i] = (byte) (r.nextInt(255) - 127);
        }
        query = new float[dim];
        queryCodes = new int[dim];
        for (int i = 0; i < dim; i++) {
            query[i] = (float) r.nextGaussian();
            queryCodes[i] = r.nextInt(255) - 127;
        }
        out = new float[128];
        dots = new int[128];
    }

    /** Float vectors, one dot product per row. */
    @Benchmark
    public float floatPerRow() {
        float s = 0;
        for (int j = 0; j < n; j++) s += k.dot(query, 0, base, j * dim, dim);
        return s;
    }

    /** Float vectors, blocks of 128 rows through {@code dotBlock} (as the flat index's single-query scan). */
    @Benchmark
    public float floatFourRows() {
        float s = 0;
        for (int j = 0; j < n; j += 128) {
            k.dotBlock(query, 1, base, j * dim, Math.min(128, n - j), dim, out);
            s += out[0];
        }
        return s;
    }

    /** Int8 codes, one dot product per row. */
    @Benchmark
    public int int8PerRow() {
        int s = 0;
        for (int j = 0; j < n; j++) s += k.dotInt8(queryCodes, codes, j * dim, dim);
        return s;
    }

    /** Int8 codes, blocks of 128 rows through {@code dotInt8Rows} (as the int8 flat scan). */
    @Benchmark
    public int int8FourRows() {
        int s = 0;
        for (int j = 0; j < n; j += 128) {
            k.dotInt8Rows(queryCodes, codes, j * dim, Math.min(128, n - j), dim, dots);
            s += dots[0];
        }
        return s;
    }
}
