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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A whole bank dataset in memory, for tests and small banks; larger ones stream through a {@link BankSink}.
 * The lists are unmodifiable, so a {@code BankData} is immutable and thread-safe.
 *
 * @param products       the product catalogue
 * @param prices         market price points
 * @param customers      customers
 * @param lifeEvents     life events
 * @param accounts       accounts
 * @param interactions   customer–product interactions
 * @param loans          loans
 * @param loanRepayments loan instalments
 * @param savingsGoals   savings goals
 * @param transactions   transactions
 * @param socialPosts    social posts
 */
public record BankData(List<Product> products, List<PricePoint> prices, List<Customer> customers,
                       List<LifeEvent> lifeEvents, List<Account> accounts, List<Interaction> interactions,
                       List<Loan> loans, List<LoanRepayment> loanRepayments, List<SavingsGoal> savingsGoals,
                       List<Transaction> transactions, List<SocialPost> socialPosts) {
    public BankData {
        products = List.copyOf(products);
        prices = List.copyOf(prices);
        customers = List.copyOf(customers);
        lifeEvents = List.copyOf(lifeEvents);
        accounts = List.copyOf(accounts);
        interactions = List.copyOf(interactions);
        loans = List.copyOf(loans);
        loanRepayments = List.copyOf(loanRepayments);
        savingsGoals = List.copyOf(savingsGoals);
        transactions = List.copyOf(transactions);
        socialPosts = List.copyOf(socialPosts);
    }

    /** The records of one table. */
    public List<?> table(BankTable table) {
        return switch (table) {
            case PRODUCTS -> products;
            case PRICES -> prices;
            case CUSTOMERS -> customers;
            case LIFE_EVENTS -> lifeEvents;
            case ACCOUNTS -> accounts;
            case INTERACTIONS -> interactions;
            case LOANS -> loans;
            case LOAN_REPAYMENTS -> loanRepayments;
            case SAVINGS_GOALS -> savingsGoals;
            case TRANSACTIONS -> transactions;
            case SOCIAL_POSTS -> socialPosts;
        };
    }

    /** Row counts per table, in {@link BankTable} order. */
    public Map<BankTable, Long> counts() {
        Map<BankTable, Long> m = new EnumMap<>(BankTable.class);
        for (BankTable t : BankTable.values()) m.put(t, (long) table(t).size());
        return m;
    }

    /** Sends every record to {@code sink}, table by table in {@link BankTable} order. */
    public void replay(BankSink sink) throws IOException {
        for (BankTable t : BankTable.values())
            for (Object record : table(t)) sink.accept(t, record);
    }

    /** A sink that collects records in memory; {@link Collector#build()} returns them as a {@code BankData}. */
    public static Collector collector() {
        return new Collector();
    }

    /** Collects a dataset in memory. Not thread-safe. */
    public static final class Collector implements BankSink {
        private final Map<BankTable, List<Object>> lists = new EnumMap<>(BankTable.class);

        private Collector() {
            for (BankTable t : BankTable.values()) lists.put(t, new ArrayList<>());
        }

        @Override
        public void accept(BankTable table, Object record) {
            lists.get(table).add(table.cast(record));
        }

        /** The records collected so far. */
        @SuppressWarnings("unchecked")
        public BankData build() {
            return new BankData((List<Product>) (List<?>) lists.get(BankTable.PRODUCTS),
                    (List<PricePoint>) (List<?>) lists.get(BankTable.PRICES),
                    (List<Customer>) (List<?>) lists.get(BankTable.CUSTOMERS),
                    (List<LifeEvent>) (List<?>) lists.get(BankTable.LIFE_EVENTS),
                    (List<Account>) (List<?>) lists.get(BankTable.ACCOUNTS),
                    (List<Interaction>) (List<?>) lists.get(BankTable.INTERACTIONS),
                    (List<Loan>) (List<?>) lists.get(BankTable.LOANS),
                    (List<LoanRepayment>) (List<?>) lists.get(BankTable.LOAN_REPAYMENTS),
                    (List<SavingsGoal>) (List<?>) lists.get(BankTable.SAVINGS_GOALS),
                    (List<Transaction>) (List<?>) lists.get(BankTable.TRANSACTIONS),
                    (List<SocialPost>) (List<?>) lists.get(BankTable.SOCIAL_POSTS));
        }
    }
}
