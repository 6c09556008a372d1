package io.finrec.strategy;

/**
 * Which estimation conventions to follow. They only differ on data with gaps and in a few estimator details.
 */
public enum Convention {
    /**
     * FinRec's: intersect dates (every estimate uses the same dense window of returns), Ledoit-Wolf
     * constant-correlation as in the 2004 paper (ddof 0 throughout).
     */
    FINREC,
    /**
     * PyPortfolioOpt's, to reconcile numbers with it exactly: each asset's expected return over its own history
     * (leading gaps dropped per column, annualised with its own count), pairwise-complete covariances, missing
     * returns as zeros inside the Ledoit-Wolf estimators, its constant-correlation formula (ddof-1 S mixed with
     * 1/T terms), pairwise correlations for HRP.
     */
    PYPORTFOLIOOPT
}
