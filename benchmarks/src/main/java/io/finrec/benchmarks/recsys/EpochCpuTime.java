package io.finrec.benchmarks.recsys;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridTrainer;
import io.finrec.recsys.hybrid.Loss;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Companion of the JMH epoch benchmarks for shared, overloaded machines: runs FinRec's single-threaded epoch and the
 * LightFM-loop port's epoch alternately in one JVM and reports the median <em>thread CPU time</em> per epoch of each,
 * which other processes competing for the cores inflate far less than wall time. Usage:
 * {@code java -cp benchmarks.jar io.finrec.benchmarks.recsys.EpochCpuTime [epochs=6] [loss=WARP,BPR]}.
 */
public final class EpochCpuTime {
    private EpochCpuTime() {}

    /** Runs the comparison and prints one line per loss. */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        String[] losses = (args.length > 1 ? args[1] : "WARP,BPR").split(",");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Interactions data = BenchData.large();
        for (String loss : losses) {
            HybridConfig c = HybridConfig.builder().loss(Loss.valueOf(loss)).components(30).learningRate(0.05)
                    .threads(1).seed(42).build();
            LightFmPort port = new LightFmPort(data, 30, 42);
            double[] ours = new double[epochs];
            double[] theirs = new double[epochs];
            try (HybridTrainer.Session s = new HybridTrainer(c).session(null, TrainingData.of(data), ProgressListener.NONE)) {
                for (int e = 0; e < epochs; e++) {
                    long t = mx.getCurrentThreadCpuTime();
                    s.runEpoch();
                    ours[e] = (mx.getCurrentThreadCpuTime() - t) / 1e9;
                    t = mx.getCurrentThreadCpuTime();
                    if (loss.equals("WARP")) port.warpEpoch();
                    else port.bprEpoch();
                    theirs[e] = (mx.getCurrentThreadCpuTime() - t) / 1e9;
                }
            }
            double o = median(Arrays.copyOfRange(ours, 1, epochs));
            double p = median(Arrays.copyOfRange(theirs, 1, epochs));
            System.out.printf("%s: finrec %.3f s cpu/epoch, lightfm-port %.3f s cpu/epoch, ratio %.2fx "
                    + "(medians of epochs 2..%d; all finrec %s; all port %s)%n", loss, o, p, p / o, epochs,
                    Arrays.toString(round(ours)), Arrays.toString(round(theirs)));
        }
    }

    static double median(double[] a) {
        double[] b = a.clone();
        Arrays.sort(b);
        return b.length % 2 == 1 ? b[b.length / 2] : (b[b.length / 2 - 1] + b[b.length / 2]) / 2;
    }

    private static String[] round(double[] a) {
        return Arrays.stream(a).mapToObj(x -> String.format("%.2f", x)).toArray(String[]::new);
    }
}
