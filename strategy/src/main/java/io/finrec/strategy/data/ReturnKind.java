package io.finrec.strategy.data;

/** How returns are computed from consecutive prices. */
public enum ReturnKind {
    /** {@code p_t / p_{t-1} - 1}. */
    SIMPLE,
    /** {@code ln(p_t / p_{t-1})}. */
    LOG
}
