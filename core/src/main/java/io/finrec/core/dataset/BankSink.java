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
import java.io.IOException;

/**
 * Receives a bank dataset one record at a time, so that producers (the built-in bank generator, a directory of
 * files) and consumers (files, a database, an in-memory {@link BankData}) never need the whole dataset in memory.
 *
 * <p>Producers deliver every record after the records it references: all products first, then market prices, then
 * customer by customer the customer, its life events, accounts, interactions, loans, loan repayments, savings goals,
 * transactions and social posts. Reading a directory with {@link BankFiles#read} delivers table by table in
 * {@link BankTable} order, which also respects references.
 *
 * <p>A consumer implements {@link #accept(BankTable, Object)}; producers call the typed methods.
 *
 * <p>Implementations are usually single-threaded: a producer calls one sink from one thread.
 */
public interface BankSink {
    /**
     * Receives one record of {@code table}; the record is an instance of {@link BankTable#recordType()}. This is the
     * one method a consumer must implement; the typed methods below delegate to it.
     */
    void accept(BankTable table, Object record) throws IOException;

    /** A product of the catalogue. */
    default void product(Product product) throws IOException {
        accept(BankTable.PRODUCTS, product);
    }

    /** A point of a market price series. */
    default void price(PricePoint price) throws IOException {
        accept(BankTable.PRICES, price);
    }

    /** A customer. */
    default void customer(Customer customer) throws IOException {
        accept(BankTable.CUSTOMERS, customer);
    }

    /** A life event of an already delivered customer. */
    default void lifeEvent(LifeEvent event) throws IOException {
        accept(BankTable.LIFE_EVENTS, event);
    }

    /** An account of an already delivered customer. */
    default void account(Account account) throws IOException {
        accept(BankTable.ACCOUNTS, account);
    }

    /** A customer–product interaction. */
    default void interaction(Interaction interaction) throws IOException {
        accept(BankTable.INTERACTIONS, interaction);
    }

    /** A loan. */
    default void loan(Loan loan) throws IOException {
        accept(BankTable.LOANS, loan);
    }

    /** One instalment of an already delivered loan. */
    default void loanRepayment(LoanRepayment repayment) throws IOException {
        accept(BankTable.LOAN_REPAYMENTS, repayment);
    }

    /** A savings goal. */
    default void savingsGoal(SavingsGoal goal) throws IOException {
        accept(BankTable.SAVINGS_GOALS, goal);
    }

    /** A transaction. */
    default void transaction(Transaction transaction) throws IOException {
        accept(BankTable.TRANSACTIONS, transaction);
    }

    /** A social post. */
    default void socialPost(SocialPost post) throws IOException {
        accept(BankTable.SOCIAL_POSTS, post);
    }
}
