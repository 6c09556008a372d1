package io.finrec.core.domain;

/** Kinds of bank account. Immutable and thread-safe. */
public enum AccountType {
    CHECKING, SAVINGS, CREDIT_CARD, LOAN, DEPOSIT, INVESTMENT
}
