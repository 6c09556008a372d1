package io.finrec.core.builtin;

import io.finrec.core.domain.LifeEventKind;
import io.finrec.core.domain.Money;
import io.finrec.core.domain.ProductType;
import io.finrec.core.domain.Segment;
import io.finrec.core.domain.Transaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A customer's statement for the window: income, housing, bills, everyday spending, trips, transfers and fees, month
 * by month, shaped by the customer's segment, income, traits and life events. Not thread-safe.
 */
final class Spending {
    /** Scales every discretionary rate so the default bank has about 150 transactions per customer-year. */
    private static final double INTENSITY = 0.7;
    private static final double MCC_PRESENT = 0.9;

    /** A statement line before it gets its id. */
    private record Line(LocalDateTime time, String accountId, BigDecimal amount, String description, String merchant,
                        String category, int mcc) {}

    /** Things that happened which a customer may post about. */
    record Notable(LocalDate date, String kind, String detail) {}

    private final Profile c;
    private final Holdings h;
    private final Rand r;
    private final LocalDate start;
    private final LocalDate end;
    private final ReferenceData ref = ReferenceData.get();
    private final List<Line> lines = new ArrayList<>();
    final List<Notable> notable = new ArrayList<>();

    // the customer's regular merchants
    private final List<Merchant> groceries = new ArrayList<>();
    private final List<Merchant> dining = new ArrayList<>();
    private final List<Merchant> fuel = new ArrayList<>();
    private final List<Merchant> subscriptions = new ArrayList<>();
    private final List<double[]> subscriptionPrices = new ArrayList<>();
    private final List<Merchant> bills = new ArrayList<>();
    private final List<double[]> billAmounts = new ArrayList<>();
    private Merchant employer;
    private Merchant newEmployer;
    private Merchant landlord;
    private Merchant mortgageLender;
    private Merchant transit;
    private Merchant p2p;
    private final List<String> friends = new ArrayList<>();
    private double rent;
    private LocalDate rentFrom;
    private double mortgage;
    private boolean biweekly;
    private boolean noForeignFees;

    private Spending(Profile c, Holdings h, Rand r, LocalDate start, LocalDate end) {
        this.c = c;
        this.h = h;
        this.r = r;
        this.start = start;
        this.end = end;
    }

    /** The customer's transactions, sorted by time, with ids {@code T<customer>-<n>}. */
    static Spending simulate(Profile c, Holdings h, Rand r, LocalDate start, LocalDate end) {
        Spending s = new Spending(c, h, r, start, end);
        s.chooseMerchants();
        LocalDate month = start.withDayOfMonth(1);
        while (month.isBefore(end)) {
            s.month(month);
            month = month.plusMonths(1);
        }
        s.trips();
        s.cardPayments();
        return s;
    }

