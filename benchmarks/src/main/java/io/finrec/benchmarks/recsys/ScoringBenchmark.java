package io.finrec.benchmarks.recsys;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.data.SyntheticInteractions;
import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridModel;
import io.finrec.recsys.hybrid.HybridTrainer;
import io.finrec.recsys.hybrid.ScoringKernel;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Serving: scoring one user against the catalogue (the allocation-free kernel vs a per-item dot-product loop),
 * one top-10 query, and top-10 for all users streamed with bounded heaps (1 and 2 threads) vs the naive
 * score-everything-and-sort baseline and one {@code recommend} call per user; every user's scores one user per
 * pass vs four users per tiled pass. Data: a MovieLens-100k-sized Zipf set (943 x 1682) and a larger one (10k users
 * x 20k items); 30 components, 5 WARP epochs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScoringBenchmark {
    @Param({"943x1682", "10000x20000"})
    public String size;

    private HybridModel model;
    private ScoringKernel kernel;
    private float[] user;
    private float[] scores;
    private float[][] block;
    private float[][] blockScores;
    private int next;

    @Setup
    public void setup() {
        Interactions d = size.equals("943x1682") ? SyntheticInteractions.zipf(943, 1682, 55_000, 1.0, 42)
                : SyntheticInteractions.zipf(10_000, 20_000, 200_000, 1.0, 42);
        model = new HybridTrainer(HybridConfig.builder().components(30).epochs(5).seed(42).build())
                .fit(TrainingData.of(d), ProgressListener.NONE);
        kernel = model.kernel();
        user = new float[31];
        kernel.userRepresentation(0, user);
        scores = new float[kernel.itemCount()];
        block = new float[4][31];
        blockScores = new float[4][kernel.itemCount()];
    }

    /** The kernel: all items for one user (transposed, SIMD-friendly loop). */
    @Benchmark
    public float scoreAllItemsKernel() {
        kernel.scoreAll(user, true, scores);
        return scores[scores.length - 1];
    }

    /** Every user against the catalogue, one user per pass ({@code scoreAll}): the baseline for blocking. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public float allUsersScoresOneByOne() {
        int users = kernel.userCount();
        float[] u = new float[31];
        float acc = 0;
        for (int x = 0; x < users; x++) {
            kernel.userRepresentation(x, u);
            kernel.scoreAll(u, true, scores);
            acc += scores[x % scores.length];
        }
        return acc;
    }

    /** Every user against the catalogue, four users per tiled pass ({@code scoreBlock}). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public float allUsersScoresBlocked() {
        int users = kernel.userCount();
        float acc = 0;
        for (int x = 0; x < users; x += 4) {
            int count = Math.min(4, users - x);
            for (int b = 0; b < count; b++) kernel.userRepresentation(x + b, block[b]);
            kernel.scoreBlock(block, count, true, blockScores);
            acc += blockScores[0][x % scores.length];
        }
        return acc;
    }

    /** Baseline: one {@code score} call per item. */
    @Benchmark
    public float scoreAllItemsPerItem() {
        int n = kernel.itemCount();
        for (int i = 0; i < n; i++) scores[i] = kernel.score(user, i);
        return scores[n - 1];
    }

    /** One user's top 10 through the public API (known items excluded). */
    @Benchmark
    public List<RecommendedItem> recommendTop10() {
        String u = model.userIds().get(next++ % model.userIds().size());
        return model.recommend(u, RecommendQuery.top(10));
    }

    /** Top 10 for every user, streamed, one thread. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public long allUsersTop10Threads1() {
        return allUsersTop10(1);
    }

    private long allUsersTop10(int threads) {
        AtomicLong n = new AtomicLong();
        model.recommendAll(RecommendQuery.top(10), threads, (u, r) -> n.addAndGet(r.size()));
        return n.get();
    }

    /** Baseline for {@code recommendAll}: one {@code recommend} call (one user per scoring pass) per user. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public long allUsersTop10OneByOne() {
        long n = 0;
        for (String u : model.userIds()) n += model.recommend(u, RecommendQuery.top(10)).size();
        return n;
    }

    /** Top 10 for every user, streamed, two threads. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public long allUsersTop10Threads2() {
        return allUsersTop10(2);
    }

    /** Baseline: per user, score every item with per-item dot products, then sort all of them. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public void allUsersTop10NaiveSort(Blackhole bh) {
        int n = kernel.itemCount();
        float[] u = new float[31];
        long[] packed = new long[n];
        for (int x = 0; x < kernel.userCount(); x++) {
            kernel.userRepresentation(x, u);
            for (int i = 0; i < n; i++) {
                float s = kernel.score(u, i);
                int bits = Float.floatToIntBits(s);
                bits ^= (bits >> 31) & 0x7fffffff; // order-preserving int
                packed[i] = ((long) bits << 32) | i;
            }
            Arrays.sort(packed);
            bh.consume(packed[n - 1]);
        }
    }
}
