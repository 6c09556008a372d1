package io.finrec.strategy;

/** The allocation methods of {@link PortfolioStrategy}, with their command-line ids. */
public enum Method {
    /** Minimum variance. */
    MIN_VARIANCE("min-variance", false),
    /** Maximum Sharpe ratio (tangency portfolio). */
    MAX_SHARPE("max-sharpe", true),
    /** Maximum return at a volatility target. */
    EFFICIENT_RISK("efficient-risk", true),
    /** Minimum variance at a return target. */
    EFFICIENT_RETURN("efficient-return", true),
    /** Maximum quadratic utility μ'w - (δ/2) w'Σw. */
    QUADRATIC_UTILITY("quadratic-utility", true),
    /** Equal risk contribution. */
    ERC("erc", false),
    /** Hierarchical risk parity, PyPortfolioOpt's plain-distance single linkage. */
    HRP("hrp", false),
    /** Hierarchical risk parity, López de Prado's (2016) distance-of-distances single linkage. */
    HRP_LDP("hrp-ldp", false),
    /** Black-Litterman posterior returns, then maximum Sharpe under the constraints. */
    BLACK_LITTERMAN("black-litterman", true);

    private final String id;
    private final boolean usesExpectedReturns;

    Method(String id, boolean usesExpectedReturns) {
        this.id = id;
        this.usesExpectedReturns = usesExpectedReturns;
    }

    /** The command-line id, e.g. "max-sharpe". */
    public String id() {
        return id;
    }

    /** Whether the weights depend on expected returns (such methods need a longer history). */
    public boolean usesExpectedReturns() {
        return usesExpectedReturns;
    }

    /** The method with this id. */
    public static Method parse(String id) {
        return EnumIds.parse(values(), Method::id, id, "method");
    }
}
