package io.finrec.strategy.bank;

import io.finrec.api.allocation.Allocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An allocation a bank can show a customer: the weights and figures, the profile's policy and the regime-tilted
 * limits used, the regime assessment, optional rebalancing advice, and a deterministic explanation (one sentence
 * per line, grouped by heading). Immutable and thread-safe.
 *
 * @param customerId  who it is for (or "anonymous")
 * @param allocation  the allocation with its audit record
 * @param policy      the profile's limits
 * @param limits      the limits after the regime's tilt
 * @param assessment  the regime and the signals behind it
 * @param rebalancing advice for the customer's current holdings, when given
 * @param explanation the explanation, one line per statement; headings end with ':'
 */
public record Advice(String customerId, Allocation allocation, ProfilePolicy policy, RegimeAwareStrategy.TiltedLimits limits,
                     RegimeDetector.Assessment assessment, Optional<RebalanceAdvisor.Plan> rebalancing,
                     List<String> explanation) {
    public Advice {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(rebalancing, "rebalancing");
        explanation = List.copyOf(explanation);
    }

    /** The explanation as text. */
    public String explanationText() {
        return String.join("\n", explanation);
    }
}
