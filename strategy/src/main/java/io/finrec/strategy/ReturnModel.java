package io.finrec.strategy;

/** How expected returns are estimated (see {@link io.finrec.strategy.estimate.ExpectedReturns}). */
public enum ReturnModel {
    /** Compound annual growth rate (PyPortfolioOpt's default). */
    GEOMETRIC("geometric"),
    /** Arithmetic mean × periods per year. */
    ARITHMETIC("arithmetic"),
    /** Exponentially weighted mean (span from the config), compounded. */
    EXPONENTIAL("exponential"),
    /** CAPM with the equal-weighted mean of the assets as the market. */
    CAPM("capm");

    private final String id;

    ReturnModel(String id) {
        this.id = id;
    }

    /** The command-line id. */
    public String id() {
        return id;
    }

    /** The model with this id. */
    public static ReturnModel parse(String id) {
        return EnumIds.parse(values(), ReturnModel::id, id, "mu");
    }
}
