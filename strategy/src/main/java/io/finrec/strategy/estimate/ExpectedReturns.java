package io.finrec.strategy.estimate;

import io.finrec.strategy.data.ReturnSeries;
import java.util.Objects;

/**
 * Estimators of annualised expected returns. Each asset uses its own available returns (missing ones are skipped,
 * so under {@link io.finrec.strategy.data.MissingPricePolicy#PAIRWISE} an asset is annualised with its own count).
 * Geometric and exponentially weighted compounding use simple returns (log returns are converted). Stateless and
 * thread-safe.
 */
public final class ExpectedReturns {
    private ExpectedReturns() {}

    /** Arithmetic mean × periods per year. */
    public static double[] arithmetic(ReturnSeries returns, int periodsPerYear) {
        check(returns, periodsPerYear);
        int n = returns.assetCount();
        double[] out = new double[n];
        double[][] v = returns.toSimple().view();
        for (int a = 0; a < n; a++) {
            double s = 0;
            int c = 0;
            for (double[] row : v) {
                if (!Double.isNaN(row[a])) {
                    s += row[a];
                    c++;
                }
            }
            out[a] = c == 0 ? Double.NaN : s / c * periodsPerYear;
        }
        return out;
    }

    /**
     * Geometric mean (compound annual growth rate): {@code (Π (1 + r_t))^(periods / count) - 1}, PyPortfolioOpt's
     * default {@code mean_historical_return}.
     */
    public static double[] geometric(ReturnSeries returns, int periodsPerYear) {
        check(returns, periodsPerYear);
        int n = returns.assetCount();
        double[] out = new double[n];
        double[][] v = returns.toSimple().view();
        for (int a = 0; a < n; a++) {
            double logSum = 0;
            int c = 0;
            for (double[] row : v) {
                if (!Double.isNaN(row[a])) {
                    logSum += Math.log1p(row[a]);
                    c++;
                }
            }
            out[a] = c == 0 ? Double.NaN : Math.expm1(logSum * periodsPerYear / c);
        }
        return out;
    }

    /**
     * Exponentially weighted mean with span {@code s} (decay α = 2 / (s + 1); weight of the return k periods before
     * the last is (1 - α)^k, normalised over the available returns as pandas' {@code ewm(span).mean()} does),
     * annualised by compounding {@code (1 + m)^periods - 1} or by {@code m × periods}.
     */
    public static double[] exponentiallyWeighted(ReturnSeries returns, double span, int periodsPerYear,
                                                 boolean compounding) {
        check(returns, periodsPerYear);
        if (!(span >= 1)) throw new IllegalArgumentException("span: must be >= 1, was " + span);
        double[] m = ewmLast(returns.toSimple().view(), span);
        for (int a = 0; a < m.length; a++)
            m[a] = compounding ? Math.pow(1 + m[a], periodsPerYear) - 1 : m[a] * periodsPerYear;
        return m;
    }

    /** Exponentially weighted mean of each column at the last row, skipping NaN (pandas adjust=True). */
    static double[] ewmLast(double[][] v, double span) {
        int n = v.length == 0 ? 0 : v[0].length;
        double decay = 1 - 2 / (span + 1);
        double[] num = new double[n];
        double[] den = new double[n];
        int periods = v.length;
        double w = 1;
        for (int t = periods - 1; t >= 0; t--) {
            for (int a = 0; a < n; a++) {
                double x = v[t][a];
                if (!Double.isNaN(x)) {
                    num[a] += w * x;
                    den[a] += w;
                }
            }
            w *= decay;
        }
        double[] out = new double[n];
        for (int a = 0; a < n; a++) out[a] = den[a] == 0 ? Double.NaN : num[a] / den[a];
        return out;
    }

