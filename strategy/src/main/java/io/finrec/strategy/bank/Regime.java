package io.finrec.strategy.bank;

/** The market regime the dynamic allocation reacts to. */
public enum Regime {
    /** Trends up, volatility normal: the profile's full risk budget. */
    RISK_ON,
    /** Trend down or volatility elevated: a reduced risk budget. */
    CAUTION,
    /** Trend down with high volatility or a deep drawdown: the smallest risk budget. */
    RISK_OFF
}
