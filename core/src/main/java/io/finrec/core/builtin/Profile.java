package io.finrec.core.builtin;

import io.finrec.core.domain.Customer;
import io.finrec.core.domain.LifeEvent;
import io.finrec.core.domain.LifeEventKind;
import io.finrec.core.domain.RiskProfile;
import io.finrec.core.domain.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated customer: the public demographics of {@link Customer} plus the latent traits and life events that
 * drive spending, product choices and posts (documented in docs/core.md). Mutable only while it is being drawn;
 * never shared between threads.
 */
final class Profile {
    private static final Segment[] SEGMENTS = Segment.values();
    private static final double[] SEGMENT_WEIGHTS = {0.11, 0.22, 0.30, 0.11, 0.10, 0.16}; // in Segment order

    final int index;
    final String id;
    final Segment segment;
    final int age;
    final double income;
    final RiskProfile risk;
    final ReferenceData.Place home;
    final String name;
    /** Appetite for travel, 0..1. */
    final double traveler;
    /** Use of digital channels (app, posts, online shopping), 0..1. */
    final double digital;
    /** Share of take-home pay moved to savings, 0..0.3. */
    final double saver;
    /** Discretionary spending multiplier around 1. */
    final double spender;
    /** Financial stress, 0..1: overdrafts, late payments, personal loans. */
    final double stress;
    final boolean carOwner;
    final boolean homeowner;
    final int kids;
    final boolean married;
    /** Sends money abroad every month. */
    final boolean remitter;
    /** Moves money to a brokerage every month. */
    final boolean investor;
    /** Life events inside the window, by kind. */
    final Map<LifeEventKind, LocalDate> events = new EnumMap<>(LifeEventKind.class);

    private Profile(int index, Segment segment, int age, double income, RiskProfile risk, ReferenceData.Place home,
                    String name, double traveler, double digital, double saver, double spender, double stress,
                    boolean carOwner, boolean homeowner, int kids, boolean married, boolean remitter, boolean investor) {
        this.index = index;
        this.id = customerId(index);
        this.segment = segment;
        this.age = age;
        this.income = income;
        this.risk = risk;
        this.home = home;
        this.name = name;
        this.traveler = traveler;
        this.digital = digital;
        this.saver = saver;
        this.spender = spender;
        this.stress = stress;
        this.carOwner = carOwner;
        this.homeowner = homeowner;
        this.kids = kids;
        this.married = married;
        this.remitter = remitter;
        this.investor = investor;
    }

    static String customerId(int index) {
        String n = Integer.toString(index + 1);
        return "C" + "000000".substring(Math.min(6, n.length())) + n;
    }

