package io.finrec.core.builtin;

import java.util.List;
import java.util.Set;

/**
 * One merchant (or biller, employer, counterparty, fee) of the built-in bank. Immutable.
 *
 * @param category the spending category
 * @param name     clean display name, e.g. "Whole Foods Market"
 * @param aliases  how statements spell it, e.g. "WHOLEFDS MKT"
 * @param mcc      merchant category code, or -1 when the merchant is not paid by card
 * @param tier     price multiplier relative to the category's typical ticket (for fees: the fee in USD)
 * @param regions  states where it operates; empty for nationwide
 * @param channel  how its transactions reach the statement
 */
record Merchant(String category, String name, List<String> aliases, int mcc, double tier, Set<String> regions,
                Channel channel) {
    boolean operatesIn(String state) {
        return regions.isEmpty() || regions.contains(state);
    }
}
