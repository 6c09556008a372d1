package io.finrec.core.builtin;

import io.finrec.core.domain.Account;
import io.finrec.core.domain.AccountType;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Interaction;
import io.finrec.core.domain.InteractionKind;
import io.finrec.core.domain.LifeEventKind;
import io.finrec.core.domain.Loan;
import io.finrec.core.domain.LoanRepayment;
import io.finrec.core.domain.Money;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.ProductType;
import io.finrec.core.domain.SavingsGoal;
import io.finrec.core.domain.Segment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A customer's products, accounts, interactions, loans (with repayments) and savings goals. Holdings opened before
 * the window come from the propensity model without life events; openings inside the window follow life events and
 * go through a VIEWED → CLICKED → APPLIED → OPENED funnel; browsing adds noisy views and clicks. Not thread-safe.
 */
final class Holdings {
    static final java.util.Currency USD = java.util.Currency.getInstance("USD");

    /** A product the customer holds (or held), with its account if it has one. */
    record Held(Product product, LocalDate opened, Account account, String last4) {}

    /** A loan instalment that was paid, for the statement. */
    record Payment(LocalDate date, BigDecimal amount, String last4, ProductType type, boolean late) {}

    final List<Held> held = new ArrayList<>();
    final List<Account> accounts = new ArrayList<>();
    final List<Interaction> interactions = new ArrayList<>();
    final List<Loan> loans = new ArrayList<>();
    final List<LoanRepayment> repayments = new ArrayList<>();
    final List<SavingsGoal> goals = new ArrayList<>();
    final List<Payment> loanPayments = new ArrayList<>();
    /** Products applied for but refused. */
    final List<Product> refused = new ArrayList<>();
    Held checking;
    Held card;
    Held savings;
    LocalDate savingsFrom;

    private final Profile c;
    private final Customer customer;
    private final Rand r;
    private final LocalDate start;
    private final LocalDate end;
    private final Map<String, Double> affinity = new HashMap<>();
    private int accountSeq;

    private Holdings(Profile c, Rand r, LocalDate start, LocalDate end) {
        this.c = c;
        this.customer = c.customer();
        this.r = r;
        this.start = start;
        this.end = end;
    }

    static Holdings draw(Profile c, Rand r, LocalDate start, LocalDate end) {
        Holdings h = new Holdings(c, r, start, end);
        for (Product p : Catalogue.PRODUCTS) h.affinity.put(p.id(), r.normal(0, 0.6));
        h.initial();
        h.inWindow();
        h.browsing();
        h.closures();
        h.loans();
        h.goals();
        h.interactions.sort(Comparator.comparing(Interaction::time).thenComparing(i -> i.kind().ordinal()));
        return h;
    }

    private double score(Product p, LocalDate date, boolean events) {
        double s = Propensity.score(c, p, date, events);
        return s == Propensity.IMPOSSIBLE ? s : s + affinity.get(p.id());
    }

    private boolean holds(String productId) {
        for (Held h : held) if (h.product().id().equals(productId)) return true;
        return false;
    }

    private void initial() {
        LocalDate adult = start.minusYears(Math.max(0, c.age - 18));
        LocalDate earliest = adult.isAfter(start.minusYears(12)) ? adult : start.minusYears(12);
        if (!earliest.isBefore(start)) earliest = start.minusDays(30);
        int span = (int) ChronoUnit.DAYS.between(earliest, start);
        String checkingId = c.segment == Segment.STUDENT && c.age <= 25 && r.chance(0.85) ? "P-CHK-STUDENT"
                : c.income >= 100_000 && r.chance(0.6) ? "P-CHK-PREMIER" : "P-CHK-BASIC";
        checking = open(BuiltInBank.product(checkingId).orElseThrow(), earliest.plusDays(r.nextInt(Math.max(1, span / 3))));
        if (c.segment == Segment.SMALL_BUSINESS && r.chance(0.7))
            open(BuiltInBank.product("P-CHK-BUSINESS").orElseThrow(), earliest.plusDays(r.nextInt(Math.max(1, span))));
        double lambda = switch (c.segment) {
            case STUDENT -> 0.9;
            case YOUNG_PROFESSIONAL -> 1.9;
            case FAMILY -> 2.6;
            case AFFLUENT -> 3.8;
            case SMALL_BUSINESS -> 2.7;
            case RETIREE -> 2.1;
        };
        int k = Math.min(8, r.poisson(lambda));
        for (Product p : topK(k, start, false)) open(p, earliest.plusDays(r.nextInt(Math.max(1, span))));
    }

