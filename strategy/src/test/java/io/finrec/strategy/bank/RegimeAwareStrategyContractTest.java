package io.finrec.strategy.bank;

import io.finrec.api.allocation.AllocationRequest;
import io.finrec.api.allocation.AllocationStrategy;
import io.finrec.core.domain.RiskProfile;
import io.finrec.strategy.AllocationStrategyContract;

/** {@link RegimeAwareStrategy} (balanced profile, crash data) against the contract. */
class RegimeAwareStrategyContractTest extends AllocationStrategyContract {
    @Override
    protected AllocationStrategy strategy() {
        return new RegimeAwareStrategy(ProfilePolicy.standard(RiskProfile.BALANCED), RegimeConfig.DEFAULT);
    }

    @Override
    protected AllocationRequest request() {
        return new AllocationRequest(BankLayerTest.CRASH, 0.02, 12);
    }
}
