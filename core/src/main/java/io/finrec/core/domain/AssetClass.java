package io.finrec.core.domain;

/** Broad asset classes used by market series and allocations. Immutable and thread-safe. */
public enum AssetClass {
    STOCKS, BONDS, REAL_ESTATE, CASH, COMMODITIES
}
