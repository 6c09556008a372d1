package io.finrec.core.domain;

/** Families of bank products; product features for recommenders are derived from these. Immutable and thread-safe. */
public enum ProductType {
    SAVINGS_ACCOUNT, CURRENT_ACCOUNT, RECURRING_DEPOSIT, FIXED_DEPOSIT, CREDIT_CARD, HOME_LOAN, CAR_LOAN,
    PERSONAL_LOAN, EDUCATION_LOAN, INVESTMENT, INVESTMENT_ADVISORY, TAX_PLANNING, RETIREMENT, INSURANCE, FOREX
}