    /** The k eligible, not-yet-held products with the largest Gumbel-perturbed scores. */
    private List<Product> topK(int k, LocalDate date, boolean events) {
        List<Product> pool = new ArrayList<>();
        List<Double> keys = new ArrayList<>();
        for (Product p : Catalogue.PRODUCTS) {
            if (holds(p.id()) || !p.eligibility().admits(customer)) continue;
            double s = score(p, date, events);
            if (s == Propensity.IMPOSSIBLE) continue;
            pool.add(p);
            keys.add(s + r.gumbel());
        }
        List<Product> out = new ArrayList<>();
        for (int n = 0; n < k && !pool.isEmpty(); n++) {
            int best = 0;
            for (int i = 1; i < keys.size(); i++) if (keys.get(i) > keys.get(best)) best = i;
            out.add(pool.remove(best));
            keys.remove(best);
        }
        return out;
    }

    private void inWindow() {
        int days = (int) ChronoUnit.DAYS.between(start, end);
        int n = Math.min(4, r.poisson(0.3 + 0.9 * c.events.size()));
        List<LocalDate> eventDates = new ArrayList<>(c.events.values());
        eventDates.sort(null);
        for (int i = 0; i < n; i++) {
            LocalDate d;
            if (!eventDates.isEmpty() && r.chance(0.8)) {
                LocalDate e = r.pick(eventDates);
                d = e.plusDays(r.between(-30, 75));
            } else {
                d = start.plusDays(r.nextInt(days));
            }
            if (d.isBefore(start.plusDays(3))) d = start.plusDays(3 + r.nextInt(20));
            if (!d.isBefore(end)) d = end.minusDays(1 + r.nextInt(10));
            List<Product> pick = topK(1, d, true);
            if (pick.isEmpty()) continue;
            Product p = pick.get(0);
            funnel(p, d, true);
            open(p, d);
        }
        if (r.chance(0.08 + 0.1 * c.stress)) { // an application the bank refuses
            Product best = null;
            double bestKey = Double.NEGATIVE_INFINITY;
            for (Product p : Catalogue.PRODUCTS) {
                if (holds(p.id()) || p.eligibility().admits(customer)) continue;
                double s = Propensity.score(c, p, start, false);
                if (s == Propensity.IMPOSSIBLE) continue;
                double key = s + r.gumbel();
                if (key > bestKey) {
                    bestKey = key;
                    best = p;
                }
            }
            if (best != null) {
                funnel(best, start.plusDays(10 + r.nextInt(Math.max(1, days - 20))), false);
                refused.add(best);
            }
        }
    }

    /** VIEWED (1-3), CLICKED, APPLIED before an opening on {@code d} (or a refused application). */
    private void funnel(Product p, LocalDate d, boolean opened) {
        int views = r.between(1, 3);
        for (int v = 0; v < views; v++) interaction(p, InteractionKind.VIEWED, clampDate(d.minusDays(r.between(2, 30))));
        if (!opened || r.chance(0.85)) interaction(p, InteractionKind.CLICKED, clampDate(d.minusDays(r.between(1, 7))));
        interaction(p, InteractionKind.APPLIED, clampDate(d.minusDays(r.between(0, 1))));
    }

    private LocalDate clampDate(LocalDate d) {
        return d.isBefore(start) ? start : d;
    }

    private void browsing() {
        int days = (int) ChronoUnit.DAYS.between(start, end);
        int n = r.poisson((1.5 + 6 * c.digital) * days / 365.0);
        List<Product> products = Catalogue.PRODUCTS;
        double[] w = new double[products.size()];
        LocalDate mid = start.plusDays(days / 2);
        for (int i = 0; i < w.length; i++) {
            double s = Propensity.score(c, products.get(i), mid, true);
            w[i] = s == Propensity.IMPOSSIBLE ? 0.02 : StrictMath.exp(0.8 * (s + affinity.get(products.get(i).id())));
        }
        for (int v = 0; v < n; v++) {
            Product p = products.get(r.weighted(w));
            LocalDate d = start.plusDays(r.nextInt(days));
            interaction(p, InteractionKind.VIEWED, d);
            double s = score(p, d, true);
            if (s != Propensity.IMPOSSIBLE && r.chance(0.6 * Profile.sigmoid(s - 1.5)))
                interaction(p, InteractionKind.CLICKED, d);
        }
    }