    /** Draws a customer with mutually consistent demographics, traits and life events. */
    static Profile draw(int index, Rand r, LocalDate start, LocalDate end) {
        ReferenceData ref = ReferenceData.get();
        Segment seg = SEGMENTS[r.weighted(SEGMENT_WEIGHTS)];
        int age = switch (seg) {
            case STUDENT -> r.between(18, 20) + r.between(0, 5) / 2 + (r.chance(0.15) ? r.between(0, 4) : 0);
            case YOUNG_PROFESSIONAL -> r.between(22, 29) + r.between(0, 7);
            case FAMILY -> r.between(27, 42) + r.between(0, 16);
            case AFFLUENT -> r.between(30, 52) + r.between(0, 23);
            case SMALL_BUSINESS -> r.between(25, 46) + r.between(0, 22);
            case RETIREE -> r.between(60, 72) + r.between(0, 18);
        };
        double income = switch (seg) {
            case STUDENT -> r.chance(0.3) ? 0 : r.logNormal(14_000, 0.5);
            case YOUNG_PROFESSIONAL -> r.logNormal(55_000 * (1 + 0.025 * (age - 22)), 0.35);
            case FAMILY -> r.logNormal(80_000 * (1 + 0.01 * (age - 27)), 0.4);
            case AFFLUENT -> 95_000 + r.logNormal(140_000, 0.55);
            case SMALL_BUSINESS -> r.logNormal(90_000, 0.6);
            case RETIREE -> r.logNormal(40_000, 0.45);
        };
        income = StrictMath.round(income / 100.0) * 100.0;
        double logInc = StrictMath.log(Math.max(income, 8_000) / 60_000.0);
        double riskScore = 3 + switch (seg) {
            case STUDENT -> 0.2;
            case YOUNG_PROFESSIONAL -> 0.45;
            case FAMILY -> -0.15;
            case AFFLUENT -> 0.4;
            case SMALL_BUSINESS -> 0.5;
            case RETIREE -> -0.8;
        } - 0.03 * (age - 40) + 0.35 * logInc + r.normal(0, 0.8);
        RiskProfile risk = RiskProfile.ofLevel((int) Math.max(1, Math.min(5, StrictMath.round(riskScore))));
        ReferenceData.Place home = ref.places.get(r.weighted(ref.placeWeights));
        String name = r.pick(List.of(ReferenceData.FIRST_NAMES)) + " " + r.pick(List.of(ReferenceData.LAST_NAMES));

        double traveler = clamp01(r.uniform() * r.uniform() * 0.8 + (seg == Segment.AFFLUENT ? 0.35 : 0)
                + (seg == Segment.YOUNG_PROFESSIONAL ? 0.12 : 0) + 0.1 * Math.max(0, logInc));
        double digital = clamp01(1.05 - (age - 18) / 70.0 + r.normal(0, 0.18));
        double saver = Math.max(0, Math.min(0.3, 0.05 + 0.025 * (5 - risk.level()) + 0.04 * logInc + r.normal(0, 0.04)));
        double spender = r.logNormal(1.0, 0.25);
        double stress = clamp01(sigmoid(-1.6 * logInc - 0.8 + r.normal(0, 0.8) + (seg == Segment.STUDENT ? 0.3 : 0)));
        double pCar = switch (seg) {
            case STUDENT -> 0.35;
            case YOUNG_PROFESSIONAL -> 0.65;
            case FAMILY -> 0.93;
            case AFFLUENT, SMALL_BUSINESS -> 0.9;
            case RETIREE -> 0.75;
        };
        if (home.city().equals("NEW YORK") || home.city().equals("BROOKLYN") || home.city().equals("SAN FRANCISCO")
                || home.city().equals("BOSTON") || home.city().equals("WASHINGTON")) pCar *= 0.55;
        boolean car = r.chance(pCar);
        double pHome = switch (seg) {
            case STUDENT -> 0.0;
            case YOUNG_PROFESSIONAL -> 0.18;
            case FAMILY -> 0.62;
            case AFFLUENT -> 0.82;
            case SMALL_BUSINESS -> 0.6;
            case RETIREE -> 0.8;
        };
        boolean homeowner = r.chance(pHome * (age < 28 ? 0.4 : 1.0));
        int kids = seg == Segment.FAMILY ? r.between(1, 3) : seg == Segment.STUDENT || seg == Segment.RETIREE ? 0
                : r.chance(0.3) ? r.between(1, 2) : 0;
        boolean married = seg == Segment.FAMILY ? r.chance(0.85) : seg == Segment.STUDENT ? r.chance(0.03)
                : r.chance(Math.min(0.75, 0.1 + 0.015 * (age - 22)));
        boolean remitter = r.chance(0.08);
        boolean investor = r.chance(clamp01(0.02 + 0.04 * risk.level() + 0.08 * logInc));

        Profile p = new Profile(index, seg, age, income, risk, home, name, traveler, digital, saver, spender, stress,
                car, homeowner, kids, married, remitter, investor);
        p.drawEvents(r, start, end);
        return p;
    }

    private void drawEvents(Rand r, LocalDate start, LocalDate end) {
        int days = (int) ChronoUnit.DAYS.between(start, end);
        boolean employed = income > 0 && segment != Segment.RETIREE;
        double jobLoss = switch (segment) {
            case YOUNG_PROFESSIONAL, FAMILY -> 0.04;
            case SMALL_BUSINESS -> 0.05;
            case STUDENT -> 0.02;
            default -> 0.015;
        } * (0.5 + 1.5 * stress);
        if (employed && r.chance(jobLoss)) {
            LocalDate d = start.plusDays(r.nextInt(Math.max(1, days - 60)));
            events.put(LifeEventKind.JOB_LOSS, d);
            if (r.chance(0.55)) {
                LocalDate back = d.plusDays(r.between(45, 150));
                if (back.isBefore(end)) events.put(LifeEventKind.NEW_JOB, back);
            }
        } else {
            double newJob = switch (segment) {
                case STUDENT -> age >= 21 ? 0.3 : 0.08;
                case YOUNG_PROFESSIONAL -> 0.2;
                case FAMILY -> 0.08;
                case AFFLUENT -> 0.06;
                case SMALL_BUSINESS -> 0.02;
                case RETIREE -> 0.0;
            };
            if (r.chance(newJob)) events.put(LifeEventKind.NEW_JOB, day(r, start, days));
        }
        if (!married && age >= 23 && age <= 42 && r.chance(segment == Segment.YOUNG_PROFESSIONAL ? 0.12 : 0.07))
            events.put(LifeEventKind.WEDDING, day(r, start, days));
        double baby = (segment == Segment.FAMILY && age < 43) ? 0.13
                : (married || events.containsKey(LifeEventKind.WEDDING)) && age >= 25 && age <= 40 ? 0.07 : 0;
        if (r.chance(baby)) events.put(LifeEventKind.BABY, day(r, start, days));
        double house = !homeowner && age >= 25 && age <= 48 ? switch (segment) {
            case YOUNG_PROFESSIONAL -> 0.08;
            case FAMILY -> 0.11;
            case AFFLUENT -> 0.12;
            case SMALL_BUSINESS -> 0.07;
            default -> 0.01;
        } : 0;
        if (income >= 35_000 && r.chance(house)) events.put(LifeEventKind.FIRST_HOUSE, day(r, start, days));
        if (age < 78 && r.chance(segment == Segment.STUDENT ? 0.04 : carOwner ? 0.07 : 0.09))
            events.put(LifeEventKind.CAR_PURCHASE, day(r, start, days));
        double college = segment == Segment.STUDENT && age <= 19 ? 0.35
                : kids > 0 && age >= 42 && age <= 56 ? 0.15 : 0;
        if (r.chance(college)) {
            LocalDate term = LocalDate.of(start.getYear(), 8, r.between(15, 31)); // autumn term starts
            if (term.isBefore(start)) term = term.plusYears(1);
            events.put(LifeEventKind.COLLEGE, term.isBefore(end) ? term : day(r, start, days));
        }
        boolean retiring = segment == Segment.RETIREE ? age <= 66 && r.chance(0.25)
                : age >= 60 && age <= 68 && employed && r.chance(0.2);
        if (retiring && !events.containsKey(LifeEventKind.JOB_LOSS))
            events.put(LifeEventKind.RETIREMENT, day(r, start, days));
        if (r.chance(0.03 + 0.35 * traveler)) events.put(LifeEventKind.TRAVEL_ABROAD, day(r, start, days));
    }

