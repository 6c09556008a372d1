package io.finrec.strategy.optimize;

import io.finrec.api.allocation.AllocationException;
import io.finrec.api.allocation.SolverReport;
import io.finrec.strategy.linalg.Matrices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Mean-variance optimisation under budget, box and group constraints, each problem solved exactly as a quadratic
 * program by {@link ActiveSetQpSolver}: minimum variance, maximum Sharpe ratio (through the change of variables
 * {@code y = w / (μ - r_f)'w}, which turns the ratio into a convex QP), efficient return (minimum variance at a
 * return target), efficient risk (maximum return at a volatility target, found by a bracketed root search over
 * efficient-return portfolios), quadratic utility and frontier points. Weights within 1e-11 of a bound are snapped
 * to it. Immutable and thread-safe.
 */
public final class MeanVarianceOptimizer {
    private static final double SNAP = 1e-11;

    private final double[] mu;
    private final double[][] cov;
    private final PortfolioConstraints constraints;
    private final int n;
    private final ActiveSetQpSolver solver = new ActiveSetQpSolver();

    /**
     * @param expectedReturns annualised expected returns, or {@code null} for minimum variance only
     * @param covariance      annualised covariance (symmetric positive definite)
     * @param constraints     the constraints, resolved against the same assets
     */
    public MeanVarianceOptimizer(double[] expectedReturns, double[][] covariance, PortfolioConstraints constraints) {
        this.constraints = Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(covariance, "covariance");
        this.n = constraints.size();
        if (covariance.length != n)
            throw new IllegalArgumentException("covariance: " + covariance.length + " rows for " + n + " assets");
        for (int i = 0; i < n; i++) {
            if (covariance[i].length != n)
                throw new IllegalArgumentException("covariance: row " + i + " has " + covariance[i].length + " entries for " + n + " assets");
            for (double v : covariance[i])
                if (!Double.isFinite(v)) throw new IllegalArgumentException("covariance: row " + i + " has a non-finite entry");
        }
        this.cov = Matrices.symmetrize(Matrices.copy(covariance));
        if (expectedReturns != null) {
            if (expectedReturns.length != n)
                throw new IllegalArgumentException("expectedReturns: " + expectedReturns.length + " values for " + n + " assets");
            for (int i = 0; i < n; i++)
                if (!Double.isFinite(expectedReturns[i]))
                    throw new IllegalArgumentException("expectedReturns: asset " + constraints.assets().get(i) + " has " + expectedReturns[i]);
        }
        this.mu = expectedReturns == null ? null : expectedReturns.clone();
    }

    /** Annualised expected return {@code μ'w}. */
    public double expectedReturn(double[] w) {
        return Matrices.dot(requireMu(), w);
    }

    /** Annualised volatility {@code √(w'Σw)}. */
    public double volatility(double[] w) {
        return Math.sqrt(Math.max(0, Matrices.quadraticForm(cov, w)));
    }

    /** The portfolio with the lowest variance. */
    public OptimizedPortfolio minVariance() {
        QuadraticProgram qp = weightProgram(twiceCov(), new double[n]).build();
        return finish(solve(qp), qp, List.of());
    }

    /**
     * The portfolio with the highest Sharpe ratio {@code (μ'w - r_f) / √(w'Σw)}: solves
     * {@code min y'Σy s.t. (μ - r_f)'y = 1} with every constraint on w rewritten in y = k w (k = Σy), then w = y / Σy.
     *
     * @throws AllocationException {@code NO_ASSET_BEATS_RISK_FREE} when no feasible portfolio earns more than r_f
     */
    public OptimizedPortfolio maxSharpe(double riskFreeRate) {
        double[] m = requireMu();
        if (!Double.isFinite(riskFreeRate)) throw new IllegalArgumentException("riskFreeRate: must be finite");
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) if (constraints.upper(i) > 0) best = Math.max(best, m[i]);
        if (constraints.isLongOnly() && best <= riskFreeRate)
            throw noAssetBeatsRiskFree(best, riskFreeRate);
        double[] excess = new double[n];
        for (int i = 0; i < n; i++) excess[i] = m[i] - riskFreeRate;
        QuadraticProgram.Builder b = QuadraticProgram.builder(twiceCov(), new double[n])
                .constraint("excess return of the scaled portfolio = 1", excess, QuadraticProgram.Relation.EQ, 1);
        boolean longOnly = constraints.isLongOnly();
        List<String> names = constraints.assets();
        for (int i = 0; i < n; i++) {
            double lo = constraints.lower(i);
            double hi = constraints.upper(i);
            if (lo == 0) {
                b.lowerBound(names.get(i) + " >= 0", i, 0);
            } else {
                double[] row = filled(lo);
                row[i] -= 1;
                b.constraint(names.get(i) + " >= " + fmt(lo), row, QuadraticProgram.Relation.LE, 0);
            }
            if (hi < 1 || !longOnly) {
                double[] row = filled(-hi);
                row[i] += 1;
                b.constraint(names.get(i) + " <= " + fmt(hi), row, QuadraticProgram.Relation.LE, 0);
            }
        }
        for (PortfolioConstraints.Group g : constraints.groups()) {
            double[] lowRow = filled(g.lower());
            double[] highRow = filled(-g.upper());
            for (int i : g.members()) {
                lowRow[i] -= 1;
                highRow[i] += 1;
            }
            b.constraint("group " + g.name() + " >= " + fmt(g.lower()), lowRow, QuadraticProgram.Relation.LE, 0);
            b.constraint("group " + g.name() + " <= " + fmt(g.upper()), highRow, QuadraticProgram.Relation.LE, 0);
        }
        if (!longOnly) b.constraint("scale k >= 0", filled(1), QuadraticProgram.Relation.GE, 0);
        QuadraticProgram qp = b.build();
        QpSolution sol;
        try {
            sol = solver.solve(qp);
        } catch (AllocationException e) {
            if (e.reason() == AllocationException.Reason.INFEASIBLE_CONSTRAINTS) throw noAssetBeatsRiskFree(best, riskFreeRate);
            throw e;
        }
        double[] y = sol.x();
        double k = 0;
        for (double v : y) k += v;
        if (!(k > 1e-12))
            throw new AllocationException(AllocationException.Reason.SOLVER_FAILED,
                    "the maximum-Sharpe problem has no finite solution (the scaled portfolio sums to " + k + ")",
                    "add bounds that keep the portfolio invested, or use min-variance");
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = y[i] / k;
        constraints.snapToBounds(w, SNAP);
        return new OptimizedPortfolio(w, sol.report(), List.of());
    }

    private AllocationException noAssetBeatsRiskFree(double best, double rf) {
        return new AllocationException(AllocationException.Reason.NO_ASSET_BEATS_RISK_FREE,
                String.format(Locale.ROOT, "no feasible portfolio's expected return exceeds the risk-free rate %.4f"
                        + " (the best asset's is %.4f), so the maximum Sharpe ratio is not defined", rf, best),
                "use min-variance, lower the risk-free rate, or review the expected-return estimate");
    }

    /**
     * Minimum variance with an expected return of at least {@code target}.
     *
     * @throws AllocationException {@code TARGET_RETURN_UNREACHABLE} when no feasible portfolio reaches the target
     */
    public OptimizedPortfolio efficientReturn(double target) {
        double[] m = requireMu();
        if (!Double.isFinite(target)) throw new IllegalArgumentException("targetReturn: must be finite");
        double max = expectedReturn(maxReturn().weights());
        if (target > max + 1e-12 * Math.max(1, Math.abs(max)))
            throw new AllocationException(AllocationException.Reason.TARGET_RETURN_UNREACHABLE,
                    String.format(Locale.ROOT, "the target return %.4f is above the highest return reachable with these"
                            + " constraints, %.4f", target, max), "lower the target return or relax the constraints");
        return efficientReturnUnchecked(m, Math.min(target, max));
    }

    private OptimizedPortfolio efficientReturnUnchecked(double[] m, double target) {
        QuadraticProgram qp = weightProgram(twiceCov(), new double[n])
                .constraint("expected return >= " + fmt(target), m, QuadraticProgram.Relation.GE, target).build();
        return finish(solve(qp), qp, List.of());
    }

    /**
     * The highest expected return with a volatility of at most {@code targetVolatility}. On the efficient frontier
     * volatility increases with return, so the answer is the efficient-return portfolio whose volatility equals the
     * target, found by Brent's method on the return (each step an exact QP); when even the highest-return portfolio
     * is below the target, that portfolio is returned with a note.
     *
     * @throws AllocationException {@code TARGET_VOLATILITY_TOO_LOW} when the target is below the minimum volatility
     */
    public OptimizedPortfolio efficientRisk(double targetVolatility) {
        double[] m = requireMu();
        if (!(targetVolatility > 0) || !Double.isFinite(targetVolatility))
            throw new IllegalArgumentException("targetVolatility: must be a positive number, was " + targetVolatility);
        OptimizedPortfolio mv = minVariance();
        double vMin = volatility(mv.weights());
        if (targetVolatility < vMin * (1 - 1e-10))
            throw new AllocationException(AllocationException.Reason.TARGET_VOLATILITY_TOO_LOW,
                    String.format(Locale.ROOT, "the volatility target %.4f is below the minimum volatility %.4f that"
                            + " any portfolio within the constraints reaches", targetVolatility, vMin),
                    String.format(Locale.ROOT, "raise the target to at least %.4f, or use min-variance", vMin));
        double rLo = expectedReturn(mv.weights());
        double rMax = expectedReturn(maxReturn().weights());
        double rHi = rMax - 1e-12 * Math.max(1, Math.abs(rMax));
        if (rHi <= rLo) return withNote(mv, "the minimum-variance portfolio already has the highest return");
        OptimizedPortfolio top = efficientReturnUnchecked(m, rHi);
        double vTop = volatility(top.weights());
        if (targetVolatility >= vTop)
            return withNote(top, String.format(Locale.ROOT, "the volatility target %.4f is not binding: the highest-return"
                    + " portfolio has volatility %.4f", targetVolatility, vTop));
        // Brent's method on f(r) = vol(r) - target over [rLo, rHi]; f(rLo) <= 0 < f(rHi).
        double a = rLo;
        double fa = vMin - targetVolatility;
        double b = rHi;
        double fb = vTop - targetVolatility;
        if (fa >= 0) return mv;
        double c = a;
        double fc = fa;
        double d = b - a;
        double e = d;
        OptimizedPortfolio best;
        for (int iter = 0; iter < 200; iter++) {
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b; b = c; c = a;
                fa = fb; fb = fc; fc = fa;
            }
            double tol = 4e-16 * Math.abs(b) + 1e-17;
            double mid = 0.5 * (c - b);
            if (Math.abs(mid) <= tol || fb == 0) break;
            if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa;
                double p;
                double q;
                if (a == c) {
                    p = 2 * mid * s;
                    q = 1 - s;
                } else {
                    double qq = fa / fc;
                    double r = fb / fc;
                    p = s * (2 * mid * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q;
                else p = -p;
                if (2 * p < Math.min(3 * mid * q - Math.abs(tol * q), Math.abs(e * q))) {
                    e = d;
                    d = p / q;
                } else {
                    d = mid;
                    e = d;
                }
            } else {
                d = mid;
                e = d;
            }
            a = b;
            fa = fb;
            b += Math.abs(d) > tol ? d : Math.copySign(tol, mid);
            best = efficientReturnUnchecked(m, b);
            fb = volatility(best.weights()) - targetVolatility;
            if ((fb > 0) == (fc > 0)) {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }
        }
        best = efficientReturnUnchecked(m, b);
        SolverReport r = best.report();
        double volGap = Math.abs(volatility(best.weights()) - targetVolatility);
        SolverReport report = new SolverReport(r.solver() + " + Brent root search on the target return", r.status(),
                r.iterations(), r.stationarity(), Math.max(r.primalFeasibility(), volGap), r.dualFeasibility(),
                r.complementarity(), r.activeConstraints());
        return new OptimizedPortfolio(best.weights(), report, best.notes());
    }

    /** Maximises {@code μ'w - (δ/2) w'Σw}. */
    public OptimizedPortfolio quadraticUtility(double riskAversion) {
        double[] m = requireMu();
        if (!(riskAversion > 0) || !Double.isFinite(riskAversion))
            throw new IllegalArgumentException("riskAversion: must be a positive number, was " + riskAversion);
        double[][] h = Matrices.scale(Matrices.copy(cov), riskAversion);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = -m[i];
        QuadraticProgram qp = weightProgram(h, g).build();
        return finish(solve(qp), qp, List.of());
    }

    /**
     * The highest expected return within the constraints (a linear program: filled greedily by descending return
     * without groups, else solved as a QP with a 1e-9-relative ridge that breaks ties towards diversification).
     */
    public OptimizedPortfolio maxReturn() {
        double[] m = requireMu();
        if (constraints.groups().isEmpty()) {
            double[] w = new double[n];
            double left = 1;
            for (int i = 0; i < n; i++) {
                w[i] = constraints.lower(i);
                left -= w[i];
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Arrays.sort(order, (x, y) -> Double.compare(m[y], m[x]));
            for (int i : order) {
                if (left <= 0) break;
                double add = Math.min(left, constraints.upper(i) - w[i]);
                w[i] += add;
                left -= add;
            }
            return new OptimizedPortfolio(w, SolverReport.closedForm("greedy fill by expected return"), List.of());
        }
        double scale = 0;
        for (double v : m) scale = Math.max(scale, Math.abs(v));
        double[][] h = Matrices.scale(Matrices.identity(n), 1e-9 * Math.max(scale, 1e-6));
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = -m[i];
        QuadraticProgram qp = weightProgram(h, g).build();
        return finish(solve(qp), qp, List.of());
    }

    /** One point of the efficient frontier. */
    public record FrontierPoint(double expectedReturn, double volatility, double[] weights) {}

    /** {@code points} efficient portfolios with returns evenly spaced from the minimum-variance to the maximum return. */
    public List<FrontierPoint> frontier(int points) {
        double[] m = requireMu();
        if (points < 2) throw new IllegalArgumentException("points: must be >= 2, was " + points);
        double r0 = expectedReturn(minVariance().weights());
        double r1 = expectedReturn(maxReturn().weights());
        r1 -= 1e-12 * Math.max(1, Math.abs(r1));
        List<FrontierPoint> out = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            double r = r0 + (r1 - r0) * k / (points - 1);
            double[] w = efficientReturnUnchecked(m, Math.max(r, r0)).weights();
            out.add(new FrontierPoint(expectedReturn(w), volatility(w), w));
        }
        return out;
    }

    private OptimizedPortfolio withNote(OptimizedPortfolio p, String note) {
        List<String> notes = new ArrayList<>(p.notes());
        notes.add(note);
        return new OptimizedPortfolio(p.weights(), p.report(), notes);
    }

    private QpSolution solve(QuadraticProgram qp) {
        return solver.solve(qp);
    }

    private OptimizedPortfolio finish(QpSolution sol, QuadraticProgram qp, List<String> notes) {
        double[] w = sol.x();
        constraints.snapToBounds(w, SNAP);
        return new OptimizedPortfolio(w, sol.report(), notes);
    }

    private double[][] twiceCov() {
        return Matrices.scale(Matrices.copy(cov), 2);
    }

    /** The QP over weights with the budget, the bounds and the groups. */
    private QuadraticProgram.Builder weightProgram(double[][] h, double[] g) {
        QuadraticProgram.Builder b = QuadraticProgram.builder(h, g)
                .constraint("budget: weights sum to 1", filled(1), QuadraticProgram.Relation.EQ, 1);
        boolean longOnly = constraints.isLongOnly();
        List<String> names = constraints.assets();
        for (int i = 0; i < n; i++) {
            b.lowerBound(names.get(i) + " >= " + fmt(constraints.lower(i)), i, constraints.lower(i));
            if (!(longOnly && constraints.upper(i) >= 1))
                b.upperBound(names.get(i) + " <= " + fmt(constraints.upper(i)), i, constraints.upper(i));
        }
        for (PortfolioConstraints.Group grp : constraints.groups()) {
            double[] row = new double[n];
            double sumLo = 0;
            double sumHi = 0;
            for (int i : grp.members()) {
                row[i] = 1;
                sumLo += constraints.lower(i);
                sumHi += constraints.upper(i);
            }
            if (grp.lower() > sumLo)
                b.constraint("group " + grp.name() + " >= " + fmt(grp.lower()), row, QuadraticProgram.Relation.GE, grp.lower());
            if (grp.upper() < sumHi)
                b.constraint("group " + grp.name() + " <= " + fmt(grp.upper()), row, QuadraticProgram.Relation.LE, grp.upper());
        }
        return b;
    }

    private double[] filled(double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private double[] requireMu() {
        if (mu == null) throw new IllegalStateException("expectedReturns: this optimiser was built without expected returns");
        return mu;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
