package io.finrec.benchmarks.recsys;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridTrainer;
import io.finrec.recsys.hybrid.Loss;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training epoch of the hybrid model on the 100k x 20k x 2M Zipf set (30 components, AdaGrad, lr 0.05,
 * max_sampled 10), WARP and BPR, 1 and 2 threads. Each measured iteration is exactly one epoch of a training run that
 * started at setup (so iterations measure epochs 3, 4, 5... as a real fit would). Compare with
 * {@link LightFmPortEpochBenchmark} in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class HybridEpochBenchmark {
    @Param({"WARP", "BPR"})
    public String loss;

    @Param({"1", "2"})
    public int threads;

    private HybridTrainer.Session session;

    @Setup(Level.Trial)
    public void setup() {
        HybridConfig c = HybridConfig.builder().loss(Loss.valueOf(loss)).components(30).learningRate(0.05)
                .threads(threads).seed(42).build();
        session = new HybridTrainer(c).session(null, TrainingData.of(BenchData.large()), ProgressListener.NONE);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (session.model().itemRepresentations().size() != 20_000) throw new IllegalStateException("bad model");
        session.close();
    }

    @Benchmark
    public int epoch() {
        session.runEpoch();
        return session.epochsRun();
    }
}
