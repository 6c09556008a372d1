package io.finrec.core.io;

import io.finrec.core.domain.Account;
import io.finrec.core.domain.AccountType;
import io.finrec.core.domain.AssetClass;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Eligibility;
import io.finrec.core.domain.Interaction;
import io.finrec.core.domain.LifeEvent;
import io.finrec.core.domain.LifeEventKind;
import io.finrec.core.domain.InteractionKind;
import io.finrec.core.domain.Loan;
import io.finrec.core.domain.LoanRepayment;
import io.finrec.core.domain.Money;
import io.finrec.core.domain.PricePoint;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.ProductType;
import io.finrec.core.domain.RiskProfile;
import io.finrec.core.domain.Segment;
import io.finrec.core.domain.SavingsGoal;
import io.finrec.core.domain.SocialPost;
import io.finrec.core.domain.Transaction;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The file schema of every bank record type (column names and conversions), shared by CSV and JSON lines.
 * Dates and instants are ISO-8601, amounts are plain decimals with a separate ISO 4217 {@code currency} column,
 * enums are written by name and read case-insensitively, optional values are empty cells (or absent JSON fields).
 * A product's {@code segments} cell is {@code ALL} or segment names joined by {@code |}.
 *
 * <p>Immutable and thread-safe.
 */
public final class BankSchemas {
    private BankSchemas() {}

    /** customers: id, age, annual_income, segment, risk_profile, region. */
    public static final RecordSchema<Customer> CUSTOMER = new RecordSchema<>("customer",
            List.of("id", "age", "annual_income", "segment", "risk_profile", "region"),
            r -> new Customer(r.text("id"), r.intValue("age"), r.decimal("annual_income"),
                    r.enumValue("segment", Segment.class), riskProfile(r, "risk_profile"), r.text("region")),
            c -> new Object[] {c.id(), c.age(), c.annualIncome(), c.segment().name(), c.riskProfile().name(), c.region()});

    /** accounts: id, customer_id, type, product_id, currency, opened. */
    public static final RecordSchema<Account> ACCOUNT = new RecordSchema<>("account",
            List.of("id", "customer_id", "type", "product_id", "currency", "opened"),
            r -> new Account(r.text("id"), r.text("customer_id"), r.enumValue("type", AccountType.class),
                    r.optText("product_id"), currency(r, "currency"), r.date("opened")),
            a -> new Object[] {a.id(), a.customerId(), a.type().name(), a.productId().orElse(null),
                    a.currency().getCurrencyCode(), a.opened().toString()});

    /** transactions: id, customer_id, account_id, timestamp, amount, currency, description, merchant, category, mcc. */
    public static final RecordSchema<Transaction> TRANSACTION = new RecordSchema<>("transaction",
            List.of("id", "customer_id", "account_id", "timestamp", "amount", "currency", "description", "merchant",
                    "category", "mcc"),
            r -> new Transaction(r.text("id"), r.text("customer_id"), r.text("account_id"), r.instant("timestamp"),
                    new Money(r.decimal("amount"), currency(r, "currency")), r.text("description"),
                    r.optText("merchant"), r.optText("category"), r.optInt("mcc")),
            t -> new Object[] {t.id(), t.customerId(), t.accountId(), t.timestamp().toString(), t.amount().amount(),
                    t.amount().currency().getCurrencyCode(), t.description(), t.merchant().orElse(null),
                    t.category().orElse(null), t.mcc().isPresent() ? t.mcc().getAsInt() : null});

    /** products: id, name, type, risk_level, min_age, max_age, min_income, min_risk_profile, segments, description. */
    public static final RecordSchema<Product> PRODUCT = new RecordSchema<>("product",
            List.of("id", "name", "type", "risk_level", "min_age", "max_age", "min_income", "min_risk_profile",
                    "segments", "description"),
            r -> new Product(r.text("id"), r.text("name"), r.enumValue("type", ProductType.class),
                    r.intValue("risk_level"),
                    new Eligibility(r.intValue("min_age"), r.intValue("max_age"), r.decimal("min_income"),
                            r.intValue("min_risk_profile"), segments(r, "segments")),
                    r.text("description")),
            p -> new Object[] {p.id(), p.name(), p.type().name(), p.riskLevel(), p.eligibility().minAge(),
                    p.eligibility().maxAge(), p.eligibility().minIncome(), p.eligibility().minRiskProfile(),
                    formatSegments(p.eligibility().segments()), p.description()});

    /** interactions: customer_id, product_id, kind, weight, time. */
    public static final RecordSchema<Interaction> INTERACTION = new RecordSchema<>("interaction",
            List.of("customer_id", "product_id", "kind", "weight", "time"),
            r -> new Interaction(r.text("customer_id"), r.text("product_id"), r.enumValue("kind", InteractionKind.class),
                    r.doubleValue("weight"), r.instant("time")),
            i -> new Object[] {i.customerId(), i.productId(), i.kind().name(), i.weight(), i.time().toString()});

