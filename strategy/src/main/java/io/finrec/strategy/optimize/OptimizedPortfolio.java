package io.finrec.strategy.optimize;

import io.finrec.api.allocation.SolverReport;
import java.util.List;
import java.util.Objects;

/**
 * Weights from an optimiser with the solver's report and notes (e.g. "the volatility target is not binding").
 * Immutable and thread-safe (the weights are copied in and out).
 *
 * @param weights weights in the order of the optimiser's assets
 * @param report  solver status and KKT residuals
 * @param notes   remarks for the user
 */
public record OptimizedPortfolio(double[] weights, SolverReport report, List<String> notes) {
    public OptimizedPortfolio {
        Objects.requireNonNull(report, "report");
        weights = weights.clone();
        notes = List.copyOf(notes);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }
}
