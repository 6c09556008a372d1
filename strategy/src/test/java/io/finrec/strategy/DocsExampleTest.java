package io.finrec.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.allocation.Allocation;
import io.finrec.api.allocation.AllocationConstraints;
import io.finrec.api.allocation.AllocationRequest;
import io.finrec.api.allocation.AllocationStrategy;
import io.finrec.api.allocation.PriceTable;
import io.finrec.api.allocation.WeightBounds;
import io.finrec.strategy.data.PriceTableCsv;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs the Java worked example of docs/strategy.md on generated prices (the doc uses stock_prices.csv). */
class DocsExampleTest {
    @Test
    void workedExample() throws Exception {
        StringWriter csv = new StringWriter();
        PriceTableCsv.write(SyntheticPrices.generate(11, 10, 600), csv);
        PriceTable prices = PriceTableCsv.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "prices.csv").completeRows();
        PriceTable train = prices.rows(0, (int) Math.floor(0.8 * prices.dateCount()));

        AllocationStrategy strategy = new PortfolioStrategy(StrategyConfig.builder(Method.MAX_SHARPE)
                .returnModel(ReturnModel.GEOMETRIC).riskModel(RiskModel.SAMPLE).build());
        Allocation a = strategy.allocate(new AllocationRequest(train, 0.02, 252));
        assertEquals(1, a.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-10);
        assertEquals("optimal", a.audit().solver().status());

        AllocationConstraints c = AllocationConstraints.builder()
                .defaultBounds(WeightBounds.of(0, 0.25))
                .group("tech", Set.of("A0", "A1", "A2", "A3", "A4", "A5"), WeightBounds.of(0, 0.40))
                .bounds("A9", WeightBounds.of(0.10, 0.25))
                .build();
        Allocation capped = strategy.allocate(new AllocationRequest(train, 0.02, 252, c));
        double tech = 0;
        for (int i = 0; i < 6; i++) tech += capped.weight("A" + i);
        assertTrue(tech <= 0.40 + 1e-12, "tech " + tech);
        assertTrue(capped.weight("A9") >= 0.10 - 1e-12);
        assertTrue(capped.sharpe() <= a.sharpe() + 1e-12, "constraints cannot raise the Sharpe ratio");
    }
}