    private void closures() {
        int days = (int) ChronoUnit.DAYS.between(start, end);
        for (Held h : List.copyOf(held)) {
            ProductType t = h.product().type();
            boolean closable = t == ProductType.CREDIT_CARD || t == ProductType.RECURRING_DEPOSIT
                    || t == ProductType.FIXED_DEPOSIT || t == ProductType.INVESTMENT || t == ProductType.INSURANCE;
            if (closable && h.opened().isBefore(start) && h != card && h != savings && r.chance(0.04))
                interaction(h.product(), InteractionKind.CLOSED, start.plusDays(r.nextInt(days)));
        }
    }

    private Held open(Product p, LocalDate date) {
        interaction(p, InteractionKind.OPENED, date);
        AccountType type = switch (p.type()) {
            case CURRENT_ACCOUNT -> AccountType.CHECKING;
            case SAVINGS_ACCOUNT -> AccountType.SAVINGS;
            case RECURRING_DEPOSIT, FIXED_DEPOSIT -> AccountType.DEPOSIT;
            case CREDIT_CARD -> AccountType.CREDIT_CARD;
            case HOME_LOAN, CAR_LOAN, PERSONAL_LOAN, EDUCATION_LOAN -> AccountType.LOAN;
            case INVESTMENT, RETIREMENT -> AccountType.INVESTMENT;
            default -> null;
        };
        Account account = null;
        if (type != null) {
            account = new Account(c.id.replace('C', 'A') + "-" + (++accountSeq), c.id, type, Optional.of(p.id()),
                    USD, date);
            accounts.add(account);
        }
        Held h = new Held(p, date, account, r.digits(4));
        held.add(h);
        if (type == AccountType.CREDIT_CARD && (card == null || date.isBefore(card.opened()))) card = h;
        if ((type == AccountType.SAVINGS || p.type() == ProductType.RECURRING_DEPOSIT)
                && (savings == null || date.isBefore(savings.opened()))) savings = h;
        return h;
    }

    private void interaction(Product p, InteractionKind kind, LocalDate date) {
        Instant t = date.atTime(r.between(7, 22), r.nextInt(60), r.nextInt(60)).toInstant(ZoneOffset.UTC);
        interactions.add(new Interaction(c.id, p.id(), kind, kind.defaultWeight(), t));
    }

    private void loans() {
        int loanSeq = 0;
        for (Held h : held) {
            ProductType t = h.product().type();
            if (h.account() == null || h.account().type() != AccountType.LOAN) continue;
            String id = h.product().id();
            boolean recent = !h.opened().isBefore(start.minusYears(2));
            double principal, rate;
            int term;
            double inc = Math.max(c.income, 15_000);
            switch (t) {
                case HOME_LOAN -> {
                    boolean heloc = id.equals("P-HELOC");
                    principal = heloc ? r.uniform(20_000, 120_000) : Math.max(80_000, inc * r.uniform(2.2, 4.5));
                    rate = heloc ? r.uniform(0.08, 0.095) : recent ? r.uniform(0.058, 0.075) : r.uniform(0.029, 0.048);
                    term = heloc ? 120 : r.chance(0.8) ? 360 : 180;
                }
                case CAR_LOAN -> {
                    principal = r.uniform(12_000, 30_000) * StrictMath.pow(inc / 60_000, 0.35);
                    rate = id.equals("P-CL-GREEN") ? r.uniform(0.045, 0.065) : r.uniform(0.06, 0.095);
                    term = r.pick(List.of(48, 60, 72));
                }
                case EDUCATION_LOAN -> {
                    principal = r.uniform(8_000, 60_000);
                    rate = r.uniform(0.05, 0.08);
                    term = 120;
                }
                default -> {
                    boolean business = id.equals("P-BL");
                    principal = business ? r.uniform(20_000, 150_000) : r.uniform(3_000, 30_000);
                    rate = business ? r.uniform(0.08, 0.12) : r.uniform(0.09, 0.14) + 0.06 * c.stress;
                    term = business ? r.pick(List.of(60, 84, 120)) : r.pick(List.of(24, 36, 48, 60));
                }
            }
            Loan loan = new Loan(c.id.replace('C', 'L') + "-" + (++loanSeq), c.id, h.account().id(), id,
                    new Money(BigDecimal.valueOf(StrictMath.round(principal / 100) * 100L).setScale(2), USD),
                    BigDecimal.valueOf(rate).setScale(4, RoundingMode.HALF_UP).doubleValue(), term, h.opened());
            loans.add(loan);
            schedule(loan, h);
        }
    }

