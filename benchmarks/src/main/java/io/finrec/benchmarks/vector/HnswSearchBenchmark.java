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
 * Graph search at a fixed breadth, one query at a time on one thread: FinRec HNSW, jvector 3.0.6 and Lucene 9.12.3
 * HNSW built with the same M and efConstruction on the same data, in one JMH run. Each fork builds its engine in
 * setup and prints its recall@10 at this ef to stderr, so speeds can be compared at known recall (use
 * {@code AnnComparison} for full recall/QPS curves).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class HnswSearchBenchmark {
    @Param({"100000"})
    int n;

    @Param({"finrec", "jvector", "lucene"})
    String engine;

    @Param({"64"})
    int ef;

    @Param({"16"})
    int m;

    @Param({"100"})
    int efConstruction;

    AnnEngine e;
    float[][] queries;
    int next;

    @Setup
    public void setup() {
        VectorData d = new VectorData(n, 1000, true);
        queries = d.queries;
        e = AnnEngine.named(engine);
        long t0 = System.nanoTime();
        e.build(d.base, m, efConstruction, Runtime.getRuntime().availableProcessors());
        System.err.printf("%n[%s] n=%d M=%d efC=%d build %.1f s, recall@10 at ef=%d: %.4f%n", engine, n, m,
                efConstruction, (System.nanoTime() - t0) / 1e9, ef, d.recall(e, ef));
    }

    @Benchmark
    public int[] search() {
        float[] q = queries[next];
        next = next + 1 == queries.length ? 0 : next + 1;
        return e.search(q, 10, ef);
    }
}
