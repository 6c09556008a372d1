package io.finrec.core.builtin;

import io.finrec.core.domain.Eligibility;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.ProductType;
import io.finrec.core.domain.Segment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The built-in bank's product catalogue (53 products). Immutable and thread-safe. */
final class Catalogue {
    private static final Set<Segment> ALL = Eligibility.ALL_SEGMENTS;
    static final List<Product> PRODUCTS = build();

    private Catalogue() {}

    private static Product p(List<Product> out, String id, String name, ProductType type, int risk, int minAge,
                             int maxAge, int minIncome, int minRiskProfile, Set<Segment> segments, String description) {
        Product product = new Product(id, name, type, risk,
                new Eligibility(minAge, maxAge, BigDecimal.valueOf(minIncome), minRiskProfile, segments), description);
        out.add(product);
        return product;
    }

    private static Set<Segment> only(Segment first, Segment... rest) {
        return EnumSet.of(first, rest);
    }

    private static List<Product> build() {
        List<Product> l = new ArrayList<>();
        // --- everyday banking
        p(l, "P-CHK-BASIC", "Everyday Checking", ProductType.CURRENT_ACCOUNT, 1, 18, 120, 0, 1, ALL,
                "A no-fuss checking account with a contactless debit card, free online and mobile banking, Zelle "
                        + "transfers and early direct deposit. The monthly fee is waived with any direct deposit.");
        p(l, "P-CHK-STUDENT", "Student Checking", ProductType.CURRENT_ACCOUNT, 1, 16, 25, 0, 1, only(Segment.STUDENT),
                "Checking built for students: no monthly fee, no minimum balance, no overdraft fees and fee-free "
                        + "ATMs near campus, with spending insights that help you stick to a budget.");
        p(l, "P-CHK-PREMIER", "Premier Checking", ProductType.CURRENT_ACCOUNT, 1, 18, 120, 100_000, 1, ALL,
                "Interest-bearing checking with a dedicated relationship manager, refunds on out-of-network ATM fees "
                        + "worldwide, free cashier's checks and wires, and preferred rates on loans and deposits.");
        p(l, "P-CHK-BUSINESS", "Business Checking", ProductType.CURRENT_ACCOUNT, 1, 18, 120, 0, 1,
                only(Segment.SMALL_BUSINESS),
                "Checking for sole proprietors and small businesses: 250 free transactions a month, card-payment "
                        + "deposits from Square and Stripe the next day, and accounting software integration.");
        // --- savings and deposits
        p(l, "P-SAV", "Savings Account", ProductType.SAVINGS_ACCOUNT, 1, 16, 120, 0, 1, ALL,
                "A simple, FDIC-insured savings account with no minimum balance. Set up automatic transfers from "
                        + "checking and watch your savings goals fill up.");
        p(l, "P-SAV-HY", "High-Yield Savings", ProductType.SAVINGS_ACCOUNT, 1, 18, 120, 0, 1, ALL,
                "Earn a competitive variable rate on every dollar with no monthly fee and no lock-up. Ideal for an "
                        + "emergency fund you can reach the same day.");
        p(l, "P-SAV-KIDS", "Kids & Teen Savings", ProductType.SAVINGS_ACCOUNT, 1, 18, 75, 0, 1,
                only(Segment.FAMILY, Segment.AFFLUENT),
                "A joint savings account for a child and a parent, with a bonus rate on the first $1,000, savings "
                        + "challenges in the app and parental controls.");
        p(l, "P-MMA", "Money Market Account", ProductType.SAVINGS_ACCOUNT, 1, 18, 120, 40_000, 1, ALL,
                "Tiered interest that rises with your balance, plus check-writing and a debit card. A home for larger "
                        + "cash reserves that still need to stay liquid.");
        p(l, "P-RD", "Recurring Deposit", ProductType.RECURRING_DEPOSIT, 1, 18, 120, 0, 1, ALL,
                "Save a fixed amount every month for 6 to 60 months at a guaranteed rate. A disciplined way to build "
                        + "toward a goal such as a down payment, a wedding or a holiday.");
        p(l, "P-FD-1Y", "Fixed Deposit (1 year)", ProductType.FIXED_DEPOSIT, 1, 18, 120, 0, 1, ALL,
                "Lock in a guaranteed rate for twelve months on deposits from $500. Interest is paid at maturity or "
                        + "monthly, and the deposit renews automatically unless you say otherwise.");
        p(l, "P-FD-3Y", "Fixed Deposit (3 years)", ProductType.FIXED_DEPOSIT, 1, 18, 120, 0, 1, ALL,
                "A higher guaranteed rate for money you will not need for three years. Early withdrawal is allowed "
                        + "with a reduced rate.");
        p(l, "P-FD-SENIOR", "Senior Citizen Fixed Deposit", ProductType.FIXED_DEPOSIT, 1, 60, 120, 0, 1, ALL,
                "A fixed deposit for customers aged 60 and over, paying an extra 0.50 % and monthly interest payouts "
                        + "that can top up a pension.");
        // --- cards
        p(l, "P-CC-STD", "Standard Credit Card", ProductType.CREDIT_CARD, 2, 18, 120, 15_000, 1, ALL,
                "A no-annual-fee credit card with 1 % back on everything, free credit-score monitoring, fraud "
                        + "alerts and a 0 % introductory rate on purchases for 12 months.");
        p(l, "P-CC-GOLD", "Gold Credit Card", ProductType.CREDIT_CARD, 2, 21, 120, 50_000, 1, ALL,
                "3x points on dining and groceries, 2x on fuel, purchase protection and extended warranty, for a "
                        + "modest annual fee waived in the first year.");
        p(l, "P-CC-PLAT", "Platinum Credit Card", ProductType.CREDIT_CARD, 2, 25, 120, 120_000, 1, ALL,
                "Our premium card: airport lounge access, a yearly travel credit, concierge service, no foreign "
                        + "transaction fees and 5x points on flights and hotels.");
        p(l, "P-CC-STUDENT", "Student Credit Card", ProductType.CREDIT_CARD, 2, 18, 25, 0, 1, only(Segment.STUDENT),
                "Build credit while you study: a low limit, no annual fee, cash back on streaming and food delivery, "
                        + "and a limit review after six on-time payments.");
        p(l, "P-CC-TRAVEL", "Travel Rewards Card", ProductType.CREDIT_CARD, 2, 21, 120, 60_000, 1, ALL,
                "Earn 3x miles on travel and dining, transfer miles to airline partners, and travel without foreign "
                        + "transaction fees, with trip-delay and lost-luggage cover included.");
        p(l, "P-CC-CASHBACK", "Cashback Card", ProductType.CREDIT_CARD, 2, 18, 120, 25_000, 1, ALL,
                "5 % cash back on groceries and fuel up to a quarterly cap, 1.5 % on everything else, no annual fee "
                        + "and cash back paid straight into your checking account.");
        p(l, "P-CC-SECURED", "Secured Credit Card", ProductType.CREDIT_CARD, 1, 18, 120, 0, 1, ALL,
                "A card backed by a refundable deposit that helps you build or rebuild credit. We report to all three "
                        + "bureaus and review you for an unsecured card after a year.");
        p(l, "P-CC-BUSINESS", "Business Credit Card", ProductType.CREDIT_CARD, 2, 21, 120, 30_000, 1,
                only(Segment.SMALL_BUSINESS),
                "Separate business spending with employee cards, 2 % back on office supplies, telecom and fuel, and "
                        + "expense exports to your accounting software.");
        // --- loans
        p(l, "P-HL", "Home Loan", ProductType.HOME_LOAN, 3, 21, 65, 40_000, 1, ALL,
                "Fixed and adjustable-rate mortgages from 10 to 30 years with pre-approval in minutes, rate locks "
                        + "for 60 days and a dedicated loan officer from application to closing.");
        p(l, "P-HL-FIRST", "First-Time Homebuyer Loan", ProductType.HOME_LOAN, 3, 21, 45, 30_000, 1, ALL,
                "Buy your first home with as little as 3 % down, no private mortgage insurance above 10 % down, and "
                        + "a free homebuyer course that walks you through every step.");
        p(l, "P-HL-REFI", "Mortgage Refinance", ProductType.HOME_LOAN, 3, 25, 70, 50_000, 1, ALL,
                "Refinance to a lower rate or a shorter term, or take cash out for renovations, with closing costs "
                        + "you can roll into the loan.");
        p(l, "P-HELOC", "Home Equity Line of Credit", ProductType.HOME_LOAN, 3, 30, 75, 60_000, 2, ALL,
                "Borrow against the equity in your home when you need it and pay interest only on what you use; "
                        + "a flexible way to fund renovations or big expenses.");
        p(l, "P-CL", "Car Loan", ProductType.CAR_LOAN, 2, 18, 75, 20_000, 1, ALL,
                "New and used car financing for up to 84 months with a decision in minutes. Get pre-approved before "
                        + "you visit the dealer and negotiate like a cash buyer.");
        p(l, "P-CL-GREEN", "Green Auto Loan", ProductType.CAR_LOAN, 2, 18, 75, 30_000, 1, ALL,
                "A discounted rate for electric and hybrid vehicles, with an optional home-charger loan bundled in.");
        p(l, "P-PL", "Personal Loan", ProductType.PERSONAL_LOAN, 3, 21, 70, 20_000, 1, ALL,
                "Unsecured loans from $2,000 to $40,000 at a fixed rate for 2 to 6 years, with no origination fee "
                        + "and funds as soon as the next business day.");
        p(l, "P-PL-DEBT", "Debt Consolidation Loan", ProductType.PERSONAL_LOAN, 3, 21, 70, 25_000, 1, ALL,
                "Roll high-interest card balances into one fixed monthly payment at a lower rate; we can pay your "
                        + "other card issuers directly.");
        p(l, "P-BL", "Small Business Loan", ProductType.PERSONAL_LOAN, 3, 21, 75, 30_000, 2,
                only(Segment.SMALL_BUSINESS),
                "Working capital and equipment financing from $10,000 to $250,000 for established small businesses, "
                        + "with flexible repayment that follows your cash flow.");
        p(l, "P-EL", "Education Loan", ProductType.EDUCATION_LOAN, 2, 17, 55, 0, 1, ALL,
                "Cover tuition, books and housing for undergraduate and graduate study, with payments deferred until "
                        + "six months after graduation and a rate discount for autopay.");
        p(l, "P-EL-REFI", "Student Loan Refinance", ProductType.EDUCATION_LOAN, 2, 22, 50, 40_000, 1, ALL,
                "Combine federal and private student loans into one loan at a lower fixed rate once you have a "
                        + "steady income.");
        // --- investments and advice
        p(l, "P-ADV", "Investment Advisory", ProductType.INVESTMENT_ADVISORY, 3, 25, 120, 100_000, 2, ALL,
                "A personal financial advisor who builds and manages a diversified portfolio around your goals, "
                        + "with quarterly reviews and tax-aware rebalancing.");
        p(l, "P-ROBO", "Robo-Advisor Portfolio", ProductType.INVESTMENT, 3, 18, 120, 0, 2, ALL,
                "Automated investing in low-cost index ETFs matched to your risk profile, starting from $100, with "
                        + "automatic rebalancing and round-up investing.");
        p(l, "P-MF-INDEX", "Index Mutual Fund", ProductType.INVESTMENT, 3, 18, 120, 0, 2, ALL,
                "A low-cost fund tracking the broad US stock market. A simple core holding for long-term investors.");
        p(l, "P-MF-BOND", "Bond Mutual Fund", ProductType.INVESTMENT, 2, 18, 120, 0, 1, ALL,
                "A diversified fund of high-quality government and corporate bonds for steady income and lower "
                        + "volatility than stocks.");
        p(l, "P-MF-BALANCED", "Balanced Fund", ProductType.INVESTMENT, 3, 18, 120, 0, 2, ALL,
                "A 60/40 mix of stocks and bonds in one fund, rebalanced for you: growth with a cushion.");
        p(l, "P-MF-EQUITY", "Growth Equity Fund", ProductType.INVESTMENT, 4, 18, 120, 30_000, 3, ALL,
                "An actively managed fund of growing US companies, aiming for long-term capital growth. Expect large "
                        + "swings in value along the way.");
        p(l, "P-MF-EM", "Emerging Markets Fund", ProductType.INVESTMENT, 5, 18, 120, 40_000, 4, ALL,
                "Stocks of companies in fast-growing economies across Asia, Latin America and Africa: high growth "
                        + "potential with high risk and currency swings.");
        p(l, "P-MF-REIT", "Real Estate Income Fund", ProductType.INVESTMENT, 4, 18, 120, 30_000, 3, ALL,
                "A fund of real-estate investment trusts paying regular income from offices, apartments, warehouses "
                        + "and data centres.");
        p(l, "P-BROKER", "Self-Directed Brokerage", ProductType.INVESTMENT, 5, 18, 120, 25_000, 3, ALL,
                "Trade stocks, ETFs and options yourself with $0 commissions, real-time quotes and research tools.");
        p(l, "P-TAX", "Tax Planning", ProductType.TAX_PLANNING, 1, 21, 120, 60_000, 1, ALL,
                "A yearly session with a tax specialist to cut what you owe: deductions, retirement contributions, "
                        + "capital-gains timing and, for business owners, quarterly estimates.");
        p(l, "P-HSA", "Health Savings Account", ProductType.TAX_PLANNING, 2, 18, 64, 20_000, 1, ALL,
                "Triple tax advantage for medical costs: contributions are pre-tax, growth is tax-free and so are "
                        + "withdrawals for qualified expenses.");
        p(l, "P-529", "College Savings Plan (529)", ProductType.TAX_PLANNING, 3, 18, 80, 20_000, 1,
                only(Segment.FAMILY, Segment.AFFLUENT, Segment.YOUNG_PROFESSIONAL, Segment.SMALL_BUSINESS),
                "Save for a child's education with tax-free growth and tax-free withdrawals for tuition, with "
                        + "age-based portfolios that get more conservative as college approaches.");
        p(l, "P-RET-IRA", "Retirement Account (IRA)", ProductType.RETIREMENT, 3, 18, 72, 0, 1, ALL,
                "A traditional IRA with tax-deductible contributions and a choice of target-date funds, so your "
                        + "retirement savings grow tax-deferred.");
        p(l, "P-RET-ROTH", "Roth IRA", ProductType.RETIREMENT, 3, 18, 72, 10_000, 1, ALL,
                "Contribute after tax today and withdraw tax-free in retirement; a strong choice when you expect a "
                        + "higher income later.");
        p(l, "P-RET-ANNUITY", "Retirement Income Annuity", ProductType.RETIREMENT, 2, 55, 85, 0, 1, ALL,
                "Turn part of your savings into a guaranteed monthly income for life, so your essential bills are "
                        + "covered however long retirement lasts.");
        p(l, "P-RET-SEP", "SEP-IRA for the Self-Employed", ProductType.RETIREMENT, 3, 21, 72, 30_000, 1,
                only(Segment.SMALL_BUSINESS),
                "A retirement plan for business owners with contribution limits far above a regular IRA, deductible "
                        + "as a business expense.");
        // --- insurance
        p(l, "P-INS-LIFE", "Term Life Insurance", ProductType.INSURANCE, 1, 18, 65, 0, 1, ALL,
                "Protect the people who depend on you with 10- to 30-year term cover, a simple online application "
                        + "and no medical exam for most applicants under 45.");
        p(l, "P-INS-HEALTH", "Health Insurance Plan", ProductType.INSURANCE, 1, 18, 64, 0, 1, ALL,
                "Individual and family health plans with a national network, telehealth visits at no cost and "
                        + "prescription coverage.");
        p(l, "P-INS-HOME", "Home Insurance", ProductType.INSURANCE, 1, 18, 120, 0, 1, ALL,
                "Cover your home and belongings against fire, theft and storms, with a discount when your mortgage "
                        + "is with us.");
        p(l, "P-INS-AUTO", "Auto Insurance", ProductType.INSURANCE, 1, 18, 120, 0, 1, ALL,
                "Liability, collision and comprehensive car cover with accident forgiveness and 24/7 roadside "
                        + "assistance.");
        p(l, "P-INS-TRAVEL", "Travel Insurance", ProductType.INSURANCE, 1, 18, 85, 0, 1, ALL,
                "Single-trip and annual cover for medical emergencies abroad, cancellations, delays and lost "
                        + "luggage.");
        // --- foreign exchange
        p(l, "P-FX", "Foreign Exchange Services", ProductType.FOREX, 2, 18, 120, 0, 1, ALL,
                "Order foreign currency online at competitive rates for pickup or home delivery, and sell back "
                        + "what you did not spend when you return.");
        p(l, "P-FX-CARD", "Multi-Currency Travel Card", ProductType.FOREX, 2, 18, 120, 0, 1, ALL,
                "A prepaid card holding up to 10 currencies: lock in exchange rates before you travel and pay "
                        + "abroad without foreign transaction fees.");
        p(l, "P-FX-REMIT", "International Money Transfer", ProductType.FOREX, 2, 18, 120, 0, 1, ALL,
                "Send money to family and friends in 80 countries at low fixed fees, with delivery to bank accounts "
                        + "or mobile wallets, often within minutes.");
        return List.copyOf(l);
    }
}
