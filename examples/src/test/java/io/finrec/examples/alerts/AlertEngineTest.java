package io.finrec.examples.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.core.domain.Account;
import io.finrec.core.domain.AccountType;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Loan;
import io.finrec.core.domain.LoanRepayment;
import io.finrec.core.domain.Money;
import io.finrec.core.domain.RiskProfile;
import io.finrec.core.domain.SavingsGoal;
import io.finrec.core.domain.Segment;
import io.finrec.core.domain.Transaction;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alert counts and messages on constructed customers, one rule at a time. */
class AlertEngineTest {
    static final Currency USD = Currency.getInstance("USD");
    static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    static final Account CHK = new Account("A1-1", "C1", AccountType.CHECKING, Optional.empty(), USD, LocalDate.of(2020, 1, 1));
    static final Account SAV = new Account("A1-2", "C1", AccountType.SAVINGS, Optional.empty(), USD, LocalDate.of(2020, 1, 1));

    static Customer customer(Segment s) {
        return new Customer("C1", 40, new BigDecimal("80000"), s, RiskProfile.BALANCED, "NY");
    }

    private int n;

    Transaction tx(String account, LocalDate d, String amount, String description, String category) {
        return new Transaction("T1-" + (++n), "C1", account, d.atTime(12, 0).toInstant(ZoneOffset.UTC).plusSeconds(n),
                Money.of(amount, "USD"), description, Optional.empty(), Optional.of(category), OptionalInt.empty());
    }

    static CustomerActivity activity(Segment s, List<Transaction> txs, List<SavingsGoal> goals, List<Loan> loans,
                                     Map<String, List<LoanRepayment>> rep, Map<String, Double> opening) {
        return new CustomerActivity(customer(s), List.of(CHK, SAV), txs, Map.of(), goals, loans, rep, Map.of(), AS_OF, opening);
    }

    static List<Alert> only(List<Alert> all, AlertKind k) {
        return all.stream().filter(a -> a.kind() == k).toList();
    }

    @Test
    void transactionDailyAndMonthlyLimitsWithSegmentAndCustomerOverrides() {
        List<Transaction> txs = new ArrayList<>();
        txs.add(tx("A1-1", LocalDate.of(2024, 3, 2), "-6000.00", "BESTBUY 1234", "shopping"));   // over 5000
        txs.add(tx("A1-1", LocalDate.of(2024, 3, 2), "-4500.00", "APPLE STORE", "shopping"));    // day total 10500
        txs.add(tx("A1-1", LocalDate.of(2024, 3, 9), "-9900.00", "ONLINE TRANSFER TO SAV", "transfers")); // not spending
        txs.add(tx("A1-1", LocalDate.of(2024, 3, 20), "-4900.00", "HOTEL", "travel"));
        txs.add(tx("A1-1", LocalDate.of(2024, 3, 25), "-4900.00", "AIRLINE", "travel"));          // month 20300
        List<Alert> all = new AlertEngine(AlertPolicy.defaults()).evaluate(activity(Segment.FAMILY, txs, List.of(), List.of(), Map.of(), Map.of()));
        List<Alert> limit = only(all, AlertKind.TRANSACTION_LIMIT);
        assertEquals(1, limit.size(), all.toString());
        assertTrue(limit.get(0).message().startsWith("You have exceeded your transaction limit of $5,000: $6,000"), limit.get(0).message());
        assertEquals("T1-1", limit.get(0).key());
        assertEquals("6000.00", limit.get(0).evidence().get("amount"));
        assertEquals(1, only(all, AlertKind.DAILY_LIMIT).size());
        assertEquals("2024-03-02", only(all, AlertKind.DAILY_LIMIT).get(0).key());
        assertEquals(1, only(all, AlertKind.MONTHLY_LIMIT).size());
        assertEquals("20300.00", only(all, AlertKind.MONTHLY_LIMIT).get(0).evidence().get("total"));

        AlertPolicy students = AlertPolicy.defaults().withSegment(Segment.STUDENT, Map.of("perTransactionLimit", 4000.0));
        assertEquals(4, only(new AlertEngine(students).evaluate(activity(Segment.STUDENT, txs, List.of(), List.of(), Map.of(), Map.of())),
                AlertKind.TRANSACTION_LIMIT).size());
        assertEquals(1, only(new AlertEngine(students).evaluate(activity(Segment.FAMILY, txs, List.of(), List.of(), Map.of(), Map.of())),
                AlertKind.TRANSACTION_LIMIT).size());
        AlertPolicy mine = students.withCustomer("C1", Map.of("perTransactionLimit", 10_000.0));
        assertEquals(0, only(new AlertEngine(mine).evaluate(activity(Segment.STUDENT, txs, List.of(), List.of(), Map.of(), Map.of())),
                AlertKind.TRANSACTION_LIMIT).size());
        AlertPolicy off = AlertPolicy.defaults().withDisabled(EnumSet.of(AlertKind.DAILY_LIMIT, AlertKind.MONTHLY_LIMIT));
        List<Alert> some = new AlertEngine(off).evaluate(activity(Segment.FAMILY, txs, List.of(), List.of(), Map.of(), Map.of()));
        assertEquals(Set.of(AlertKind.TRANSACTION_LIMIT), Set.copyOf(some.stream().map(Alert::kind).toList()));
    }

