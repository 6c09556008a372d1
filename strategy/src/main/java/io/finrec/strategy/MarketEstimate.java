package io.finrec.strategy;

import io.finrec.strategy.data.ReturnSeries;
import io.finrec.strategy.linalg.Matrices;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The estimated inputs of an allocation: annualised expected returns and covariance (after any PSD repair), the
 * correlation used for clustering, the returns they came from, the shrinkage intensity of a Ledoit-Wolf estimator
 * and the estimation warnings. Immutable and thread-safe (arrays are copied out).
 */
public final class MarketEstimate {
    private final List<String> assets;
    private final double[] expectedReturns;
    private final double[][] covariance;
    private final double[][] correlation;
    private final ReturnSeries returns;
    private final OptionalDouble shrinkage;
    private final List<String> warnings;

    MarketEstimate(List<String> assets, double[] expectedReturns, double[][] covariance, double[][] correlation,
                   ReturnSeries returns, OptionalDouble shrinkage, List<String> warnings) {
        this.assets = List.copyOf(assets);
        this.expectedReturns = expectedReturns.clone();
        this.covariance = Matrices.copy(covariance);
        this.correlation = Matrices.copy(correlation);
        this.returns = Objects.requireNonNull(returns, "returns");
        this.shrinkage = shrinkage;
        this.warnings = List.copyOf(warnings);
    }

    /** The assets, in price-table order. */
    public List<String> assets() { return assets; }

    /** Annualised expected returns. */
    public double[] expectedReturns() { return expectedReturns.clone(); }

    /** Annualised covariance. */
    public double[][] covariance() { return Matrices.copy(covariance); }

    /** Correlation used by hierarchical clustering. */
    public double[][] correlation() { return Matrices.copy(correlation); }

    /** The (simple) returns the estimates came from. */
    public ReturnSeries returns() { return returns; }

    /** The Ledoit-Wolf shrinkage intensity, when one was used. */
    public OptionalDouble shrinkage() { return shrinkage; }

    /** Estimation warnings (repairs, short histories). */
    public List<String> warnings() { return warnings; }

    /** First price date of the window. */
    public LocalDate windowStart() { return returns.windowStart(); }

    /** Last price date of the window. */
    public LocalDate windowEnd() { return returns.dates().get(returns.periods() - 1); }

    /** Annualised volatility of each asset. */
    public double[] volatilities() {
        double[] v = new double[assets.size()];
        for (int i = 0; i < v.length; i++) v[i] = Math.sqrt(covariance[i][i]);
        return v;
    }
}
