package io.finrec.strategy;

import io.finrec.api.allocation.AllocationRequest;
import io.finrec.api.allocation.AllocationStrategy;

/** {@link PortfolioStrategy} (max-Sharpe on Ledoit-Wolf) against the contract. */
class PortfolioStrategyContractTest extends AllocationStrategyContract {
    @Override
    protected AllocationStrategy strategy() {
        return new PortfolioStrategy(StrategyConfig.builder(Method.MAX_SHARPE).riskModel(RiskModel.LEDOIT_WOLF).build());
    }

    @Override
    protected AllocationRequest request() {
        return AllocationRequest.of(SyntheticPrices.generate(21, 6, 300));
    }
}
