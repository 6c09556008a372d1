package io.finrec.core.builtin;

/** How a merchant's transactions reach the statement; decides the description formats. */
enum Channel {
    /** Card present: POS, CHECKCARD, store numbers, city and state. */
    CARD,
    /** Card not present: web and app purchases, "*" reference codes, PayPal. */
    ONLINE,
    /** ACH debits and recurring bill payments. */
    BILL,
    /** An employer's payroll credit. */
    PAYROLL,
    /** Pension and social-security credits. */
    PENSION,
    /** Business payouts to self-employed customers (Square, Stripe...). */
    BUSINESS,
    /** Person-to-person transfers (Zelle, Venmo...). */
    P2P,
    /** Transfers to and from brokerages and crypto exchanges. */
    BROKER,
    /** Payments to other banks' credit cards. */
    BANK,
    /** Mortgage payments to other lenders. */
    MORTGAGE,
    /** International remittances. */
    REMIT,
    /** The bank's own fees. */
    FEE
}