    @Test
    void savingsGoalsBehindOnTrackAndReached() {
        List<Transaction> txs = new ArrayList<>();
        txs.add(tx("A1-1", LocalDate.of(2024, 1, 1), "-10.00", "COFFEE", "dining"));   // data starts 2024-01-01
        for (int m = 1; m <= 12; m++) txs.add(tx("A1-2", LocalDate.of(2024, m, 15), "500.00", "TRANSFER FROM CHK", "transfers"));
        // 6000 saved in 2024 on the savings account
        SavingsGoal reached = new SavingsGoal("G1-1", "C1", "A1-2", "Trip", Money.of("1000", "USD"), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 30));
        SavingsGoal onTrack = new SavingsGoal("G1-2", "C1", "A1-2", "House", Money.of("12000", "USD"), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
        SavingsGoal behind = new SavingsGoal("G1-3", "C1", "A1-2", "Boat", Money.of("100000", "USD"), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 31));
        // one goal at a time (a shared account splits the flow)
        for (Object[] c : new Object[][] {{reached, "REACHED"}, {onTrack, "ON_TRACK"}, {behind, "BEHIND"}}) {
            List<Alert> a = only(new AlertEngine(AlertPolicy.defaults()).evaluate(
                    activity(Segment.FAMILY, txs, List.of((SavingsGoal) c[0]), List.of(), Map.of(), Map.of())), AlertKind.SAVINGS_GOAL);
            assertEquals(1, a.size());
            assertEquals(((SavingsGoal) c[0]).id() + ":" + c[1], a.get(0).key(), a.get(0).message());
            assertEquals("6000.00", a.get(0).evidence().get("saved"));
        }
        List<Alert> shared = only(new AlertEngine(AlertPolicy.defaults()).evaluate(
                activity(Segment.FAMILY, txs, List.of(reached, onTrack), List.of(), Map.of(), Map.of())), AlertKind.SAVINGS_GOAL);
        assertEquals(2, shared.size());
        double total = shared.stream().mapToDouble(x -> Double.parseDouble(x.evidence().get("saved"))).sum();
        assertEquals(6000, total, 0.02, "a shared account's flow is split, not counted twice");
    }

    @Test
    void loanMissedPartlyPaidAndDueSoon() {
        Loan loan = new Loan("L1-1", "C1", "A1-3", "P-LOAN-CAR", Money.of("12000", "USD"), 0.06, 24, LocalDate.of(2023, 12, 5));
        String pay = loan.monthlyPayment().amount().toPlainString();
        List<LoanRepayment> rep = List.of(
                new LoanRepayment("L1-1", 1, LocalDate.of(2024, 1, 5), Money.of(pay, "USD"), Optional.of(LocalDate.of(2024, 1, 5)), Money.of(pay, "USD")),
                new LoanRepayment("L1-1", 2, LocalDate.of(2024, 2, 5), Money.of(pay, "USD"), Optional.empty(), Money.of("0", "USD")),
                new LoanRepayment("L1-1", 3, LocalDate.of(2024, 3, 5), Money.of(pay, "USD"), Optional.of(LocalDate.of(2024, 3, 9)), Money.of("100.00", "USD")),
                new LoanRepayment("L1-1", 4, LocalDate.of(2024, 4, 5), Money.of(pay, "USD"), Optional.of(LocalDate.of(2024, 4, 20)), Money.of(pay, "USD")),
                new LoanRepayment("L1-1", 13, LocalDate.of(2024, 12, 28), Money.of(pay, "USD"), Optional.empty(), Money.of("0", "USD")));
        List<Alert> all = new AlertEngine(AlertPolicy.defaults()).evaluate(
                activity(Segment.FAMILY, List.of(), List.of(), List.of(loan), Map.of("L1-1", rep), Map.of()));
        List<Alert> missed = only(all, AlertKind.LOAN_MISSED);
        assertEquals(List.of("L1-1#2", "L1-1#3"), missed.stream().map(Alert::key).toList(), "late-but-paid and within-grace are not missed");
        assertTrue(missed.get(0).message().startsWith("You missed your P-LOAN-CAR payment of $"), missed.get(0).message());
        assertTrue(missed.get(1).message().contains("only partly paid: $100"), missed.get(1).message());
        List<Alert> due = only(all, AlertKind.LOAN_DUE);
        assertEquals(1, due.size());
        assertEquals("L1-1#13", due.get(0).key());
        assertEquals("2025-01-05", due.get(0).evidence().get("due"));
    }

    @Test
    void unusualSpendingUsesTheCustomersOwnHistory() {
        List<Transaction> txs = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            txs.add(tx("A1-1", LocalDate.of(2024, m, 3), m == 9 ? "-900.00" : "-" + (200 + 10 * (m % 3)) + ".00", "RESTAURANT", "dining"));
            txs.add(tx("A1-1", LocalDate.of(2024, m, 4), m == 10 ? "-2200.00" : "-5.00", "COFFEE", "groceries"));
        }
        txs.add(tx("A1-1", LocalDate.of(2024, 11, 20), "-3000.00", "AIRLINE", "travel"));   // first trip: not regular
        txs.sort(java.util.Comparator.comparing(Transaction::timestamp));
        List<Alert> u = only(new AlertEngine(AlertPolicy.defaults()).evaluate(
                activity(Segment.FAMILY, txs, List.of(), List.of(), Map.of(), Map.of())), AlertKind.UNUSUAL_SPENDING);
        assertEquals(List.of("dining:2024-09", "groceries:2024-10"), u.stream().map(Alert::key).toList());
        assertTrue(Double.parseDouble(u.get(0).evidence().get("z")) >= 3.5);
        assertEquals("210.00", u.get(0).evidence().get("median"));
        assertTrue(u.get(0).message().startsWith("Unusual dining spending in September 2024: $900"), u.get(0).message());
        AlertPolicy strict = AlertPolicy.defaults().withDefaults(AlertThresholds.DEFAULTS.with(Map.of("unusualMinAmount", 1000.0)));
        assertEquals(1, only(new AlertEngine(strict).evaluate(activity(Segment.FAMILY, txs, List.of(), List.of(), Map.of(), Map.of())),
                AlertKind.UNUSUAL_SPENDING).size(), "only the 2,200 month clears a 1,000 excess");
    }

    @Test
    void lowBalanceFromFeesAndFromKnownBalances() {
        List<Transaction> txs = new ArrayList<>();
        txs.add(tx("A1-1", LocalDate.of(2024, 1, 2), "2000.00", "PAYROLL", "salary"));
        txs.add(tx("A1-1", LocalDate.of(2024, 1, 20), "-1950.00", "RENT", "rent"));     // 100 + 2000 - 1950 = 150
        txs.add(tx("A1-1", LocalDate.of(2024, 2, 3), "-120.00", "GROCER", "groceries")); // 30 in February
        txs.add(tx("A1-1", LocalDate.of(2024, 3, 5), "-35.00", "OVERDRAFT ITEM FEE", "fees"));
        txs.add(tx("A1-1", LocalDate.of(2024, 3, 6), "-12.00", "MOBILE ONLINE BANKING TRANSFER TO SAV", "transfers"));
        List<Alert> noBalances = only(new AlertEngine(AlertPolicy.defaults()).evaluate(
                activity(Segment.FAMILY, txs, List.of(), List.of(), Map.of(), Map.of())), AlertKind.LOW_BALANCE);
        assertEquals(List.of("A1-1:2024-03"), noBalances.stream().map(Alert::key).toList(), "a TRANSFER is no NSF fee");
        assertEquals(Severity.CRITICAL, noBalances.get(0).severity());
        List<Alert> known = only(new AlertEngine(AlertPolicy.defaults()).evaluate(
                activity(Segment.FAMILY, txs, List.of(), List.of(), Map.of(), Map.of("A1-1", 100.0))), AlertKind.LOW_BALANCE);
        assertEquals(List.of("A1-1:2024-02", "A1-1:2024-03"), known.stream().map(Alert::key).toList());
        assertEquals(Severity.WARNING, known.get(0).severity());
        assertEquals("30.00", known.get(0).evidence().get("minBalance"));
    }

    @Test
    void sameActivitySameAlerts() {
        List<Transaction> txs = new ArrayList<>();
        txs.add(tx("A1-1", LocalDate.of(2024, 5, 2), "-7000.00", "JEWELLER", "shopping"));
        CustomerActivity a = activity(Segment.FAMILY, txs, List.of(), List.of(), Map.of(), Map.of());
        AlertEngine e = new AlertEngine(AlertPolicy.defaults());
        assertEquals(e.evaluate(a), e.evaluate(a));
    }

    @Test
    void policyFilesAreValidatedFieldByField(@TempDir Path tmp) throws Exception {
        Path ok = tmp.resolve("ok.json");
        Files.writeString(ok, "{\"defaults\":{\"perTransactionLimit\":2500},\"segments\":{\"student\":{\"dailyLimit\":900}},"
                + "\"customers\":{\"C1\":{\"lowBalance\":250}},\"disabled\":[\"unusual_spending\"]}");
        AlertPolicy p = AlertPolicy.read(ok);
        assertEquals(2500, p.thresholdsFor(customer(Segment.FAMILY)).perTransactionLimit());
        assertEquals(900, p.thresholdsFor(customer(Segment.STUDENT)).dailyLimit());
        assertEquals(250, p.thresholdsFor(customer(Segment.STUDENT)).lowBalance());
        assertTrue(!p.enabled(AlertKind.UNUSUAL_SPENDING) && p.enabled(AlertKind.LOW_BALANCE));
        for (String[] bad : new String[][] {
                {"{\"defaults\":{\"perTransactionLimt\":1}}", "perTransactionLimt: unknown threshold"},
                {"{\"defaults\":{\"dailyLimit\":-5}}", "dailyLimit: must be finite and > 0"},
                {"{\"segments\":{\"PIRATE\":{}}}", "segments.PIRATE: unknown segment"},
                {"{\"customers\":{\"C1\":{\"lowBalance\":\"lots\"}}}", "customers.C1.lowBalance: expected a number"},
                {"{\"disabled\":[\"NAPS\"]}", "disabled: unknown rule 'NAPS'"},
                {"{\"colour\":1}", "colour: unknown field"},
                {"{not json", "not valid JSON"}}) {
            Path f = tmp.resolve("bad.json");
            Files.writeString(f, bad[0]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlertPolicy.read(f));
            assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(bad[1]), e.getMessage());
        }
    }
}
