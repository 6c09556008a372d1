package io.finrec.benchmarks.strategy;

import io.finrec.strategy.data.ReturnSeries;
import io.finrec.strategy.estimate.Covariances;
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
 * Sample covariance and Ledoit-Wolf shrinkage of {@code assets} × 1,000 daily returns: FinRec's estimators (EJML
 * {@code XᵀX}) beside a naive triple loop (the baseline).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CovarianceBenchmark {
    @Param({"50", "500"})
    int assets;

    @Param({"1000"})
    int days;

    ReturnSeries returns;
    double[][] x;

    @Setup
    public void setup() {
        returns = StrategyData.returns(assets, days, 1);
        x = returns.toArray();
    }

    @Benchmark
    public double[][] sampleCovariance() {
        return Covariances.sample(returns, 252);
    }

    @Benchmark
    public Covariances.Shrunk ledoitWolf() {
        return Covariances.ledoitWolf(returns, 252);
    }

    @Benchmark
    public Covariances.Shrunk ledoitWolfConstantCorrelation() {
        return Covariances.ledoitWolfConstantCorrelation(returns, 252, false);
    }

    /** Baseline: the textbook triple loop over centred returns. */
    @Benchmark
    public double[][] naiveSampleCovariance() {
        int t = x.length;
        int n = x[0].length;
        double[] mean = new double[n];
        for (double[] row : x) for (int a = 0; a < n; a++) mean[a] += row[a] / t;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (double[] row : x) s += (row[i] - mean[i]) * (row[j] - mean[j]);
                c[i][j] = s / (t - 1) * 252;
                c[j][i] = c[i][j];
            }
        }
        return c;
    }
}
