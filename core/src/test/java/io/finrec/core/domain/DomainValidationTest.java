package io.finrec.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DomainValidationTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant T = Instant.parse("2024-05-01T12:00:00Z");
    private static final LocalDate D = LocalDate.of(2024, 5, 1);

    private static void rejects(String field, Executable e) {
        Throwable t = assertThrows(RuntimeException.class, e);
        assertTrue(t instanceof IllegalArgumentException || t instanceof NullPointerException, t.toString());
        assertTrue(String.valueOf(t.getMessage()).startsWith(field), "message names " + field + ": " + t.getMessage());
    }

    @Test
    void customer() {
        Customer ok = new Customer("C1", 30, BigDecimal.TEN, Segment.FAMILY, RiskProfile.BALANCED, "TX");
        assertEquals("C1", ok.id());
        rejects("id", () -> new Customer("", 30, BigDecimal.TEN, Segment.FAMILY, RiskProfile.BALANCED, "TX"));
        rejects("id", () -> new Customer("C 1", 30, BigDecimal.TEN, Segment.FAMILY, RiskProfile.BALANCED, "TX"));
        rejects("id", () -> new Customer("x".repeat(129), 30, BigDecimal.TEN, Segment.FAMILY, RiskProfile.BALANCED, "TX"));
        rejects("age", () -> new Customer("C1", 15, BigDecimal.TEN, Segment.FAMILY, RiskProfile.BALANCED, "TX"));
        rejects("annualIncome", () -> new Customer("C1", 30, BigDecimal.valueOf(-1), Segment.FAMILY, RiskProfile.BALANCED, "TX"));
        rejects("segment", () -> new Customer("C1", 30, BigDecimal.TEN, null, RiskProfile.BALANCED, "TX"));
        rejects("region", () -> new Customer("C1", 30, BigDecimal.TEN, Segment.FAMILY, RiskProfile.BALANCED, " "));
    }

    @Test
    void transactionAndMoney() {
        Money m = Money.of("-12.50", "USD");
        assertTrue(m.isNegative());
        assertEquals("-12.50 USD", m.toString());
        Transaction t = new Transaction("T1", "C1", "A1", T, m, "POS 1 X", Optional.empty(), Optional.empty(), OptionalInt.empty());
        assertTrue(t.isDebit());
        assertEquals(Optional.of("dining"), t.withCategory("dining").category());
        rejects("amount", () -> new Transaction("T1", "C1", "A1", T, Money.of("0", "USD"), "X", Optional.empty(),
                Optional.empty(), OptionalInt.empty()));
        rejects("description", () -> new Transaction("T1", "C1", "A1", T, m, "", Optional.empty(), Optional.empty(),
                OptionalInt.empty()));
        rejects("mcc", () -> new Transaction("T1", "C1", "A1", T, m, "X", Optional.empty(), Optional.empty(),
                OptionalInt.of(10_000)));
        rejects("merchant", () -> new Transaction("T1", "C1", "A1", T, m, "X", Optional.of(" "), Optional.empty(),
                OptionalInt.empty()));
        rejects("description", () -> new Transaction("T1", "C1", "A1", T, m, "x".repeat(100_001), Optional.empty(),
                Optional.empty(), OptionalInt.empty()));
    }

    @Test
    void productAndEligibility() {
        Eligibility e = new Eligibility(21, 65, BigDecimal.valueOf(40_000), 2, EnumSet.of(Segment.FAMILY));
        Customer young = new Customer("C1", 19, BigDecimal.valueOf(90_000), Segment.FAMILY, RiskProfile.BALANCED, "TX");
        Customer poor = new Customer("C2", 30, BigDecimal.valueOf(10_000), Segment.FAMILY, RiskProfile.BALANCED, "TX");
        Customer timid = new Customer("C3", 30, BigDecimal.valueOf(90_000), Segment.FAMILY, RiskProfile.CONSERVATIVE, "TX");
        Customer other = new Customer("C4", 30, BigDecimal.valueOf(90_000), Segment.STUDENT, RiskProfile.BALANCED, "TX");
        Customer fine = new Customer("C5", 30, BigDecimal.valueOf(90_000), Segment.FAMILY, RiskProfile.BALANCED, "TX");
        assertFalse(e.admits(young));
        assertTrue(e.whyNot(young).startsWith("age 19"));
        assertTrue(e.whyNot(poor).startsWith("income"));
        assertTrue(e.whyNot(timid).startsWith("risk profile"));
        assertTrue(e.whyNot(other).startsWith("segment"));
        assertTrue(e.admits(fine));
        assertEquals("", e.whyNot(fine));
        rejects("maxAge", () -> new Eligibility(40, 30, BigDecimal.ZERO, 1, Eligibility.ALL_SEGMENTS));
        rejects("segments", () -> new Eligibility(18, 30, BigDecimal.ZERO, 1, Set.of()));
        rejects("minRiskProfile", () -> new Eligibility(18, 30, BigDecimal.ZERO, 6, Eligibility.ALL_SEGMENTS));
        rejects("riskLevel", () -> new Product("P1", "X", ProductType.INSURANCE, 0, e, "d"));
        rejects("name", () -> new Product("P1", "", ProductType.INSURANCE, 1, e, "d"));
    }

    @Test
    void loansAndRepayments() {
        Loan loan = new Loan("L1", "C1", "A1", "P1", Money.of("10000.00", "USD"), 0.06, 12, D);
        // annuity formula: 10000 * 0.005 / (1 - 1.005^-12) = 860.66
        assertEquals(new BigDecimal("860.66"), loan.monthlyPayment().amount());
        assertEquals(new BigDecimal("833.33"), new Loan("L2", "C1", "A1", "P1", Money.of("10000", "USD"), 0, 12, D)
                .monthlyPayment().amount());
        assertEquals(D.plusMonths(3), loan.dueDate(3));
        rejects("k", () -> loan.dueDate(13));
        rejects("principal", () -> new Loan("L1", "C1", "A1", "P1", Money.of("0", "USD"), 0.06, 12, D));
        rejects("annualRate", () -> new Loan("L1", "C1", "A1", "P1", Money.of("1", "USD"), 1.5, 12, D));
        rejects("annualRate", () -> new Loan("L1", "C1", "A1", "P1", Money.of("1", "USD"), Double.NaN, 12, D));
        rejects("termMonths", () -> new Loan("L1", "C1", "A1", "P1", Money.of("1", "USD"), 0.06, 0, D));
        Money due = Money.of("100.00", "USD");
        assertTrue(new LoanRepayment("L1", 1, D, due, Optional.of(D), due).isPaid());
        assertFalse(new LoanRepayment("L1", 1, D, due, Optional.of(D), Money.of("50.00", "USD")).isPaid());
        rejects("amountPaid", () -> new LoanRepayment("L1", 1, D, due, Optional.empty(), due));
        rejects("installment", () -> new LoanRepayment("L1", 0, D, due, Optional.empty(), Money.of("0", "USD")));
    }

    @Test
    void otherRecords() {
        rejects("weight", () -> new Interaction("C1", "P1", InteractionKind.VIEWED, Double.POSITIVE_INFINITY, T));
        rejects("deadline", () -> new SavingsGoal("G1", "C1", "A1", "Trip", Money.of("10", "USD"), D, D));
        rejects("target", () -> new SavingsGoal("G1", "C1", "A1", "Trip", Money.of("-10", "USD"), D, D.plusDays(1)));
        rejects("price", () -> new PricePoint("STOCKS", AssetClass.STOCKS, D, 0));
        rejects("price", () -> new PricePoint("STOCKS", AssetClass.STOCKS, D, Double.NaN));
        rejects("text", () -> new SocialPost("S1", "C1", T, "   "));
        rejects("kind", () -> new LifeEvent("C1", null, D));
        rejects("productId", () -> new Account("A1", "C1", AccountType.LOAN, Optional.of("bad id"), USD, D));
        assertEquals(RiskProfile.GROWTH, RiskProfile.ofLevel(4));
        rejects("risk level", () -> RiskProfile.ofLevel(0));
    }
}