    private void schedule(Loan loan, Held h) {
        Money due = loan.monthlyPayment();
        for (int k = 1; k <= loan.termMonths(); k++) {
            LocalDate d = loan.dueDate(k);
            if (d.isBefore(start)) continue;
            if (!d.isBefore(end)) break;
            boolean jobless = c.after(LifeEventKind.JOB_LOSS, d) && !c.employedOn(d);
            double missed = jobless ? 0.35 : 0.005 + 0.06 * c.stress;
            double late = jobless ? 0.3 : 0.02 + 0.2 * c.stress;
            double u = r.uniform();
            Optional<LocalDate> paidOn;
            BigDecimal paid;
            boolean isLate = false;
            if (u < missed) {
                paidOn = Optional.empty();
                paid = BigDecimal.ZERO.setScale(2);
            } else {
                isLate = u < missed + late;
                LocalDate p = isLate ? d.plusDays(r.between(3, 25)) : d.minusDays(r.between(0, 3));
                paid = r.chance(0.03) ? due.amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP) : due.amount();
                if (!p.isBefore(end)) { // not paid yet when the data ends
                    paidOn = Optional.empty();
                    paid = BigDecimal.ZERO.setScale(2);
                } else {
                    paidOn = Optional.of(p);
                    loanPayments.add(new Payment(p, paid, h.last4(), h.product().type(), isLate));
                }
            }
            repayments.add(new LoanRepayment(loan.id(), k, d, due, paidOn, new Money(paid, USD)));
        }
    }

    private void goals() {
        if (savings == null || !r.chance(0.25 + 1.5 * c.saver)) return;
        int n = r.chance(0.3) ? 2 : 1;
        Set<String> used = new HashSet<>();
        double monthly = Math.max(c.income, 12_000) / 12.0;
        for (int i = 0; i < n; i++) {
            String name;
            double months, target;
            double u = r.uniform();
            if (c.events.containsKey(LifeEventKind.WEDDING) && !used.contains("Wedding")) {
                name = "Wedding";
                target = monthly * r.uniform(3, 6);
            } else if (c.events.containsKey(LifeEventKind.FIRST_HOUSE) || (!c.homeowner && c.age >= 25 && c.age <= 45
                    && u < 0.35 && !used.contains("House down payment"))) {
                name = "House down payment";
                target = monthly * r.uniform(8, 20);
            } else if ((c.kids > 0 || c.events.containsKey(LifeEventKind.BABY)) && u < 0.55) {
                name = c.events.containsKey(LifeEventKind.BABY) && !used.contains("Baby on the way")
                        ? "Baby on the way" : "College fund";
                target = monthly * (name.equals("College fund") ? r.uniform(10, 30) : r.uniform(1, 3));
            } else if (c.traveler > 0.4 && u < 0.7) {
                name = c.events.containsKey(LifeEventKind.TRAVEL_ABROAD) ? "Trip abroad" : "Vacation";
                target = monthly * r.uniform(0.8, 2.5);
            } else if (!c.carOwner && u < 0.8) {
                name = "New car";
                target = r.uniform(5_000, 15_000);
            } else if (c.age > 50 && u < 0.9) {
                name = "Retirement top-up";
                target = monthly * r.uniform(6, 24);
            } else {
                name = c.homeowner && r.chance(0.4) ? "Home renovation" : "Emergency fund";
                target = monthly * r.uniform(3, 6);
            }
            if (!used.add(name)) continue;
            months = r.between(6, 36);
            LocalDate s = start.minusDays(r.between(0, 180)).plusDays(r.between(0, 200));
            if (s.isBefore(savings.opened())) s = savings.opened();
            goals.add(new SavingsGoal(c.id.replace('C', 'G') + "-" + (i + 1), c.id, savings.account().id(), name,
                    new Money(BigDecimal.valueOf(StrictMath.round(target / 50) * 50L).setScale(2), USD), s,
                    s.plusMonths((long) months)));
        }
        savingsFrom = goals.isEmpty() ? null : goals.get(0).start();
    }
}
