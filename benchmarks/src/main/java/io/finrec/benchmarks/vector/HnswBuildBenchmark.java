package io.finrec.benchmarks.vector;

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
 * Graph build time (seconds per build) of FinRec HNSW, jvector and Lucene on the same data with the same M and
 * efConstruction. FinRec and jvector use {@code threads} threads; Lucene's graph builder is single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class HnswBuildBenchmark {
    @Param({"20000"})
    int n;

    @Param({"finrec", "jvector", "lucene"})
    String engine;

    @Param({"2"})
    int threads;

    float[][] base;

    @Setup
    public void setup() {
        base = new VectorData(n, 10, false).base;
    }

    @Benchmark
    public Object build() {
        AnnEngine e = AnnEngine.named(engine);
        e.build(base, 16, 100, threads);
        return e;
    }
}