    /**
     * CAPM expected returns {@code rf + β_i (E[R_m] - rf)}, β_i = cov(r_i, r_m) / var(r_m) over the rows both have
     * (sample covariance, ddof 1), E[R_m] the market's geometric or arithmetic annualised mean. {@code market} holds
     * the market's return on each row of {@code returns} (NaN where unknown); {@code null} uses the equal-weighted
     * mean of the available asset returns on each row as the market proxy (PyPortfolioOpt's convention).
     */
    public static double[] capm(ReturnSeries returns, double[] market, double riskFreeRate, int periodsPerYear,
                                boolean compounding) {
        check(returns, periodsPerYear);
        double[][] v = returns.toSimple().view();
        int periods = v.length;
        int n = returns.assetCount();
        double[] mkt = new double[periods];
        if (market == null) {
            for (int t = 0; t < periods; t++) {
                double s = 0;
                int c = 0;
                for (double x : v[t]) {
                    if (!Double.isNaN(x)) {
                        s += x;
                        c++;
                    }
                }
                mkt[t] = c == 0 ? Double.NaN : s / c;
            }
        } else {
            if (market.length != periods)
                throw new IllegalArgumentException("market: " + market.length + " returns for " + periods + " periods");
            System.arraycopy(market, 0, mkt, 0, periods);
        }
        double varM = Covariances.pairwiseCovariance(mkt, mkt);
        if (!(varM > 0))
            throw new IllegalArgumentException("market: the market returns have no variance");
        double[] col = new double[periods];
        double[] beta = new double[n];
        for (int a = 0; a < n; a++) {
            for (int t = 0; t < periods; t++) col[t] = v[t][a];
            beta[a] = Covariances.pairwiseCovariance(col, mkt) / varM;
        }
        double mktMean;
        double logSum = 0;
        double sum = 0;
        int c = 0;
        for (double x : mkt) {
            if (!Double.isNaN(x)) {
                logSum += Math.log1p(x);
                sum += x;
                c++;
            }
        }
        mktMean = compounding ? Math.expm1(logSum * periodsPerYear / c) : sum / c * periodsPerYear;
        double[] out = new double[n];
        for (int a = 0; a < n; a++) out[a] = riskFreeRate + beta[a] * (mktMean - riskFreeRate);
        return out;
    }

    /**
     * The market-implied (equilibrium) expected returns of Black-Litterman: {@code δ Σ w_mkt + rf}, where
     * {@code w_mkt} are market-capitalisation weights (normalised here to sum to one).
     */
    public static double[] impliedEquilibrium(double[][] covariance, double[] marketCaps, double riskAversion,
                                              double riskFreeRate) {
        Objects.requireNonNull(covariance, "covariance");
        Objects.requireNonNull(marketCaps, "marketCaps");
        int n = covariance.length;
        if (marketCaps.length != n)
            throw new IllegalArgumentException("marketCaps: " + marketCaps.length + " values for " + n + " assets");
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!(marketCaps[i] >= 0) || !Double.isFinite(marketCaps[i]))
                throw new IllegalArgumentException("marketCaps: entry " + i + " is not a non-negative number");
            total += marketCaps[i];
        }
        if (!(total > 0)) throw new IllegalArgumentException("marketCaps: they sum to zero");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += covariance[i][j] * marketCaps[j] / total;
            out[i] = riskAversion * s + riskFreeRate;
        }
        return out;
    }

    /**
     * Market-implied risk aversion {@code δ = (E[R_m] - rf) / σ_m²} from market returns (arithmetic mean and sample
     * variance, annualised), as in PyPortfolioOpt's {@code market_implied_risk_aversion}.
     */
    public static double marketImpliedRiskAversion(double[] marketReturns, int periodsPerYear, double riskFreeRate) {
        double mean = 0;
        int c = 0;
        for (double x : marketReturns) {
            if (!Double.isNaN(x)) {
                mean += x;
                c++;
            }
        }
        if (c < 2) throw new IllegalArgumentException("marketReturns: need at least two returns");
        mean /= c;
        double var = 0;
        for (double x : marketReturns) if (!Double.isNaN(x)) var += (x - mean) * (x - mean);
        var /= c - 1;
        return (mean * periodsPerYear - riskFreeRate) / (var * periodsPerYear);
    }

    private static void check(ReturnSeries returns, int periodsPerYear) {
        Objects.requireNonNull(returns, "returns");
        if (periodsPerYear < 1) throw new IllegalArgumentException("periodsPerYear: must be >= 1, was " + periodsPerYear);
        if (returns.periods() == 0) throw new IllegalArgumentException("returns: the series has no return rows");
    }
}
