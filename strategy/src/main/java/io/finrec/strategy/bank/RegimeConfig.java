package io.finrec.strategy.bank;

/**
 * Thresholds of the {@link RegimeDetector} and the tilts applied in each regime. Entry and exit thresholds differ
 * (hysteresis) and a regime must last {@code minMonths} before it can ease, so the allocation does not flip on
 * noise. Immutable and thread-safe.
 *
 * @param trendWindow           months of the moving average behind the trend signal (10: the classic 10-month SMA)
 * @param volatilityWindow      months of realised volatility behind the volatility signal
 * @param trendExit             trend (price / SMA - 1) above which a down-trend is over (the entry is below 0)
 * @param volatilityEnter       volatility ratio (recent / long-run median) that signals stress
 * @param volatilityExit        volatility ratio below which stress is over
 * @param drawdownRiskOff       12-month drawdown (negative) that, with a down-trend, signals risk-off
 * @param minMonths             months a regime lasts before it can ease (escalation is immediate)
 * @param cautionVolatilityScale share of the profile's volatility ceiling used in caution
 * @param riskOffVolatilityScale share of the ceiling used in risk-off
 * @param cautionRiskyCut       cut of the upper bound of stocks and real estate in caution (weight points)
 * @param riskOffRiskyCut       cut in risk-off
 */
public record RegimeConfig(int trendWindow, int volatilityWindow, double trendExit, double volatilityEnter,
                           double volatilityExit, double drawdownRiskOff, int minMonths, double cautionVolatilityScale,
                           double riskOffVolatilityScale, double cautionRiskyCut, double riskOffRiskyCut) {
    /** The defaults documented in docs/strategy.md. */
    public static final RegimeConfig DEFAULT = new RegimeConfig(10, 6, 0.01, 1.25, 1.10, -0.10, 2, 0.85, 0.65, 0.10, 0.20);

    public RegimeConfig {
        if (trendWindow < 2) throw new IllegalArgumentException("trendWindow: must be >= 2, was " + trendWindow);
        if (volatilityWindow < 3) throw new IllegalArgumentException("volatilityWindow: must be >= 3, was " + volatilityWindow);
        if (!(volatilityExit <= volatilityEnter)) throw new IllegalArgumentException("volatilityExit: must not exceed volatilityEnter");
        if (!(trendExit >= 0)) throw new IllegalArgumentException("trendExit: must be >= 0, was " + trendExit);
        if (!(drawdownRiskOff < 0)) throw new IllegalArgumentException("drawdownRiskOff: must be negative, was " + drawdownRiskOff);
        if (minMonths < 1) throw new IllegalArgumentException("minMonths: must be >= 1, was " + minMonths);
        if (!(cautionVolatilityScale > 0 && cautionVolatilityScale <= 1)) throw new IllegalArgumentException("cautionVolatilityScale: must be in (0, 1]");
        if (!(riskOffVolatilityScale > 0 && riskOffVolatilityScale <= cautionVolatilityScale))
            throw new IllegalArgumentException("riskOffVolatilityScale: must be in (0, cautionVolatilityScale]");
        if (!(cautionRiskyCut >= 0 && riskOffRiskyCut >= cautionRiskyCut && riskOffRiskyCut <= 1))
            throw new IllegalArgumentException("riskyCut: need 0 <= cautionRiskyCut <= riskOffRiskyCut <= 1");
    }

    /** Months of history the detector needs: 12 plus the longer window. */
    public int minHistory() {
        return 12 + Math.max(trendWindow, volatilityWindow);
    }
}
