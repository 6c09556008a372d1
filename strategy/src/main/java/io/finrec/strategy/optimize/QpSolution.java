package io.finrec.strategy.optimize;

import io.finrec.api.allocation.SolverReport;

/**
 * The solution of a {@link QuadraticProgram}: the minimiser, one Lagrange multiplier per constraint (zero when the
 * constraint is inactive; non-negative for inequalities, with a {@code <=} constraint read as {@code -a'x >= -b}),
 * which constraints are active, and the KKT residuals. Immutable and thread-safe (arrays are copied out).
 */
public final class QpSolution {
    private final double[] x;
    private final double[] multipliers;
    private final boolean[] active;
    private final SolverReport report;

    QpSolution(double[] x, double[] multipliers, boolean[] active, SolverReport report) {
        this.x = x;
        this.multipliers = multipliers;
        this.active = active;
        this.report = report;
    }

    /** The minimiser. */
    public double[] x() {
        return x.clone();
    }

    /** Component {@code i} of the minimiser. */
    public double x(int i) {
        return x[i];
    }

    /** Lagrange multiplier of constraint {@code i} (in the order of {@link QuadraticProgram#constraints()}). */
    public double multiplier(int i) {
        return multipliers[i];
    }

    /** Whether constraint {@code i} is in the final active set. */
    public boolean isActive(int i) {
        return active[i];
    }

    /** Solver status, iterations and KKT residuals. */
    public SolverReport report() {
        return report;
    }
}
