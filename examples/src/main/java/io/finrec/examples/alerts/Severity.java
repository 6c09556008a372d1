package io.finrec.examples.alerts;

/** How urgent an alert is. */
public enum Severity {
    /** Good to know (a goal reached, a payment coming up). */
    INFO,
    /** Worth acting on (a limit exceeded, a goal behind, unusual spending). */
    WARNING,
    /** Needs action now (a missed payment, an overdrawn account). */
    CRITICAL
}
