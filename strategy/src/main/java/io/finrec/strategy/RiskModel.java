package io.finrec.strategy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the covariance matrix is estimated (see {@link io.finrec.strategy.estimate.Covariances}). */
public enum RiskModel {
    /** Sample covariance, ddof 1. */
    SAMPLE("sample"),
    /** Exponentially weighted covariance (span from the config). */
    EXPONENTIAL("exponential"),
    /** Ledoit-Wolf shrinkage to the constant-variance target (scikit-learn's LedoitWolf). */
    LEDOIT_WOLF("ledoit-wolf"),
    /** Ledoit-Wolf shrinkage to the constant-correlation target. */
    LEDOIT_WOLF_CONSTANT_CORRELATION("ledoit-wolf-cc"),
    /** Ledoit-Wolf shrinkage to the single-factor target (PyPortfolioOpt's formula). */
    LEDOIT_WOLF_SINGLE_FACTOR("ledoit-wolf-sf"),
    /** Semicovariance below a zero benchmark. */
    SEMICOVARIANCE("semicovariance");

    private final String id;

    RiskModel(String id) {
        this.id = id;
    }

    /** The command-line id. */
    public String id() {
        return id;
    }

    /** The model with this id. */
    public static RiskModel parse(String id) {
        for (RiskModel m : values()) if (m.id.equals(id.toLowerCase(Locale.ROOT))) return m;
        throw new IllegalArgumentException("cov: unknown '" + id + "', expected one of "
                + Arrays.stream(values()).map(RiskModel::id).collect(Collectors.joining(", ")));
    }
}
