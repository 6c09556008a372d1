package io.finrec.benchmarks.vector;

import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchHit;
import io.finrec.api.vector.SearchRequest;
import io.finrec.vectorsearch.flat.FlatIndex;
import io.finrec.vectorsearch.quant.Quantization;
import io.finrec.vectorsearch.search.TopK;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact search over the embedding-like set (d=384, inner product, top-10): FinRec's {@link FlatIndex} one query at
 * a time (float scan; int8 code scan with exact re-ranking, which returns the same hits; the float scan split over two
 * threads) and in batches of 1,000, on the Vector API kernels and (separate forks) the scalar fallback, beside a plain
 * Java loop. Scores are queries per second ({@code @OperationsPerInvocation} counts each batch as 1,000 queries).
 * The FAISS figures on this machine: 65 QPS one at a time, 1,690 QPS batched (1 thread).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class FlatSearchBenchmark {
    static final String[] SCALAR = {"-Xmx4g", "-Dfinrec.vector.kernels=scalar"};

    @Param({"100000"})
    int n;

    FlatIndex index;
    FlatIndex int8;
    float[][] base;
    float[][] queries;
    int next;

    @Setup
    public void setup() {
        VectorData d = new VectorData(n, 1000, false);
        base = d.base;
        queries = d.queries;
        index = FlatIndex.create(384, Metric.INNER_PRODUCT);
        int8 = FlatIndex.create(384, Metric.INNER_PRODUCT, Quantization.INT8);
        for (int i = 0; i < base.length; i++) {
            index.add(Integer.toString(i), base[i]);
            int8.add(Integer.toString(i), base[i]);
        }
        for (int i = 0; i < 20; i++) { // sanity: the int8 scan returns the float scan's hits
            if (!index.search(queries[i], SearchRequest.topK(10)).equals(int8.search(queries[i], SearchRequest.topK(10))))
                throw new IllegalStateException("int8 flat search differs from the float scan on query " + i);
        }
        // sanity: exact search finds a base vector itself
        if (!index.search(base[7], SearchRequest.topK(1)).get(0).id().equals("7"))
            throw new IllegalStateException("flat search is wrong");
    }

    private float[] nextQuery() {
        float[] q = queries[next];
        next = next + 1 == queries.length ? 0 : next + 1;
        return q;
    }

    /** One query, one thread, Vector API kernels. */
    @Benchmark
    public List<SearchHit> single() {
        return index.search(nextQuery(), SearchRequest.topK(10));
    }

    /** One query, one thread, scalar kernels. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dfinrec.vector.kernels=scalar"})
    public List<SearchHit> singleScalar() {
        return index.search(nextQuery(), SearchRequest.topK(10));
    }

    /** One query, one thread, int8 code scan + exact re-ranking, Vector API kernels. */
    @Benchmark
    public List<SearchHit> singleInt8() {
        return int8.search(nextQuery(), SearchRequest.topK(10));
    }

    /** One query, one thread, int8 code scan + exact re-ranking, scalar kernels. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dfinrec.vector.kernels=scalar"})
    public List<SearchHit> singleInt8Scalar() {
        return int8.search(nextQuery(), SearchRequest.topK(10));
    }

    /** One query, the float scan split over two threads (each scans half the data; heaps merged). */
    @Benchmark
    public List<List<SearchHit>> singleTwoThreads() {
        return index.searchBatch(new float[][] {nextQuery()}, SearchRequest.topK(10), 2);
    }

    /** The baseline: a plain loop over {@code float[][]} with a textbook dot product into a top-10 heap. */
    @Benchmark
    public int plainJavaLoop() {
        float[] q = nextQuery();
        TopK heap = new TopK(10);
        for (int i = 0; i < base.length; i++) {
            float[] v = base[i];
            float s = 0;
            for (int j = 0; j < v.length; j++) s += q[j] * v[j];
            heap.offer(s, i);
        }
        return heap.size();
    }

    /**
     * Lucene's dot product ({@code VectorUtil.dotProduct}, which on Java 17 is its unrolled scalar loop: Lucene 9.12
     * uses the Vector API only on Java 20+) over {@code float[][]} into the same top-10 heap.
     */
    @Benchmark
    public int luceneVectorUtil() {
        float[] q = nextQuery();
        TopK heap = new TopK(10);
        for (int i = 0; i < base.length; i++) heap.offer(org.apache.lucene.util.VectorUtil.dotProduct(q, base[i]), i);
        return heap.size();
    }

    /** 1,000 queries per pass over the data, one thread, Vector API kernels. */
    @Benchmark
    @OperationsPerInvocation(1000)
    public List<List<SearchHit>> batch1000OneThread() {
        return index.searchBatch(queries, SearchRequest.topK(10), 1);
    }

    /** 1,000 queries, one thread, scalar kernels. */
    @Benchmark
    @OperationsPerInvocation(1000)
    @Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dfinrec.vector.kernels=scalar"})
    public List<List<SearchHit>> batch1000OneThreadScalar() {
        return index.searchBatch(queries, SearchRequest.topK(10), 1);
    }

    /** 1,000 queries over two threads, Vector API kernels. */
    @Benchmark
    @OperationsPerInvocation(1000)
    public List<List<SearchHit>> batch1000TwoThreads() {
        return index.searchBatch(queries, SearchRequest.topK(10), 2);
    }
}