    private static LocalDate day(Rand r, LocalDate start, int days) {
        return start.plusDays(r.nextInt(days));
    }

    /** Whether an event of {@code kind} happened on or before {@code date}. */
    boolean after(LifeEventKind kind, LocalDate date) {
        LocalDate d = events.get(kind);
        return d != null && !d.isAfter(date);
    }

    /** Days since the event (negative before it), or {@code Integer.MIN_VALUE} when it never happens. */
    int daysSince(LifeEventKind kind, LocalDate date) {
        LocalDate d = events.get(kind);
        return d == null ? Integer.MIN_VALUE : (int) ChronoUnit.DAYS.between(d, date);
    }

    /** Whether an event of {@code kind} happened within {@code days} before {@code date}. */
    boolean recent(LifeEventKind kind, LocalDate date, int days) {
        int s = daysSince(kind, date);
        return s >= 0 && s <= days;
    }

    /** Whether the customer draws a salary on {@code date}. */
    boolean employedOn(LocalDate date) {
        if (income <= 0) return false;
        if (segment == Segment.RETIREE && !events.containsKey(LifeEventKind.RETIREMENT)) return false;
        if (after(LifeEventKind.RETIREMENT, date)) return false;
        if (after(LifeEventKind.JOB_LOSS, date)) return after(LifeEventKind.NEW_JOB, date)
                && events.get(LifeEventKind.NEW_JOB).isAfter(events.get(LifeEventKind.JOB_LOSS));
        return true;
    }

    /** Whether the customer lives on a pension on {@code date}. */
    boolean retiredOn(LocalDate date) {
        if (segment == Segment.RETIREE) return !events.containsKey(LifeEventKind.RETIREMENT)
                || after(LifeEventKind.RETIREMENT, date);
        return after(LifeEventKind.RETIREMENT, date);
    }

    /** Whether the customer owns a home on {@code date}. */
    boolean ownsHomeOn(LocalDate date) {
        return homeowner || after(LifeEventKind.FIRST_HOUSE, date);
    }

    /** Whether the customer has a car on {@code date}. */
    boolean hasCarOn(LocalDate date) {
        return carOwner || after(LifeEventKind.CAR_PURCHASE, date);
    }

    /** Life events as domain records, by date. */
    List<LifeEvent> lifeEvents() {
        List<LifeEvent> out = new ArrayList<>();
        events.forEach((k, d) -> out.add(new LifeEvent(id, k, d)));
        out.sort(Comparator.comparing(LifeEvent::date).thenComparing(LifeEvent::kind));
        return out;
    }

    Customer customer() {
        return new Customer(id, age, BigDecimal.valueOf((long) income), segment, risk, home.state());
    }

    /** log(income / 60k), with a floor so zero incomes stay finite. */
    double logIncome() {
        return StrictMath.log(Math.max(income, 8_000) / 60_000.0);
    }

    static double clamp01(double x) {
        return Math.max(0, Math.min(1, x));
    }

    static double sigmoid(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }
}
