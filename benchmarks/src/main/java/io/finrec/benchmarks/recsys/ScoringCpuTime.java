package io.finrec.benchmarks.recsys;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.data.SyntheticInteractions;
import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridModel;
import io.finrec.recsys.hybrid.HybridTrainer;
import io.finrec.recsys.hybrid.ScoringKernel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Companion of {@link ScoringBenchmark} for shared, overloaded machines: scores every user against the catalogue
 * one user per pass ({@code scoreAll}) and four users per tiled pass ({@code scoreBlock}), and top 10 for every
 * user by one {@code recommend} call each and by {@code recommendAll} (1 thread), alternating in one JVM, and
 * reports medians of <em>thread CPU time</em>, which competing processes inflate far less than wall time. Data as
 * in {@code ScoringBenchmark}. Usage: {@code java -cp benchmarks.jar
 * io.finrec.benchmarks.recsys.ScoringCpuTime [reps=15] [sizes=943x1682,10000x20000]}.
 */
public final class ScoringCpuTime {
    private ScoringCpuTime() {}

    /** Runs the comparison and prints one line per size and pair. */
    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String[] sizes = (args.length > 1 ? args[1] : "943x1682,10000x20000").split(",");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String size : sizes) {
            Interactions d = size.equals("943x1682") ? SyntheticInteractions.zipf(943, 1682, 55_000, 1.0, 42)
                    : SyntheticInteractions.zipf(10_000, 20_000, 200_000, 1.0, 42);
            HybridModel model = new HybridTrainer(HybridConfig.builder().components(30).epochs(5).seed(42).build())
                    .fit(TrainingData.of(d), ProgressListener.NONE);
            ScoringKernel kernel = model.kernel();
            int users = kernel.userCount();
            int n = kernel.itemCount();
            float[] u = new float[31];
            float[] scores = new float[n];
            float[][] block = new float[4][31];
            float[][] blockScores = new float[4][n];
            double[][] t = new double[4][reps];
            float sink = 0;
            for (int r = 0; r < reps; r++) {
                long c = mx.getCurrentThreadCpuTime();
                for (int x = 0; x < users; x++) {
                    kernel.userRepresentation(x, u);
                    kernel.scoreAll(u, true, scores);
                    sink += scores[x % n];
                }
                t[0][r] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
                c = mx.getCurrentThreadCpuTime();
                for (int x = 0; x < users; x += 4) {
                    int count = Math.min(4, users - x);
                    for (int b = 0; b < count; b++) kernel.userRepresentation(x + b, block[b]);
                    kernel.scoreBlock(block, count, true, blockScores);
                    sink += blockScores[0][x % n];
                }
                t[1][r] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
                c = mx.getCurrentThreadCpuTime();
                long listed = 0;
                for (String id : model.userIds()) listed += model.recommend(id, RecommendQuery.top(10)).size();
                t[2][r] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
                c = mx.getCurrentThreadCpuTime();
                AtomicLong all = new AtomicLong();
                model.recommendAll(RecommendQuery.top(10), 1, (id, list) -> all.addAndGet(list.size()));
                t[3][r] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
                if (listed != all.get()) throw new IllegalStateException("different list sizes");
            }
            // medians of the second half (after JIT warm-up)
            double[] m = new double[4];
            for (int i = 0; i < 4; i++) m[i] = EpochCpuTime.median(Arrays.copyOfRange(t[i], reps / 2, reps));
            System.out.printf("%s all-users scores: one user per pass %.1f ms cpu, 4-user blocks %.1f ms cpu, "
                    + "ratio %.2fx%n", size, m[0], m[1], m[0] / m[1]);
            System.out.printf("%s all-users top 10: recommend per user %.1f ms cpu, recommendAll %.1f ms cpu, "
                    + "ratio %.2fx (sink %s)%n", size, m[2], m[3], m[2] / m[3], sink > 0 ? "+" : "-");
        }
    }
}
