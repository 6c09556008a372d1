package io.finrec.strategy.estimate;

import io.finrec.strategy.data.ReturnSeries;
import io.finrec.strategy.linalg.Matrices;
import java.util.Objects;

/**
 * Covariance estimators, annualised by {@code periodsPerYear}. On a dense series (no missing returns) they use the
 * whole window; with missing returns {@link #sample} uses pairwise-complete rows (pandas' {@code DataFrame.cov}).
 * None of them repairs its output: pass the result through {@link PsdRepair} (the strategies do). Stateless and
 * thread-safe.
 */
public final class Covariances {
    private Covariances() {}

    /** The result of a shrinkage estimator: the matrix and the shrinkage intensity δ ∈ [0, 1]. */
    public record Shrunk(double[][] matrix, double shrinkage) {}

    /**
     * Sample covariance with ddof 1 (divides by T - 1). With missing returns each pair uses the rows where both
     * assets have a return, with means over those rows.
     */
    public static double[][] sample(ReturnSeries returns, int periodsPerYear) {
        check(returns, periodsPerYear);
        double[][] v = returns.view();
        int n = returns.assetCount();
        double[][] out;
        if (returns.isDense()) {
            out = denseCovariance(v, 1);
        } else {
            out = new double[n][n];
            double[] ci = new double[v.length];
            double[] cj = new double[v.length];
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < v.length; t++) ci[t] = v[t][i];
                for (int j = i; j < n; j++) {
                    for (int t = 0; t < v.length; t++) cj[t] = v[t][j];
                    double c = pairwiseCovariance(ci, cj);
                    out[i][j] = c;
                    out[j][i] = c;
                }
            }
        }
        return Matrices.scale(out, periodsPerYear);
    }

    /** Covariance of dense data ({@code x[t][asset]}) divided by {@code T - ddof}, via EJML's {@code XᵀX}. */
    static double[][] denseCovariance(double[][] x, int ddof) {
        int t = x.length;
        int n = x[0].length;
        if (t - ddof <= 0) throw new IllegalArgumentException("returns: " + t + " rows are too few for a covariance");
        double[] mean = new double[n];
        for (double[] row : x) for (int a = 0; a < n; a++) mean[a] += row[a];
        for (int a = 0; a < n; a++) mean[a] /= t;
        double[][] centred = new double[t][n];
        for (int s = 0; s < t; s++) for (int a = 0; a < n; a++) centred[s][a] = x[s][a] - mean[a];
        double[][] c = Matrices.gram(centred);
        Matrices.scale(c, 1.0 / (t - ddof));
        return Matrices.symmetrize(c);
    }

    /** Covariance (ddof 1) of two columns over the rows where both are present; NaN with fewer than two. */
    static double pairwiseCovariance(double[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        int c = 0;
        for (int t = 0; t < x.length; t++) {
            if (!Double.isNaN(x[t]) && !Double.isNaN(y[t])) {
                sx += x[t];
                sy += y[t];
                c++;
            }
        }
        if (c < 2) return Double.NaN;
        double mx = sx / c;
        double my = sy / c;
        double s = 0;
        for (int t = 0; t < x.length; t++)
            if (!Double.isNaN(x[t]) && !Double.isNaN(y[t])) s += (x[t] - mx) * (y[t] - my);
        return s / (c - 1);
    }

    /**
     * Exponentially weighted covariance (PyPortfolioOpt's {@code exp_cov}): for each pair, the exponentially
     * weighted mean (span s, as {@link ExpectedReturns#exponentiallyWeighted}) of {@code (x_t - x̄)(y_t - ȳ)}, where
     * x̄ and ȳ are each asset's mean over its own returns; rows where either is missing are skipped.
     */
    public static double[][] exponentiallyWeighted(ReturnSeries returns, double span, int periodsPerYear) {
        check(returns, periodsPerYear);
        if (!(span >= 1)) throw new IllegalArgumentException("span: must be >= 1, was " + span);
        double[][] v = returns.view();
        int n = returns.assetCount();
        int periods = v.length;
        double[] mean = new double[n];
        int[] cnt = new int[n];
        for (double[] row : v) for (int a = 0; a < n; a++) if (!Double.isNaN(row[a])) { mean[a] += row[a]; cnt[a]++; }
        for (int a = 0; a < n; a++) mean[a] /= cnt[a];
        double decay = 1 - 2 / (span + 1);
        double[] w = new double[periods];
        double wt = 1;
        for (int t = periods - 1; t >= 0; t--) {
            w[t] = wt;
            wt *= decay;
        }
        double[][] out = new double[n][n];
        if (returns.isDense()) {
            // weighted Gram matrix: Σ_t w_t d_t d_t' / Σ_t w_t
            double wsum = 0;
            for (double x : w) wsum += x;
            double[][] d = new double[periods][n];
            for (int t = 0; t < periods; t++) {
                double sw = Math.sqrt(w[t] / wsum);
                for (int a = 0; a < n; a++) d[t][a] = (v[t][a] - mean[a]) * sw;
            }
            out = Matrices.symmetrize(Matrices.gram(d));
        } else {
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double num = 0;
                    double den = 0;
                    for (int t = 0; t < periods; t++) {
                        double a = v[t][i];
                        double b = v[t][j];
                        if (Double.isNaN(a) || Double.isNaN(b)) continue;
                        num += w[t] * (a - mean[i]) * (b - mean[j]);
                        den += w[t];
                    }
                    out[i][j] = num / den;
                    out[j][i] = out[i][j];
                }
            }
        }
        return Matrices.scale(out, periodsPerYear);
    }

    /**
     * Ledoit-Wolf shrinkage towards a scaled identity (the constant-variance target), identical to scikit-learn's
     * {@code LedoitWolf().fit(X)}: returns are centred, the sample covariance S uses ddof 0, the target is
     * {@code μ I} with {@code μ = trace(S) / n}, and the intensity is {@code min(β, δ) / δ} with sklearn's β and δ.
     * Missing returns are treated as zero returns (what PyPortfolioOpt passes to sklearn); on a dense series this
     * does not arise.
     */
    public static Shrunk ledoitWolf(ReturnSeries returns, int periodsPerYear) {
        check(returns, periodsPerYear);
        double[][] x = centredZeroFilled(returns);
        int t = x.length;
        int n = x[0].length;
        double[][] s = Matrices.scale(Matrices.symmetrize(Matrices.gram(x)), 1.0 / t);
        double shrinkage;
        if (n == 1) {
            shrinkage = 0;
        } else {
            double trace = 0;
            for (int i = 0; i < n; i++) trace += s[i][i];
            double mu = trace / n;
            // sklearn's beta_ = sum((X²)ᵀX²) = Σ_t (Σ_i x_ti²)², an O(T n) sum instead of a second Gram matrix
            double beta0 = 0;
            for (double[] row : x) {
                double rs = 0;
                for (double v : row) rs += v * v;
                beta0 += rs * rs;
            }
            double delta0 = 0;
            for (double[] row : s) for (double v : row) delta0 += v * v; // = Σ ((X'X)/t)² = sum((X'X)²)/t²
            double beta = 1.0 / (n * (double) t) * (beta0 / t - delta0);
            double delta = (delta0 - 2 * mu * trace + n * mu * mu) / n;
            beta = Math.min(beta, delta);
            shrinkage = beta == 0 ? 0 : beta / delta;
            Matrices.scale(s, 1 - shrinkage);
            for (int i = 0; i < n; i++) s[i][i] += shrinkage * mu;
        }
        return new Shrunk(Matrices.scale(s, periodsPerYear), shrinkage);
    }

    /**
     * Ledoit-Wolf (2004, "Honey, I shrunk the sample covariance matrix") shrinkage towards the constant-correlation
     * target: {@code F_ii = s_ii}, {@code F_ij = r̄ √(s_ii s_jj)}. {@code pyPortfolioOptConvention} false uses the
     * paper's estimator (S with ddof 0 everywhere); true reproduces PyPortfolioOpt's
     * {@code ledoit_wolf(shrinkage_target="constant_correlation")}, which combines a ddof-1, pairwise sample
     * covariance with zero-filled returns in the π, ρ and γ terms.
     */
    public static Shrunk ledoitWolfConstantCorrelation(ReturnSeries returns, int periodsPerYear,
                                                       boolean pyPortfolioOptConvention) {
        check(returns, periodsPerYear);
        double[][] xm = centredZeroFilled(returns);
        int t = xm.length;
        int n = xm[0].length;
        double[][] help = Matrices.scale(Matrices.symmetrize(Matrices.gram(xm)), 1.0 / t); // Xm'Xm / t
        double[][] s = pyPortfolioOptConvention ? Matrices.scale(sample(returns, 1), 1.0) : Matrices.copy(help);
        double[] var = new double[n];
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            var[i] = s[i][i];
            sd[i] = Math.sqrt(var[i]);
        }
        double rsum = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) rsum += s[i][j] / (sd[i] * sd[j]);
        double rbar = n == 1 ? 0 : (rsum - n) / (n * (n - 1.0));
        double[][] f = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) f[i][j] = i == j ? var[i] : rbar * sd[i] * sd[j];
        // π: Σ_ij [ (y'y)/t - 2 (Xm'Xm) ∘ S / t + S∘S ]
        double[][] y = new double[t][n];
        double[][] x3 = new double[t][n];
        for (int r = 0; r < t; r++) {
            for (int i = 0; i < n; i++) {
                double v = xm[r][i];
                y[r][i] = v * v;
                x3[r][i] = v * v * v;
            }
        }
        double[][] yy = Matrices.gram(y);
        double pi = 0;
        double piDiag = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double p = yy[i][j] / t - 2 * help[i][j] * s[i][j] + s[i][j] * s[i][j];
                pi += p;
                if (i == j) piDiag += p;
            }
        }
        // θ_ij = (Xm³)'Xm / t - help_ii S_ij - help_ij var_i + var_i S_ij  (i ≠ j)
        double[][] term1 = Matrices.multiplyTransA(x3, xm);
        double rhoOff = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double theta = term1[i][j] / t - help[i][i] * s[i][j] - help[i][j] * var[i] + var[i] * s[i][j];
                rhoOff += sd[j] / sd[i] * theta;
            }
        }
        double rho = piDiag + rbar * rhoOff;
        double gamma = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) gamma += (s[i][j] - f[i][j]) * (s[i][j] - f[i][j]);
        double delta = gamma == 0 ? 0 : Math.max(0, Math.min(1, (pi - rho) / gamma / t));
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) out[i][j] = delta * f[i][j] + (1 - delta) * s[i][j];
        return new Shrunk(Matrices.scale(out, periodsPerYear), delta);
    }

    /**
     * Ledoit-Wolf (2001) shrinkage towards Sharpe's single-factor model with the equal-weighted market, exactly as
     * PyPortfolioOpt's {@code ledoit_wolf(shrinkage_target="single_factor")}: zero-filled returns, ddof 0, the market
     * is the row mean of the (uncentred) zero-filled returns, which enters the ρ terms uncentred.
     */
    public static Shrunk ledoitWolfSingleFactor(ReturnSeries returns, int periodsPerYear) {
        check(returns, periodsPerYear);
        double[][] xm = centredZeroFilled(returns);
        int t = xm.length;
        int n = xm[0].length;
        double[] xmkt = new double[t];
        double[][] raw = returns.view();
        for (int r = 0; r < t; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += Double.isNaN(raw[r][i]) ? 0 : raw[r][i];
            xmkt[r] = s / n;
        }
        // sample covariance of [Xm, xmkt] with ddof 0 (np.cov * (t-1)/t)
        double[][] aug = new double[t][n + 1];
        for (int r = 0; r < t; r++) {
            System.arraycopy(xm[r], 0, aug[r], 0, n);
            aug[r][n] = xmkt[r];
        }
        double[][] full = denseCovariance(aug, 0);
        double[] betas = new double[n];
        for (int i = 0; i < n; i++) betas[i] = full[i][n];
        double varmkt = full[n][n];
        double[][] sample = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(full[i], 0, sample[i], 0, n);
        double[][] f = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) f[i][j] = i == j ? sample[i][i] : betas[i] * betas[j] / varmkt;
        double c = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) c += (sample[i][j] - f[i][j]) * (sample[i][j] - f[i][j]);
        double[][] y = new double[t][n];
        for (int r = 0; r < t; r++) for (int i = 0; i < n; i++) y[r][i] = xm[r][i] * xm[r][i];
        double[][] yy = Matrices.gram(y);
        double p = 0;
        double sumS2 = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) { p += yy[i][j]; sumS2 += sample[i][j] * sample[i][j]; }
        p = p / t - sumS2;
        double rdiag = 0;
        for (int r = 0; r < t; r++) for (int i = 0; i < n; i++) rdiag += y[r][i] * y[r][i];
        rdiag /= t;
        for (int i = 0; i < n; i++) rdiag -= sample[i][i] * sample[i][i];
        // z = Xm ∘ xmkt (column-broadcast)
        double[][] z = new double[t][n];
        for (int r = 0; r < t; r++) for (int i = 0; i < n; i++) z[r][i] = xm[r][i] * xmkt[r];
        double[][] yz = Matrices.multiplyTransA(y, z);
        double[][] zz = Matrices.gram(z);
        double roff1 = 0;
        double roff1d = 0;
        double roff3 = 0;
        double roff3d = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v1 = yz[i][j] / t - betas[i] * sample[i][j];
                roff1 += v1 * betas[j];
                if (i == j) roff1d += v1 * betas[i];
                double v3 = zz[i][j] / t - varmkt * sample[i][j];
                roff3 += v3 * betas[i] * betas[j];
                if (i == j) roff3d += v3 * betas[i] * betas[i];
            }
        }
        double roff = 2 * (roff1 / varmkt - roff1d / varmkt) - (roff3 / (varmkt * varmkt) - roff3d / (varmkt * varmkt));
        double r = rdiag + roff;
        double k = (p - r) / c;
        double delta = Math.max(0, Math.min(1, k / t));
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) out[i][j] = delta * f[i][j] + (1 - delta) * sample[i][j];
        return new Shrunk(Matrices.scale(out, periodsPerYear), delta);
    }

    /**
     * Semicovariance (PyPortfolioOpt's {@code semicovariance}): {@code D'D / T} with
     * {@code D = min(r - benchmark, 0)} per period, where a missing return counts as no shortfall and T is the number
     * of rows.
     */
    public static double[][] semicovariance(ReturnSeries returns, double benchmark, int periodsPerYear) {
        check(returns, periodsPerYear);
        double[][] v = returns.view();
        int t = v.length;
        int n = returns.assetCount();
        double[][] d = new double[t][n];
        for (int r = 0; r < t; r++) {
            for (int i = 0; i < n; i++) {
                double x = v[r][i];
                d[r][i] = Double.isNaN(x) ? 0 : Math.min(x - benchmark, 0);
            }
        }
        return Matrices.scale(Matrices.symmetrize(Matrices.gram(d)), (double) periodsPerYear / t);
    }

    /**
     * Pearson correlations from pairwise-complete rows, each pair with its own means and standard deviations over
     * the rows both assets share (pandas' {@code DataFrame.corr()}); on a dense series the ordinary correlation.
     */
    public static double[][] pairwiseCorrelation(ReturnSeries returns) {
        Objects.requireNonNull(returns, "returns");
        if (returns.isDense()) return correlation(sample(returns, 1));
        double[][] v = returns.view();
        int n = returns.assetCount();
        double[][] out = new double[n][n];
        double[] x = new double[v.length];
        double[] y = new double[v.length];
        for (int i = 0; i < n; i++) {
            out[i][i] = 1;
            for (int t = 0; t < v.length; t++) x[t] = v[t][i];
            for (int j = i + 1; j < n; j++) {
                for (int t = 0; t < v.length; t++) {
                    boolean both = !Double.isNaN(v[t][i]) && !Double.isNaN(v[t][j]);
                    x[t] = both ? v[t][i] : Double.NaN;
                    y[t] = both ? v[t][j] : Double.NaN;
                }
                double c = pairwiseCovariance(x, y) / Math.sqrt(pairwiseCovariance(x, x) * pairwiseCovariance(y, y));
                out[i][j] = c;
                out[j][i] = c;
            }
        }
        return out;
    }

    /** The correlation matrix of a covariance matrix. */
    public static double[][] correlation(double[][] cov) {
        int n = cov.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) out[i][j] = i == j ? 1 : cov[i][j] / Math.sqrt(cov[i][i] * cov[j][j]);
        return out;
    }

    /** Returns with missing values set to zero, then centred by column means (which include those zeros). */
    private static double[][] centredZeroFilled(ReturnSeries returns) {
        double[][] v = returns.view();
        int t = v.length;
        int n = returns.assetCount();
        double[][] x = new double[t][n];
        double[] mean = new double[n];
        for (int r = 0; r < t; r++) {
            for (int i = 0; i < n; i++) {
                double val = Double.isNaN(v[r][i]) ? 0 : v[r][i];
                x[r][i] = val;
                mean[i] += val;
            }
        }
        for (int i = 0; i < n; i++) mean[i] /= t;
        for (int r = 0; r < t; r++) for (int i = 0; i < n; i++) x[r][i] -= mean[i];
        return x;
    }

    private static void check(ReturnSeries returns, int periodsPerYear) {
        Objects.requireNonNull(returns, "returns");
        if (periodsPerYear < 1) throw new IllegalArgumentException("periodsPerYear: must be >= 1, was " + periodsPerYear);
        if (returns.periods() < 2)
            throw new IllegalArgumentException("returns: " + returns.periods() + " return rows are too few for a covariance");
    }
}