    List<Transaction> transactions() {
        lines.sort(Comparator.comparing(Line::time).thenComparing(Line::description));
        List<Transaction> out = new ArrayList<>(lines.size());
        String prefix = c.id.replace('C', 'T') + "-";
        int n = 0;
        for (Line l : lines) {
            if (l.time().toLocalDate().isBefore(start) || !l.time().toLocalDate().isBefore(end)) continue;
            out.add(new Transaction(prefix + (++n), c.id, l.accountId(), l.time().toInstant(ZoneOffset.UTC),
                    new Money(l.amount(), Holdings.USD), l.description(), Optional.of(l.merchant()),
                    Optional.of(l.category()), l.mcc() < 0 ? OptionalInt.empty() : OptionalInt.of(l.mcc())));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ set-up

    private final java.util.Map<String, List<Merchant>> localCache = new java.util.HashMap<>();
    private final java.util.Map<LocalDate, double[]> cardSpend = new java.util.HashMap<>();

    /** Merchants of a category (optionally of some channels) operating in the customer's state; cached. */
    private List<Merchant> local(String category, Channel... channels) {
        String key = category + java.util.Arrays.toString(channels);
        List<Merchant> cached = localCache.get(key);
        if (cached != null) return cached;
        List<Merchant> out = new ArrayList<>();
        for (Merchant m : ref.merchants(category)) {
            if (!m.operatesIn(c.home.state())) continue;
            if (channels.length == 0) out.add(m);
            else for (Channel ch : channels) if (m.channel() == ch) out.add(m);
        }
        localCache.put(key, out);
        return out;
    }

    /** A merchant weighted towards the price tier that suits the customer's income. */
    private Merchant byTier(List<Merchant> pool) {
        double[] w = new double[pool.size()];
        double pref = StrictMath.log(Math.max(c.income, 15_000) / 60_000.0);
        for (int i = 0; i < w.length; i++) {
            double t = StrictMath.log(pool.get(i).tier());
            w[i] = StrictMath.exp(-1.5 * (t - 0.4 * pref) * (t - 0.4 * pref)) + 0.05;
        }
        return pool.get(r.weighted(w));
    }

    private void favourites(List<Merchant> into, List<Merchant> pool, int n) {
        for (int i = 0; i < n && !pool.isEmpty(); i++) {
            Merchant m = byTier(pool);
            if (!into.contains(m)) into.add(m);
        }
    }

    private void chooseMerchants() {
        favourites(groceries, local("groceries", Channel.CARD), r.between(2, 3));
        if (c.digital > 0.6 && r.chance(0.4)) favourites(groceries, local("groceries", Channel.ONLINE), 1);
        favourites(dining, local("dining"), r.between(4, 7));
        favourites(fuel, local("fuel", Channel.CARD), r.between(1, 2));
        if (r.chance(0.06 + 0.1 * c.digital)) fuel.add(r.pick(local("fuel", Channel.ONLINE)));
        // subscriptions (entertainment billed monthly)
        List<Merchant> subs = local("entertainment", Channel.BILL);
        int nSubs = r.poisson(0.2 + 1.2 * c.digital);
        for (int i = 0; i < nSubs && i < 4; i++) {
            Merchant m = r.pick(subs);
            if (subscriptions.contains(m)) continue;
            subscriptions.add(m);
            subscriptionPrices.add(new double[] {StrictMath.floor(r.uniform(7, 16) * m.tier()) + 0.99});
        }
        // housing
        boolean livesWithParents = c.segment == Segment.STUDENT && r.chance(0.45);
        if (!c.homeowner && !livesWithParents) {
            landlord = byTier(local("rent"));
            double cityFactor = switch (c.home.city()) {
                case "NEW YORK", "BROOKLYN", "SAN FRANCISCO", "SAN JOSE", "BOSTON", "WASHINGTON", "LOS ANGELES" -> 1.4;
                default -> 1.0;
            };
            rent = c.segment == Segment.STUDENT ? r.uniform(450, 1100)
                    : clamp(0.3 * Math.max(c.income, 20_000) / 12 * r.uniform(0.8, 1.15) * cityFactor, 750, 5_500);
            rent = StrictMath.round(rent / 5) * 5;
        }
        boolean ownLoan = false;
        for (Holdings.Held x : h.held) if (x.product().type() == ProductType.HOME_LOAN) ownLoan = true;
        if ((c.homeowner && !ownLoan && r.chance(0.65)) || (c.events.containsKey(LifeEventKind.FIRST_HOUSE) && !ownLoan)) {
            mortgageLender = r.pick(ref.merchants("transfers", Channel.MORTGAGE));
            mortgage = StrictMath.round(Math.max(c.income, 30_000) / 12 * r.uniform(0.17, 0.3));
        }
        if (landlord == null && c.events.containsKey(LifeEventKind.COLLEGE) && c.segment == Segment.STUDENT) {
            landlord = byTier(local("rent")); // student housing from the start of term
            rent = StrictMath.round(r.uniform(500, 1_100) / 5) * 5;
            rentFrom = c.events.get(LifeEventKind.COLLEGE).withDayOfMonth(1);
        }
        // utilities and telecom, billed monthly
        if (!livesWithParents) {
            List<Merchant> electric = new ArrayList<>();
            for (Merchant m : local("utilities")) if (!m.regions().isEmpty()) electric.add(m);
            if (!electric.isEmpty()) addBill(r.pick(electric), r.uniform(70, 160) * (c.homeowner ? 1.4 : 1));
            List<Merchant> national = new ArrayList<>();
            for (Merchant m : local("utilities")) if (m.regions().isEmpty()) national.add(m);
            if (c.homeowner ? r.chance(0.5) : r.chance(0.1)) addBill(r.pick(national), r.uniform(25, 70));
            if (electric.isEmpty()) addBill(r.pick(national), r.uniform(80, 180));
        }
        List<Merchant> mobile = new ArrayList<>(), internet = new ArrayList<>();
        for (Merchant m : local("telecom")) (m.mcc() == 4814 ? mobile : internet).add(m);
        addBill(byTier(mobile), r.uniform(30, 80) * (1 + 0.4 * Math.min(3, c.kids + (c.married ? 1 : 0))));
        if (!livesWithParents && r.chance(c.segment == Segment.STUDENT ? 0.3 : 0.6)) addBill(r.pick(internet), r.uniform(45, 95));
        // insurance premiums
        if (c.carOwner) addBill(r.pick(local("insurance")), r.uniform(85, 210) * (c.age < 25 ? 1.6 : 1));
        if (c.segment == Segment.SMALL_BUSINESS || (c.age >= 50 && c.age < 65 && r.chance(0.3)))
            addBill(r.pick(insurers(2.0)), r.uniform(300, 650) * (c.married ? 1.8 : 1));
        if (c.married && c.kids > 0 && r.chance(0.6)) addBill(r.pick(insurers(0.0)), r.uniform(25, 90));
        if (!c.homeowner && landlord != null && r.chance(0.35)) addBill(r.pick(local("insurance")), r.uniform(10, 25));
        // income
        biweekly = r.chance(0.35);
        if (c.segment == Segment.SMALL_BUSINESS && r.chance(0.7)) employer = r.pick(ref.merchants("salary", Channel.BUSINESS));
        else employer = r.pick(local("salary", Channel.PAYROLL));
        newEmployer = r.pick(local("salary", Channel.PAYROLL));
        // getting around and friends
        List<Merchant> transits = new ArrayList<>();
        for (Merchant m : local("transport", Channel.CARD)) if (m.mcc() == 4111) transits.add(m);
        if (!transits.isEmpty()) transit = r.pick(transits);
        p2p = r.pick(ref.merchants("transfers", Channel.P2P));
        for (int i = 0; i < 3; i++)
            friends.add(r.pick(ReferenceData.FIRST_NAMES) + " " + r.pick(ReferenceData.LAST_NAMES));
        for (Holdings.Held x : h.held) {
            String id = x.product().id();
            if (id.equals("P-CC-PLAT") || id.equals("P-CC-TRAVEL") || id.equals("P-FX-CARD")) noForeignFees = true;
        }
    }

    private List<Merchant> insurers(double minTier) {
        List<Merchant> out = new ArrayList<>();
        for (Merchant m : local("insurance")) if (minTier == 0 ? m.tier() <= 1.2 : m.tier() >= minTier) out.add(m);
        return out.isEmpty() ? local("insurance") : out;
    }

    private void addBill(Merchant m, double amount) {
        bills.add(m);
        billAmounts.add(new double[] {StrictMath.round(amount * 100) / 100.0});
    }

    // ------------------------------------------------------------------------------------------------ per month

    private void month(LocalDate first) {
        int days = first.lengthOfMonth();
        LocalDate mid = first.plusDays(14);
        boolean employed = c.employedOn(mid);
        boolean jobless = c.after(LifeEventKind.JOB_LOSS, mid) && !employed && !c.retiredOn(mid);
        double netMonthly = Math.max(c.income, 0) * 0.75 / 12;
        double discretionary = c.spender * (jobless ? 0.6 : 1.0) * INTENSITY;
        double incF = Math.max(c.income, 15_000) / 60_000.0;
        boolean baby = c.after(LifeEventKind.BABY, first);

        income(first, days, netMonthly);
        housing(first);
        // bills: utilities, telecom, insurance, subscriptions
        for (int i = 0; i < bills.size(); i++) {
            Merchant m = bills.get(i);
            double amt = billAmounts.get(i)[0];
            if (m.category().equals("utilities")) amt *= seasonal(first) * r.uniform(0.85, 1.15);
            int day = 1 + (Math.abs(m.name().hashCode()) + c.index) % 27;
            boolean onCard = h.card != null && !m.category().equals("utilities") && r.chance(0.25);
            bill(first.plusDays(Math.min(day, days) - 1), m, amt, onCard);
        }
        for (int i = 0; i < subscriptions.size(); i++) {
            Merchant m = subscriptions.get(i);
            int day = 1 + (Math.abs(m.name().hashCode()) + c.index * 7) % 27;
            bill(first.plusDays(Math.min(day, days) - 1), m, subscriptionPrices.get(i)[0], h.card != null && r.chance(0.6));
        }
        // groceries
        int nGro = r.poisson((1.5 + 0.25 * c.kids + (c.married ? 0.2 : 0)) * (baby ? 1.2 : 1) * INTENSITY);
        for (int i = 0; i < nGro; i++) {
            Merchant m = r.chance(0.85) ? r.pick(groceries) : byTier(local("groceries", Channel.CARD));
            purchase(day(first, days), m, r.logNormal(55 * m.tier() * (1 + 0.25 * c.kids) * StrictMath.pow(incF, 0.25), 0.45));
        }
        // dining
        double dineRate = switch (c.segment) {
            case STUDENT -> 1.7;
            case YOUNG_PROFESSIONAL -> 2.0;
            case RETIREE -> 0.7;
            default -> 1.2;
        };
        int nDine = r.poisson(dineRate * discretionary);
        for (int i = 0; i < nDine; i++) {
            Merchant m = r.chance(0.75) ? r.pick(dining) : byTier(local("dining"));
            purchase(day(first, days), m, r.logNormal(28 * m.tier() * StrictMath.pow(incF, 0.3), 0.4));
        }
        // fuel
        if (c.hasCarOn(mid)) {
            int nFuel = r.poisson(0.9 * INTENSITY * (c.segment == Segment.RETIREE ? 0.7 : 1));
            for (int i = 0; i < nFuel; i++) {
                Merchant m = r.pick(fuel);
                purchase(day(first, days), m, r.logNormal(44 * m.tier(), 0.25));
            }
        }
        // shopping (with spikes around weddings, babies and new homes)
        double shopRate = 0.9 * discretionary * (baby ? 1.6 : 1);
        if (c.recent(LifeEventKind.FIRST_HOUSE, mid, 75)) shopRate += 2;
        if (c.daysSince(LifeEventKind.WEDDING, mid) >= -45 && c.daysSince(LifeEventKind.WEDDING, mid) <= 0) shopRate += 2;
        int nShop = r.poisson(shopRate);
        for (int i = 0; i < nShop; i++) {
            Merchant m = byTier(local("shopping"));
            if (c.recent(LifeEventKind.FIRST_HOUSE, mid, 75) && r.chance(0.6)) m = r.pick(homeStores());
            double amt = r.logNormal(45 * m.tier() * StrictMath.pow(incF, 0.5), 0.8);
            if (r.chance(0.03)) { // a refund
                LocalDate d = day(first, days);
                credit(d, account(d), amt, Descriptions.noise(r, "RETURN " + Descriptions.alias(r, m)), m.name(),
                        "shopping", mcc(m));
            } else {
                purchase(day(first, days), m, amt);
            }
        }
        // entertainment outside subscriptions
        int nEnt = r.poisson(0.35 * discretionary * (0.5 + c.digital));
        for (int i = 0; i < nEnt; i++) {
            List<Merchant> pool = local("entertainment", Channel.CARD, Channel.ONLINE);
            Merchant m = r.pick(pool);
            purchase(day(first, days), m, r.logNormal(14 * m.tier(), 0.4));
        }
        // getting around
        boolean car = c.hasCarOn(mid);
        int nTrans = r.poisson((car ? 0.35 : 1.0) * INTENSITY);
        for (int i = 0; i < nTrans; i++) {
            Merchant m;
            double u = r.uniform();
            if (!car && transit != null && u < 0.45) m = transit;
            else if (u < 0.75) m = r.pick(rideshare());
            else m = r.pick(local("transport"));
            double amt = m.mcc() == 4111 ? (r.chance(0.2) ? 127.0 : 2.9 * r.between(1, 4)) : r.logNormal(20 * m.tier(), 0.5);
            purchase(day(first, days), m, amt);
        }
        // healthcare
        double hRate = (0.2 + 0.008 * Math.max(0, c.age - 30)) * (baby ? 3 : 1);
        int nHealth = r.poisson(hRate);
        for (int i = 0; i < nHealth; i++) {
            Merchant m = r.pick(local("healthcare"));
            purchase(day(first, days), m, r.logNormal(28 * m.tier(), 0.7));
        }
        // person-to-person and other transfers
        int nOut = r.poisson(0.45 * INTENSITY), nIn = r.poisson((jobless ? 0.8 : 0.2) + (c.segment == Segment.STUDENT ? 0.6 : 0));
        for (int i = 0; i < nOut; i++) p2p(day(first, days), true, r.logNormal(60, 0.9));
        for (int i = 0; i < nIn; i++) p2p(day(first, days), false, r.logNormal(jobless ? 250 : 80, 0.8));
        if (c.remitter) transfer(first.plusDays(Math.min(days, 3 + c.index % 10) - 1), r.pick(ref.merchants("transfers",
                Channel.REMIT)), -r.logNormal(300, 0.5), r.pick(friends));
        if (c.investor && employed && r.chance(0.7)) transfer(first.plusDays(Math.min(days, 16) - 1), r.pick(ref.merchants("transfers",
                Channel.BROKER)), -StrictMath.round(netMonthly * r.uniform(0.03, 0.1)), c.name);
        if (c.segment == Segment.FAMILY && c.after(LifeEventKind.COLLEGE, first)) p2p(first.plusDays(1), true, r.logNormal(600, 0.3));
        savings(first, days, netMonthly, employed);
        loanPayments(first);
        fees(first, days, jobless);
    }

    private List<Merchant> rideshare() {
        return ref.rideshare;
    }

    private List<Merchant> homeStores() {
        return ref.homeStores;
    }

    private void income(LocalDate first, int days, double netMonthly) {
        LocalDate mid = first.plusDays(14);
        if (c.retiredOn(mid)) {
            Merchant ssa = ref.merchants("salary", Channel.PENSION).get(0);
            double ss = Math.max(900, Math.min(3_800, c.income * 0.45 / 12));
            credit(first.plusDays(Math.min(days, 3) - 1).atTime(5, 0), h.checking.account().id(),
                    money(ss), Descriptions.income(r, ssa, first, c.name), ssa.name(), "salary", -1);
            if (c.income > 30_000) {
                Merchant pension = ref.merchants("salary", Channel.PENSION).get(1 + c.index % 4);
                credit(first.plusDays(Math.min(days, 28) - 1).atTime(5, 30), h.checking.account().id(),
                        money(Math.max(200, c.income * 0.75 / 12 - ss)), Descriptions.income(r, pension, first, c.name),
                        pension.name(), "salary", -1);
            }
            return;
        }
        if (!c.employedOn(mid) || netMonthly <= 0) return;
        boolean switched = c.after(LifeEventKind.NEW_JOB, mid);
        Merchant payer = switched && employer.channel() == Channel.PAYROLL ? newEmployer : employer;
        double raise = switched ? 1.2 : 1.0;
        if (payer.channel() == Channel.BUSINESS) { // irregular business payouts
            int n = r.between(2, 5);
            for (int i = 0; i < n; i++)
                credit(day(first, days).atTime(r.between(4, 9), 0), h.checking.account().id(),
                        money(netMonthly * raise / n * r.uniform(0.5, 1.5)), Descriptions.income(r, payer, first, c.name),
                        payer.name(), "salary", -1);
            return;
        }
        if (biweekly) {
            for (int d = 4 + c.index % 10; d <= days; d += 14)
                credit(first.plusDays(d - 1).atTime(6, 0), h.checking.account().id(), money(netMonthly * raise * 12 / 26),
                        Descriptions.income(r, payer, first.plusDays(d - 1), c.name), payer.name(), "salary", -1);
        } else {
            credit(first.plusDays(days - 1).atTime(6, 0), h.checking.account().id(), money(netMonthly * raise),
                    Descriptions.income(r, payer, first.plusDays(days - 1), c.name), payer.name(), "salary", -1);
        }
    }

    private void housing(LocalDate first) {
        boolean owns = c.ownsHomeOn(first);
        if (landlord != null && !owns && (rentFrom == null || !first.isBefore(rentFrom)))
            bill(first.plusDays(r.between(0, 2)), landlord, rent, false);
        if (mortgageLender != null && owns) {
            LocalDate d = first.plusDays(r.between(0, 4));
            debit(d.atTime(3, 0), h.checking.account().id(), mortgage,
                    Descriptions.transfer(r, mortgageLender, true, c.name, d), mortgageLender.name(), "rent", -1);
        }
    }

    private void savings(LocalDate first, int days, double netMonthly, boolean employed) {
        if (h.savings == null || (c.saver < 0.07 && h.goals.isEmpty()) || !employed) return;
        LocalDate d = first.plusDays(Math.min(days, 5 + c.index % 20) - 1);
        if (d.isBefore(h.savings.opened())) return;
        double amt = StrictMath.round(c.saver * netMonthly * (h.goals.isEmpty() ? 0.8 : 1.2) / 25) * 25.0;
        if (amt < 25) return;
        String sav = h.savings.product().type() == ProductType.RECURRING_DEPOSIT ? "RD" : "SAV";
        debit(d.atTime(7, 0), h.checking.account().id(), amt,
                Descriptions.internal(r, sav, true, h.savings.last4()), BuiltInBank.BANK_NAME, "transfers", -1);
        credit(d.atTime(7, 0), h.savings.account().id(), money(amt),
                Descriptions.internal(r, "CHK", false, h.checking.last4()), BuiltInBank.BANK_NAME, "transfers", -1);
    }

    private void loanPayments(LocalDate first) {
        for (Holdings.Payment p : h.loanPayments) {
            if (!p.date().withDayOfMonth(1).equals(first)) continue;
            String kind = switch (p.type()) {
                case HOME_LOAN -> "MORTGAGE";
                case CAR_LOAN -> "AUTO LOAN";
                case EDUCATION_LOAN -> "STUDENT LOAN";
                default -> "LOAN";
            };
            debit(p.date().atTime(4, 0), h.checking.account().id(), p.amount().doubleValue(),
                    Descriptions.internal(r, kind, true, p.last4()), BuiltInBank.BANK_NAME, "transfers", -1);
            if (p.late()) {
                fee(p.date().plusDays(1), "Late Payment Fee");
                notable.add(new Notable(p.date(), "late-payment", kind));
            }
        }
    }

    private void fees(LocalDate first, int days, boolean jobless) {
        int od = r.poisson(0.01 + 0.3 * c.stress * c.stress + (jobless ? 0.5 : 0));
        for (int i = 0; i < od; i++) {
            LocalDate d = day(first, days);
            fee(d, r.chance(0.7) ? "Overdraft Item Fee" : "NSF Returned Item Fee");
            notable.add(new Notable(d, "overdraft", ""));
        }
        String chk = h.checking.product().id();
        if (chk.equals("P-CHK-BASIC") && !c.employedOn(first.plusDays(14)) && !c.retiredOn(first.plusDays(14)))
            fee(first.plusDays(Math.min(days, 28) - 1), "Monthly Maintenance Fee");
        if (!chk.equals("P-CHK-PREMIER")) for (int i = r.poisson(0.1); i > 0; i--) fee(day(first, days), "ATM Fee");
        for (int i = r.poisson(0.015); i > 0; i--) {
            List<Merchant> pool = ref.merchants("fees");
            fee(day(first, days), pool.get(6 + r.nextInt(pool.size() - 6)).name());
        }
        if (cardOpen(first) && first.getMonthValue() == h.card.opened().getMonthValue()
                && (h.card.product().id().equals("P-CC-GOLD") || h.card.product().id().equals("P-CC-PLAT")))
            fee(first.plusDays(Math.min(days, 10) - 1), "Annual Card Fee", h.card.account().id(),
                    h.card.product().id().equals("P-CC-PLAT") ? 495 : 95);
        if (r.chance(0.003 + 0.01 * c.digital)) notable.add(new Notable(day(first, days), "fraud", ""));
        if (r.chance(0.02 * c.stress)) notable.add(new Notable(day(first, days), "declined", ""));
    }

    // ------------------------------------------------------------------------------------------------ trips

    private void trips() {
        int days = (int) ChronoUnit.DAYS.between(start, end);
        int domestic = r.poisson(c.traveler * 2.2 * days / 365.0);
        for (int i = 0; i < domestic; i++) trip(start.plusDays(r.nextInt(days)), false);
        LocalDate abroad = c.events.get(LifeEventKind.TRAVEL_ABROAD);
        if (abroad != null) trip(abroad, true);
        LocalDate wedding = c.events.get(LifeEventKind.WEDDING);
        if (wedding != null && r.chance(0.6)) trip(wedding.plusDays(r.between(1, 10)), r.chance(0.5));
    }

    private void trip(LocalDate depart, boolean international) {
        int nights = r.between(2, international ? 12 : 6);
        List<Merchant> airlines = new ArrayList<>();
        for (Merchant m : ref.merchants("travel"))
            if (m.mcc() >= 3000 && m.mcc() <= 3299 && (international || m.mcc() != 3005 && m.mcc() != 3008)) airlines.add(m);
        Merchant airline = r.pick(airlines);
        LocalDate booked = depart.minusDays(r.between(10, 60));
        double people = c.married ? (c.kids > 0 && r.chance(0.5) ? 2 + c.kids : 2) : 1;
        purchase(booked, airline, r.logNormal((international ? 650 : 280) * airline.tier() * people, 0.3));
        ReferenceData.Place dest;
        String place, state;
        String currency = null;
        if (international) {
            ReferenceData.Destination d = r.pick(ref.destinations);
            place = d.city();
            state = d.country();
            currency = d.currency();
            notable.add(new Notable(depart, "travel", d.city()));
        } else {
            dest = ref.places.get(r.weighted(ref.placeWeights));
            place = dest.city();
            state = dest.state();
        }
        ReferenceData.Place where = new ReferenceData.Place(state, place, 1);
        List<Merchant> lodging = new ArrayList<>();
        for (Merchant m : ref.merchants("travel")) if (m.mcc() == 7011 || m.mcc() == 4722 || (m.mcc() >= 3501 && m.mcc() <= 3999))
            lodging.add(m);
        Merchant hotel = r.pick(lodging);
        double stay = r.logNormal(170 * hotel.tier() * StrictMath.pow(Math.max(c.income, 20_000) / 60_000.0, 0.3), 0.3) * nights;
        LocalDate checkout = depart.plusDays(nights);
        if (hotel.channel() == Channel.ONLINE) purchase(booked.plusDays(r.between(0, 5)), hotel, stay);
        else abroad(checkout, hotel, stay, where, currency);
        if (r.chance(0.4)) {
            List<Merchant> cars = new ArrayList<>();
            for (Merchant m : ref.merchants("travel")) if (m.mcc() >= 3351 && m.mcc() <= 3441) cars.add(m);
            Merchant rental = r.pick(cars);
            abroad(checkout, rental, r.logNormal(55 * rental.tier(), 0.3) * nights, where, currency);
        }
        int meals = r.between(1, nights + 1);
        for (int i = 0; i < meals; i++) {
            List<Merchant> pool = ref.merchants("dining", Channel.CARD);
            Merchant m = r.pick(pool);
            abroad(depart.plusDays(r.nextInt(nights + 1)), m, r.logNormal(40 * m.tier() * (international ? 1.3 : 1), 0.4),
                    where, currency);
        }
    }

    /** A card purchase at a trip destination (with a foreign transaction fee abroad unless the card waives it). */
    private void abroad(LocalDate d, Merchant m, double amount, ReferenceData.Place where, String currency) {
        String acct = account(d);
        debit(time(d, m.category()), acct, amount, Descriptions.card(r, m, where, d, acct.equals(h.checking.account().id())),
                m.name(), m.category(), mcc(m));
        if (currency != null && !noForeignFees) {
            fee(d.plusDays(1), "Foreign Transaction Fee", acct, StrictMath.max(0.5, amount * 0.03));
            notable.add(new Notable(d, "foreign-fee", currency));
        }
    }

    // ------------------------------------------------------------------------------------------------ card account

    private void cardPayments() {
        if (h.card == null) return;
        String cardId = h.card.account().id();
        LocalDate month = start.withDayOfMonth(1);
        while (month.isBefore(end)) {
            LocalDate next = month.plusMonths(1);
            double[] acc = cardSpend.get(month);
            double spent = acc == null ? 0 : acc[0];
            if (spent > 1) {
                LocalDate pay = next.plusDays(r.between(14, 22));
                boolean partial = r.chance(0.6 * c.stress);
                double amt = partial ? Math.max(25, spent * 0.1) : spent;
                debit(pay.atTime(8, 0), h.checking.account().id(), amt,
                        Descriptions.internal(r, "CREDIT CARD", true, h.card.last4()), BuiltInBank.BANK_NAME, "transfers", -1);
                credit(pay.atTime(8, 0), cardId, money(amt), Descriptions.noise(r, r.pick("PAYMENT - THANK YOU",
                        "AUTOPAY PAYMENT RECEIVED", "ONLINE PAYMENT THANK YOU", "MOBILE PAYMENT - THANK YOU")),
                        BuiltInBank.BANK_NAME, "transfers", -1);
                if (partial) fee(pay.plusDays(r.between(5, 12)), "Interest Charge on Purchases", cardId,
                        StrictMath.round(spent * 0.9 * 0.24 / 12 * 100) / 100.0);
            }
            month = next;
        }
    }

    // ------------------------------------------------------------------------------------------------ primitives

    /** The card (55 % of purchases, once it is open) or the checking account. */
    private String account(LocalDate d) {
        return cardOpen(d) && r.chance(0.55) ? h.card.account().id() : h.checking.account().id();
    }

    private boolean cardOpen(LocalDate d) {
        return h.card != null && !d.isBefore(h.card.opened());
    }

    private void purchase(LocalDate d, Merchant m, double amount) {
        String acct = account(d);
        boolean debitCard = acct.equals(h.checking.account().id());
        String desc = m.channel() == Channel.ONLINE ? Descriptions.online(r, m, c.home.state(), d, debitCard)
                : Descriptions.card(r, m, c.home, d, debitCard);
        debit(time(d, m.category()), acct, amount, desc, m.name(), m.category(), mcc(m));
    }

    private void bill(LocalDate d, Merchant m, double amount, boolean wantCard) {
        boolean onCard = wantCard && cardOpen(d);
        String acct = onCard ? h.card.account().id() : h.checking.account().id();
        debit(d.atTime(r.between(2, 8), r.nextInt(60)), acct, amount,
                Descriptions.bill(r, m, c.home.state(), c.name, onCard), m.name(), m.category(),
                onCard ? mcc(m) : -1);
    }

    private void p2p(LocalDate d, boolean outgoing, double amount) {
        String who = r.pick(friends);
        Merchant m = r.chance(0.8) ? p2p : r.pick(ref.merchants("transfers", Channel.P2P));
        String desc = Descriptions.transfer(r, m, outgoing, who, d);
        if (outgoing) debit(time(d, "transfers"), h.checking.account().id(), amount, desc, m.name(), "transfers", -1);
        else credit(time(d, "transfers"), h.checking.account().id(), money(amount), desc, m.name(), "transfers", -1);
    }

    private void transfer(LocalDate d, Merchant m, double signedAmount, String counterparty) {
        if (signedAmount == 0) return;
        String desc = Descriptions.transfer(r, m, signedAmount < 0, counterparty, d);
        if (signedAmount < 0) debit(time(d, "transfers"), h.checking.account().id(), -signedAmount, desc, m.name(), "transfers", -1);
        else credit(time(d, "transfers"), h.checking.account().id(), money(signedAmount), desc, m.name(), "transfers", -1);
    }

    private void fee(LocalDate d, String feeName) {
        fee(d, feeName, h.checking.account().id(), -1);
    }

    private void fee(LocalDate d, String feeName, String accountId, double amount) {
        Merchant fee = ref.fee(feeName);
        double amt = amount > 0 ? amount : fee.tier();
        debit(d.atTime(r.between(0, 3), r.nextInt(60)), accountId, amt, Descriptions.fee(r, fee, d), BuiltInBank.BANK_NAME,
                "fees", -1);
    }

    private void debit(LocalDateTime t, String accountId, double amount, String desc, String merchant, String category,
                       int mcc) {
        BigDecimal a = money(amount);
        if (a.signum() == 0) a = new BigDecimal("0.01");
        lines.add(new Line(t, accountId, a.negate(), desc, merchant, category, mcc));
        if (h.card != null && accountId.equals(h.card.account().id()))
            cardSpend.computeIfAbsent(t.toLocalDate().withDayOfMonth(1), k -> new double[1])[0] += a.doubleValue();
    }

    private void credit(LocalDateTime t, String accountId, BigDecimal amount, String desc, String merchant,
                        String category, int mcc) {
        if (amount.signum() <= 0) return;
        lines.add(new Line(t, accountId, amount, desc, merchant, category, mcc));
    }

    private void credit(LocalDate d, String accountId, double amount, String desc, String merchant, String category,
                        int mcc) {
        credit(time(d, category), accountId, money(amount), desc, merchant, category, mcc);
    }

    private int mcc(Merchant m) {
        return m.mcc() >= 0 && r.chance(MCC_PRESENT) ? m.mcc() : -1;
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(StrictMath.round(Math.abs(amount) * 100), 2);
    }

    private LocalDate day(LocalDate first, int days) {
        return first.plusDays(r.nextInt(days));
    }

    private LocalDateTime time(LocalDate d, String category) {
        int hour = switch (category) {
            case "dining" -> r.chance(0.45) ? r.between(11, 13) : r.chance(0.3) ? r.between(7, 9) : r.between(17, 21);
            case "groceries" -> r.between(8, 20);
            case "entertainment" -> r.between(12, 23);
            case "fuel", "transport" -> r.between(6, 20);
            default -> r.between(8, 21);
        };
        return d.atTime(hour, r.nextInt(60), r.nextInt(60));
    }

    private double seasonal(LocalDate month) {
        int m = month.getMonthValue();
        return m == 7 || m == 8 ? 1.35 : m == 1 || m == 2 || m == 12 ? 1.25 : m == 6 || m == 9 ? 1.1 : 0.9;
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
