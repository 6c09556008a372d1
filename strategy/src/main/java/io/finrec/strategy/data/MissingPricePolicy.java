package io.finrec.strategy.data;

/**
 * What to do with missing prices (gaps). Whatever the policy, a return is only computed between two adjacent rows
 * that both have a price (never across a gap), and a leading gap is never filled with zeros.
 */
public enum MissingPricePolicy {
    /**
     * Keep only the return rows on which every asset has a return (the dates all assets share). Every estimator
     * then sees the same dense window. The default.
     */
    INTERSECT,
    /**
     * Keep every return; each asset's statistics use its own history and covariances use the rows both assets
     * share (pairwise-complete). PyPortfolioOpt's behaviour on a DataFrame with leading NaNs.
     */
    PAIRWISE
}
