package io.finrec.benchmarks.recsys;

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
 * The baseline of {@link HybridEpochBenchmark}: one epoch of a line-by-line Java port of LightFM's Cython loop
 * ({@link LightFmPort}) on the same data and settings, single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class LightFmPortEpochBenchmark {
    @Param({"WARP", "BPR"})
    public String loss;

    private LightFmPort port;

    @Setup(Level.Trial)
    public void setup() {
        port = new LightFmPort(BenchData.large(), 30, 42);
    }

    @TearDown(Level.Trial)
    public void check() {
        if (!Double.isFinite(port.checksum())) throw new IllegalStateException("diverged");
    }

    @Benchmark
    public LightFmPort epoch() {
        if (loss.equals("WARP")) port.warpEpoch();
        else port.bprEpoch();
        return port;
    }
}
