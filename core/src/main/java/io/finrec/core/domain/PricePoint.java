package io.finrec.core.domain;

import io.finrec.core.util.Checks;
import java.time.LocalDate;

/**
 * One observation of a market price series (a total-return index level, an adjusted close). Immutable and
 * thread-safe.
 *
 * @param series     series name, e.g. "STOCKS" or a ticker
 * @param assetClass asset class of the series
 * @param date       observation date
 * @param price      price or index level, finite and {@code > 0}
 */
public record PricePoint(String series, AssetClass assetClass, LocalDate date, double price) {
    public PricePoint {
        Checks.id(series, "series");
        Checks.notNull(assetClass, "assetClass");
        Checks.notNull(date, "date");
        Checks.positive(price, "price");
    }
}
