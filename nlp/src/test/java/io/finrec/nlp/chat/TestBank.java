package io.finrec.nlp.chat;

import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Eligibility;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.ProductType;
import io.finrec.core.domain.RiskProfile;
import io.finrec.core.domain.Segment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** A small catalogue and customers for the chat unit tests (the evaluation uses the built-in bank). */
final class TestBank {
    private TestBank() {}

    static Product product(String id, String name, ProductType type, int risk, int minAge, int maxAge, int minIncome,
                           String description) {
        return product(id, name, type, risk, minAge, maxAge, minIncome, 1, description);
    }

    static Product product(String id, String name, ProductType type, int risk, int minAge, int maxAge, int minIncome,
                           int minRiskProfile, String description) {
        return new Product(id, name, type, risk, new Eligibility(minAge, maxAge, BigDecimal.valueOf(minIncome),
                minRiskProfile, Eligibility.ALL_SEGMENTS), description);
    }

    static final List<Product> PRODUCTS = List.of(
            product("T-SAV", "Easy Saver", ProductType.SAVINGS_ACCOUNT, 1, 16, 120, 0,
                    "An instant-access savings account paying interest, for a rainy-day fund or a savings goal."),
            product("T-FD", "Term Deposit", ProductType.FIXED_DEPOSIT, 1, 18, 120, 0,
                    "Lock money away for two years at a guaranteed fixed rate."),
            product("T-MORT", "Home Mortgage", ProductType.HOME_LOAN, 3, 21, 65, 40_000,
                    "A 25-year mortgage to buy a house or flat."),
            product("T-CAR", "Car Finance", ProductType.CAR_LOAN, 2, 18, 75, 20_000,
                    "A loan to buy a new or used car, repaid monthly."),
            product("T-EQ", "Global Equity Fund", ProductType.INVESTMENT, 4, 18, 120, 0, 3,
                    "A fund of shares in companies worldwide for long-term growth of your wealth."),
            product("T-LIFE", "Life Cover", ProductType.INSURANCE, 1, 18, 65, 0,
                    "Life insurance that pays your family a lump sum if you die."),
            product("T-FX", "Travel Money Card", ProductType.FOREX, 2, 18, 120, 0,
                    "A prepaid card for spending abroad in foreign currencies without fees."));

    static ChatCustomer customer(String id, int age, int income, RiskProfile risk, String... held) {
        return new ChatCustomer(new Customer(id, age, BigDecimal.valueOf(income), Segment.YOUNG_PROFESSIONAL, risk, "TX"),
                Set.of(held));
    }
}
