package io.finrec.api.allocation;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The reproducibility record of an allocation: what went in (hash of the price table, the data window), how it
 * was estimated (every estimator setting, as text) and how the solver finished. Two runs with the same input
 * hash and settings give the same weights. Immutable and thread-safe.
 *
 * @param inputHash    SHA-256 of the price table ({@link PriceTable#contentHash()})
 * @param strategy     strategy name, e.g. "max-sharpe"
 * @param windowStart  first price date used
 * @param windowEnd    last price date used
 * @param observations number of returns the estimates used
 * @param settings     estimator and optimiser settings (name → value)
 * @param solver       solver status and KKT residuals
 * @param library      FinRec version that produced it
 */
public record AllocationAudit(String inputHash, String strategy, LocalDate windowStart, LocalDate windowEnd,
                              int observations, Map<String, String> settings, SolverReport solver, String library) {
    public AllocationAudit {
        Objects.requireNonNull(inputHash, "inputHash");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(library, "library");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
