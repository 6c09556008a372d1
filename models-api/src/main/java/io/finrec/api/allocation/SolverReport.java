package io.finrec.api.allocation;

import java.util.List;
import java.util.Objects;

/**
 * How the optimiser finished, with the residuals of the Karush-Kuhn-Tucker optimality conditions of the problem
 * it solved (all zero at an exact optimum). Residuals are absolute, in the units of the problem's gradient.
 * Methods without an optimisation (HRP, inverse volatility) report {@code "closed-form"} and zero residuals.
 * Immutable and thread-safe.
 *
 * @param solver            algorithm, e.g. "goldfarb-idnani active set", "newton", "closed-form"
 * @param status            "optimal" or a short explanation
 * @param iterations        iterations used
 * @param stationarity      max |gradient of the Lagrangian|
 * @param primalFeasibility largest constraint violation
 * @param dualFeasibility   most negative inequality multiplier (reported as a positive number)
 * @param complementarity   max |multiplier × slack|
 * @param activeConstraints names of the constraints active at the solution
 */
public record SolverReport(String solver, String status, int iterations, double stationarity,
                           double primalFeasibility, double dualFeasibility, double complementarity,
                           List<String> activeConstraints) {
    public SolverReport {
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(status, "status");
        activeConstraints = List.copyOf(activeConstraints);
    }

    /** A report for a method computed by formula, without iterative optimisation. */
    public static SolverReport closedForm(String method) {
        return new SolverReport("closed-form (" + method + ")", "optimal", 0, 0, 0, 0, 0, List.of());
    }

    /** The largest of the four residuals. */
    public double maxResidual() {
        return Math.max(Math.max(stationarity, primalFeasibility), Math.max(dualFeasibility, complementarity));
    }
}
