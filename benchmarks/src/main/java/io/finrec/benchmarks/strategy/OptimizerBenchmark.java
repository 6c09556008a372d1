package io.finrec.benchmarks.strategy;

import io.finrec.strategy.data.ReturnSeries;
import io.finrec.strategy.estimate.Covariances;
import io.finrec.strategy.estimate.ExpectedReturns;
import io.finrec.strategy.hrp.HierarchicalRiskParity;
import io.finrec.strategy.linalg.Matrices;
import io.finrec.strategy.optimize.MeanVarianceOptimizer;
import io.finrec.strategy.optimize.OptimizedPortfolio;
import io.finrec.strategy.optimize.PortfolioConstraints;
import io.finrec.strategy.optimize.RiskBudgeting;
import java.util.ArrayList;
import java.util.List;
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
 * Long-only optimisers on a Ledoit-Wolf covariance of {@code assets} × 1,000 daily factor-model returns: the
 * Goldfarb-Idnani QP for minimum variance and maximum Sharpe, ERC (Newton), HRP in both linkage variants; the
 * baseline is one Cholesky solve of the unconstrained minimum-variance system (the floor any QP pays).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OptimizerBenchmark {
    @Param({"50", "500"})
    int assets;

    double[] mu;
    double[][] cov;
    double[][] corr;
    double[][] ones;
    PortfolioConstraints constraints;

    @Setup
    public void setup() {
        ReturnSeries r = StrategyData.returns(assets, 1000, 2);
        mu = ExpectedReturns.geometric(r, 252);
        cov = Covariances.ledoitWolf(r, 252).matrix();
        corr = Covariances.correlation(cov);
        List<String> names = new ArrayList<>(r.assets());
        constraints = PortfolioConstraints.longOnly(names);
        ones = new double[assets][1];
        for (double[] row : ones) row[0] = 1;
        OptimizedPortfolio check = new MeanVarianceOptimizer(mu, cov, constraints).maxSharpe(0.02);
        if (check.report().maxResidual() > 1e-8) throw new IllegalStateException("inaccurate solve: " + check.report());
    }

    @Benchmark
    public OptimizedPortfolio minVariance() {
        return new MeanVarianceOptimizer(mu, cov, constraints).minVariance();
    }

    @Benchmark
    public OptimizedPortfolio maxSharpe() {
        return new MeanVarianceOptimizer(mu, cov, constraints).maxSharpe(0.02);
    }

    @Benchmark
    public OptimizedPortfolio equalRiskContribution() {
        return new RiskBudgeting(cov).equalRiskContribution();
    }

    @Benchmark
    public HierarchicalRiskParity.Result hrpPlainDistance() {
        return new HierarchicalRiskParity(HierarchicalRiskParity.Variant.PLAIN_DISTANCE).weights(cov, corr);
    }

    @Benchmark
    public HierarchicalRiskParity.Result hrpDistanceOfDistances() {
        return new HierarchicalRiskParity(HierarchicalRiskParity.Variant.DISTANCE_OF_DISTANCES).weights(cov, corr);
    }

    /** Baseline: the unconstrained minimum-variance system Σx = 1 solved once by Cholesky. */
    @Benchmark
    public double[][] unconstrainedCholeskySolve() {
        return Matrices.solveSpd(cov, ones);
    }
}
