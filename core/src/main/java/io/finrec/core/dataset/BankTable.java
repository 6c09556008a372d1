package io.finrec.core.dataset;

import io.finrec.core.domain.Account;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Interaction;
import io.finrec.core.domain.LifeEvent;
import io.finrec.core.domain.Loan;
import io.finrec.core.domain.LoanRepayment;
import io.finrec.core.domain.PricePoint;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.SavingsGoal;
import io.finrec.core.domain.SocialPost;
import io.finrec.core.domain.Transaction;
import io.finrec.core.io.BankSchemas;
import io.finrec.core.io.RecordSchema;

/**
 * The tables of a bank dataset, in an order where every table comes after the tables it references. The name is
 * used for files ({@code customers.csv}, {@code customers.jsonl}) and database tables alike. Immutable and
 * thread-safe.
 */
public enum BankTable {
    /** The product catalogue. */
    PRODUCTS("products"),
    /** Monthly market price series. */
    PRICES("prices"),
    /** Customers. */
    CUSTOMERS("customers"),
    /** Life events of customers. */
    LIFE_EVENTS("life_events"),
    /** Accounts. */
    ACCOUNTS("accounts"),
    /** Customer–product interactions (views, clicks, applications, openings, closures). */
    INTERACTIONS("interactions"),
    /** Loans. */
    LOANS("loans"),
    /** Loan instalments and their payments. */
    LOAN_REPAYMENTS("loan_repayments"),
    /** Savings goals. */
    SAVINGS_GOALS("savings_goals"),
    /** Posted transactions. */
    TRANSACTIONS("transactions"),
    /** Social posts. */
    SOCIAL_POSTS("social_posts");

    private final String tableName;

    BankTable(String tableName) {
        this.tableName = tableName;
    }

    /** The snake_case name used for files and database tables, e.g. {@code "loan_repayments"}. */
    public String tableName() {
        return tableName;
    }

    /** The domain record type of this table's rows. */
    public Class<?> recordType() {
        return switch (this) {
            case PRODUCTS -> Product.class;
            case PRICES -> PricePoint.class;
            case CUSTOMERS -> Customer.class;
            case LIFE_EVENTS -> LifeEvent.class;
            case ACCOUNTS -> Account.class;
            case INTERACTIONS -> Interaction.class;
            case LOANS -> Loan.class;
            case LOAN_REPAYMENTS -> LoanRepayment.class;
            case SAVINGS_GOALS -> SavingsGoal.class;
            case TRANSACTIONS -> Transaction.class;
            case SOCIAL_POSTS -> SocialPost.class;
        };
    }

    /** Checks that {@code record} is a non-null row of this table and returns it. */
    public Object cast(Object record) {
        java.util.Objects.requireNonNull(record, "record");
        if (!recordType().isInstance(record))
            throw new IllegalArgumentException("record: a " + record.getClass().getSimpleName() + " is not a row of "
                    + tableName + " (expected " + recordType().getSimpleName() + ")");
        return record;
    }

    /** The file schema of this table's records. */
    public RecordSchema<?> schema() {
        return switch (this) {
            case PRODUCTS -> BankSchemas.PRODUCT;
            case PRICES -> BankSchemas.PRICE;
            case CUSTOMERS -> BankSchemas.CUSTOMER;
            case LIFE_EVENTS -> BankSchemas.LIFE_EVENT;
            case ACCOUNTS -> BankSchemas.ACCOUNT;
            case INTERACTIONS -> BankSchemas.INTERACTION;
            case LOANS -> BankSchemas.LOAN;
            case LOAN_REPAYMENTS -> BankSchemas.LOAN_REPAYMENT;
            case SAVINGS_GOALS -> BankSchemas.SAVINGS_GOAL;
            case TRANSACTIONS -> BankSchemas.TRANSACTION;
            case SOCIAL_POSTS -> BankSchemas.SOCIAL_POST;
        };
    }
}
