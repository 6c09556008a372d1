package io.finrec.examples.alerts;

import io.finrec.core.domain.Account;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Loan;
import io.finrec.core.domain.LoanRepayment;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.SavingsGoal;
import io.finrec.core.domain.Transaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the rules look at for one customer, as of one date. Immutable and thread-safe (collections are copied).
 *
 * @param customer     the customer
 * @param accounts     their accounts
 * @param transactions their transactions, oldest first
 * @param categories   category per transaction id from the categorizer; a transaction missing here falls back to
 *                     its own label, else "uncategorised"
 * @param goals        their savings goals
 * @param loans        their loans
 * @param repayments   instalments per loan id
 * @param products     the catalogue by id (to name loans in messages)
 * @param asOf         the evaluation date: nothing after it is looked at except loan due dates
 * @param openingBalances balance per account id just before its first transaction, when the bank knows it (bank
 *                     data sets such as the built-in bank carry no balances: then empty)
 */
public record CustomerActivity(Customer customer, List<Account> accounts, List<Transaction> transactions,
                               Map<String, String> categories, List<SavingsGoal> goals, List<Loan> loans,
                               Map<String, List<LoanRepayment>> repayments, Map<String, Product> products,
                               LocalDate asOf, Map<String, Double> openingBalances) {
    public CustomerActivity {
        Objects.requireNonNull(customer, "customer");
        accounts = List.copyOf(accounts);
        transactions = List.copyOf(transactions);
        categories = Map.copyOf(categories);
        goals = List.copyOf(goals);
        loans = List.copyOf(loans);
        repayments = Map.copyOf(repayments);
        products = Map.copyOf(products);
        Objects.requireNonNull(asOf, "asOf");
        openingBalances = Map.copyOf(openingBalances);
        for (int i = 1; i < transactions.size(); i++)
            if (transactions.get(i).timestamp().isBefore(transactions.get(i - 1).timestamp()))
                throw new IllegalArgumentException("transactions: must be oldest first; " + transactions.get(i).id()
                        + " is earlier than " + transactions.get(i - 1).id());
    }

    /** The same activity without balances (what a data set without balances gives). */
    public CustomerActivity(Customer customer, List<Account> accounts, List<Transaction> transactions,
                            Map<String, String> categories, List<SavingsGoal> goals, List<Loan> loans,
                            Map<String, List<LoanRepayment>> repayments, Map<String, Product> products, LocalDate asOf) {
        this(customer, accounts, transactions, categories, goals, loans, repayments, products, asOf, Map.of());
    }

    /** The category of a transaction: the categorizer's, else its own label, else "uncategorised". */
    public String categoryOf(Transaction t) {
        String c = categories.get(t.id());
        return c != null ? c : t.category().orElse("uncategorised");
    }

    /** The product's name, or its id when it is not in the catalogue. */
    public String productName(String productId) {
        Product p = products.get(productId);
        return p == null ? productId : p.name();
    }
}
