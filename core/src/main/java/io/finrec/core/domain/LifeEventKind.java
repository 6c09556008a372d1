package io.finrec.core.domain;

/**
 * Life events that change what a customer needs from a bank. The built-in bank draws them per customer; they shape
 * spending, product openings and social posts. Immutable and thread-safe.
 */
public enum LifeEventKind {
    /** Started a new job (or a first job): new employer, higher pay. */
    NEW_JOB,
    /** Lost a job: salary stops for a few months. */
    JOB_LOSS,
    /** Got married. */
    WEDDING,
    /** Had a baby. */
    BABY,
    /** Bought a first home: rent stops, a mortgage starts. */
    FIRST_HOUSE,
    /** Bought a car. */
    CAR_PURCHASE,
    /** Started college (the customer or a child). */
    COLLEGE,
    /** Retired: salary stops, pension and social security start. */
    RETIREMENT,
    /** A big trip abroad. */
    TRAVEL_ABROAD
}
