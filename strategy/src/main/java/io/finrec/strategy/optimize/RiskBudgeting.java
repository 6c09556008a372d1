package io.finrec.strategy.optimize;

import io.finrec.api.allocation.AllocationException;
import io.finrec.api.allocation.SolverReport;
import io.finrec.strategy.linalg.Matrices;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Risk budgeting: long-only weights whose risk contributions {@code w_i (Σw)_i / w'Σw} equal given budgets b_i
 * (equal budgets give the equal-risk-contribution portfolio). Solved through the strictly convex problem
 * {@code min ½ y'Σy - Σ b_i ln y_i} (Spinu 2013), whose unique minimiser satisfies {@code (Σy)_i = b_i / y_i}, by
 * Newton's method with a backtracking line search, then {@code w = y / Σy}. Converges quadratically; the reported
 * stationarity is {@code max_i |RC_i - b_i|}. Immutable and thread-safe.
 */
public final class RiskBudgeting {
    private final double[][] cov;
    private final int n;

    /** @param covariance symmetric positive definite covariance */
    public RiskBudgeting(double[][] covariance) {
        Objects.requireNonNull(covariance, "covariance");
        this.n = covariance.length;
        this.cov = Matrices.symmetrize(Matrices.copy(covariance));
        for (int i = 0; i < n; i++)
            if (!(cov[i][i] > 0))
                throw new AllocationException(AllocationException.Reason.SINGULAR_MATRIX,
                        "asset " + i + " has zero or negative variance, so its risk contribution cannot be set",
                        "drop assets without price movement");
    }

    /** The equal-risk-contribution portfolio. */
    public OptimizedPortfolio equalRiskContribution() {
        double[] b = new double[n];
        java.util.Arrays.fill(b, 1.0 / n);
        return solve(b);
    }

    /** Weights whose risk contributions equal {@code budgets} (positive, normalised here to sum to one). */
    public OptimizedPortfolio solve(double[] budgets) {
        Objects.requireNonNull(budgets, "budgets");
        if (budgets.length != n) throw new IllegalArgumentException("budgets: " + budgets.length + " values for " + n + " assets");
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!(budgets[i] > 0) || !Double.isFinite(budgets[i]))
                throw new IllegalArgumentException("budgets: entry " + i + " must be positive, was " + budgets[i]);
            total += budgets[i];
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) b[i] = budgets[i] / total;
        // start from inverse-volatility weights scaled so that y'Σy = 1
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = b[i] / Math.sqrt(cov[i][i]);
        double scale = Math.sqrt(Matrices.quadraticForm(cov, y));
        for (int i = 0; i < n; i++) y[i] /= scale;
        int it = 0;
        double[][] hess = new double[n][n];
        double[] grad = new double[n];
        for (; it < 100; it++) {
            double[] sy = Matrices.multiply(cov, y);
            double gmax = 0;
            for (int i = 0; i < n; i++) {
                grad[i] = sy[i] - b[i] / y[i];
                gmax = Math.max(gmax, Math.abs(grad[i]) * y[i]);
            }
            if (gmax < 1e-15) break;
            for (int i = 0; i < n; i++) {
                System.arraycopy(cov[i], 0, hess[i], 0, n);
                hess[i][i] += b[i] / (y[i] * y[i]);
            }
            double[][] step = Matrices.solveSpd(hess, column(grad));
            if (step == null)
                throw new AllocationException(AllocationException.Reason.SINGULAR_MATRIX,
                        "the risk-budgeting Newton system is singular", "use a shrinkage covariance estimator");
            double f0 = objective(y, b);
            double t = 1;
            double[] next = new double[n];
            while (true) {
                boolean positive = true;
                for (int i = 0; i < n; i++) {
                    next[i] = y[i] - t * step[i][0];
                    if (!(next[i] > 0)) positive = false;
                }
                if (positive && objective(next, b) <= f0 + 1e-14 * Math.abs(f0)) break;
                t *= 0.5;
                if (t < 1e-12) break;
            }
            if (t < 1e-12) break;
            System.arraycopy(next, 0, y, 0, n);
        }
        double sum = 0;
        for (double v : y) sum += v;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = y[i] / sum;
        double[] rc = riskContributions(cov, w);
        double worst = 0;
        for (int i = 0; i < n; i++) worst = Math.max(worst, Math.abs(rc[i] - b[i]));
        if (worst > 1e-8)
            throw new AllocationException(AllocationException.Reason.SOLVER_FAILED,
                    String.format(Locale.ROOT, "risk budgeting did not converge (largest budget error %.2e)", worst),
                    "check that the covariance matrix is well conditioned");
        SolverReport report = new SolverReport("newton on the log-barrier formulation", "optimal", it, worst, 0, 0, 0, List.of());
        return new OptimizedPortfolio(w, report, List.of());
    }

    private double objective(double[] y, double[] b) {
        double f = 0.5 * Matrices.quadraticForm(cov, y);
        for (int i = 0; i < n; i++) f -= b[i] * Math.log(y[i]);
        return f;
    }

    private static double[][] column(double[] v) {
        double[][] c = new double[v.length][1];
        for (int i = 0; i < v.length; i++) c[i][0] = v[i];
        return c;
    }

    /** Risk contributions {@code w_i (Σw)_i / w'Σw} (sum to one). */
    public static double[] riskContributions(double[][] cov, double[] w) {
        double[] sw = Matrices.multiply(cov, w);
        double var = Matrices.dot(w, sw);
        double[] rc = new double[w.length];
        for (int i = 0; i < w.length; i++) rc[i] = var == 0 ? 0 : w[i] * sw[i] / var;
        return rc;
    }
}