    /** social_posts: id, customer_id, time, text. */
    public static final RecordSchema<SocialPost> SOCIAL_POST = new RecordSchema<>("social post",
            List.of("id", "customer_id", "time", "text"),
            r -> new SocialPost(r.text("id"), r.text("customer_id"), r.instant("time"), r.text("text")),
            p -> new Object[] {p.id(), p.customerId(), p.time().toString(), p.text()});

    /** savings_goals: id, customer_id, account_id, name, target, currency, start, deadline. */
    public static final RecordSchema<SavingsGoal> SAVINGS_GOAL = new RecordSchema<>("savings goal",
            List.of("id", "customer_id", "account_id", "name", "target", "currency", "start", "deadline"),
            r -> new SavingsGoal(r.text("id"), r.text("customer_id"), r.text("account_id"), r.text("name"),
                    new Money(r.decimal("target"), currency(r, "currency")), r.date("start"), r.date("deadline")),
            g -> new Object[] {g.id(), g.customerId(), g.accountId(), g.name(), g.target().amount(),
                    g.target().currency().getCurrencyCode(), g.start().toString(), g.deadline().toString()});

    /** loans: id, customer_id, account_id, product_id, principal, currency, annual_rate, term_months, start. */
    public static final RecordSchema<Loan> LOAN = new RecordSchema<>("loan",
            List.of("id", "customer_id", "account_id", "product_id", "principal", "currency", "annual_rate",
                    "term_months", "start"),
            r -> new Loan(r.text("id"), r.text("customer_id"), r.text("account_id"), r.text("product_id"),
                    new Money(r.decimal("principal"), currency(r, "currency")), r.doubleValue("annual_rate"),
                    r.intValue("term_months"), r.date("start")),
            l -> new Object[] {l.id(), l.customerId(), l.accountId(), l.productId(), l.principal().amount(),
                    l.principal().currency().getCurrencyCode(), l.annualRate(), l.termMonths(), l.start().toString()});

    /** loan_repayments: loan_id, installment, due, amount_due, currency, paid_on, amount_paid. */
    public static final RecordSchema<LoanRepayment> LOAN_REPAYMENT = new RecordSchema<>("loan repayment",
            List.of("loan_id", "installment", "due", "amount_due", "currency", "paid_on", "amount_paid"),
            r -> {
                Currency cur = currency(r, "currency");
                return new LoanRepayment(r.text("loan_id"), r.intValue("installment"), r.date("due"),
                        new Money(r.decimal("amount_due"), cur), r.optDate("paid_on"),
                        new Money(r.decimal("amount_paid"), cur));
            },
            p -> new Object[] {p.loanId(), p.installment(), p.due().toString(), p.amountDue().amount(),
                    p.amountDue().currency().getCurrencyCode(), p.paidOn().map(Object::toString).orElse(null),
                    p.amountPaid().amount()});

    /** life_events: customer_id, kind, date. */
    public static final RecordSchema<LifeEvent> LIFE_EVENT = new RecordSchema<>("life event",
            List.of("customer_id", "kind", "date"),
            r -> new LifeEvent(r.text("customer_id"), r.enumValue("kind", LifeEventKind.class), r.date("date")),
            e -> new Object[] {e.customerId(), e.kind().name(), e.date().toString()});

    /** prices: series, asset_class, date, price. */
    public static final RecordSchema<PricePoint> PRICE = new RecordSchema<>("price",
            List.of("series", "asset_class", "date", "price"),
            r -> new PricePoint(r.text("series"), r.enumValue("asset_class", AssetClass.class), r.date("date"),
                    r.doubleValue("price")),
            p -> new Object[] {p.series(), p.assetClass().name(), p.date().toString(), p.price()});

    private static Currency currency(Row r, String field) {
        String code = r.text(field).trim();
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw r.error(field, "'" + code + "' is not an ISO 4217 currency code", e);
        }
    }

    private static RiskProfile riskProfile(Row r, String field) {
        String v = r.text(field).trim();
        if (v.length() == 1 && Character.isDigit(v.charAt(0))) {
            try {
                return RiskProfile.ofLevel(v.charAt(0) - '0');
            } catch (IllegalArgumentException e) {
                throw r.error(field, "risk level '" + v + "' is outside 1..5", e);
            }
        }
        return r.enumValue(field, RiskProfile.class);
    }

    private static Set<Segment> segments(Row r, String field) {
        String v = r.text(field).trim();
        if (v.equalsIgnoreCase("ALL")) return Eligibility.ALL_SEGMENTS;
        EnumSet<Segment> set = EnumSet.noneOf(Segment.class);
        for (String part : v.split("\\|")) {
            try {
                set.add(Segment.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw r.error(field, "'" + part.trim() + "' is not a segment (use ALL or names joined by |)", e);
            }
        }
        return set;
    }

    private static String formatSegments(Set<Segment> segments) {
        if (segments.containsAll(Eligibility.ALL_SEGMENTS)) return "ALL";
        StringJoiner j = new StringJoiner("|");
        for (Segment s : Segment.values()) if (segments.contains(s)) j.add(s.name());
        return j.toString();
    }
}
