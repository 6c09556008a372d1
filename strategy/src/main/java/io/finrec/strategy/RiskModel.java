package io.finrec.strategy;

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
        return EnumIds.parse(values(), RiskModel::id, id, "cov");
    }
}
