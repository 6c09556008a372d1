package io.finrec.core.builtin;

import io.finrec.core.domain.LifeEventKind;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.Segment;
import java.time.LocalDate;

/**
 * The product-propensity model of the built-in bank: a logit score per (customer, product, date) from demographics,
 * latent traits and recent life events. Holdings and in-window openings are sampled from these scores (plus a
 * per-customer-product noise term and Gumbel noise), so a recommender that sees customer features and spending can
 * beat popularity. The rules are listed in docs/core.md. Stateless.
 */
final class Propensity {
    /** Score of a product the customer cannot hold at all (a mortgage without a home...). */
    static final double IMPOSSIBLE = Double.NEGATIVE_INFINITY;

    private Propensity() {}

    /**
     * The logit score of {@code product} for {@code c} on {@code date}.
     *
     * @param events whether life events around {@code date} count (false for holdings opened before the window)
     */
    static double score(Profile c, Product product, LocalDate date, boolean events) {
        double inc = c.logIncome();
        int risk = c.risk.level();
        boolean kids = c.kids > 0 || (events && c.after(LifeEventKind.BABY, date));
        boolean home = events ? c.ownsHomeOn(date) : c.homeowner;
        boolean car = events ? c.hasCarOn(date) : c.carOwner;
        Segment seg = c.segment;
        double ageBand3560 = c.age >= 35 && c.age <= 60 ? 1 : 0;
        return switch (product.id()) {
            case "P-CHK-BASIC", "P-CHK-STUDENT", "P-CHK-PREMIER", "P-CHK-BUSINESS" -> IMPOSSIBLE; // assigned directly
            case "P-SAV" -> 1.0 + 2 * c.saver + (seg == Segment.STUDENT ? 0.5 : 0) - 0.3 * Math.max(0, inc);
            case "P-SAV-HY" -> 0.1 + 4 * c.saver + 0.7 * c.digital + 0.3 * inc;
            case "P-SAV-KIDS" -> -0.6 + (kids ? 1.2 : -2) + 2.5 * near(c, LifeEventKind.BABY, date, events);
            case "P-MMA" -> -1.2 + 0.8 * inc + 3 * c.saver + (c.age > 50 ? 0.5 : 0);
            case "P-RD" -> -0.2 + 3 * c.saver - 0.4 * inc
                    + (seg == Segment.YOUNG_PROFESSIONAL || seg == Segment.FAMILY ? 0.6 : 0)
                    + 1.8 * near(c, LifeEventKind.WEDDING, date, events);
            case "P-FD-1Y" -> -0.5 + 1.4 * (5 - risk) / 4.0 + (c.age > 45 ? 0.5 : 0) + 0.2 * inc;
            case "P-FD-3Y" -> -1.0 + 1.6 * (5 - risk) / 4.0 + (c.age > 55 ? 0.7 : 0) + 0.3 * inc;
            case "P-FD-SENIOR" -> 0.3 + (seg == Segment.RETIREE ? 1.8 : 0)
                    + 2.5 * near(c, LifeEventKind.RETIREMENT, date, events);
            case "P-CC-STD" -> 0.7 - 0.4 * inc + (c.age < 35 ? 0.4 : 0) + 0.5 * (c.spender - 1);
            case "P-CC-GOLD" -> 0.0 + 0.9 * inc + 1.2 * (c.spender - 1) + (seg == Segment.FAMILY ? 0.6 : 0);
            case "P-CC-PLAT" -> -0.8 + 1.2 * inc + 2.2 * c.traveler + (seg == Segment.AFFLUENT ? 0.8 : 0);
            case "P-CC-STUDENT" -> 1.0 + (seg == Segment.STUDENT ? 1.2 : 0)
                    + 2.0 * near(c, LifeEventKind.COLLEGE, date, events);
            case "P-CC-TRAVEL" -> -0.8 + 3.2 * c.traveler + 0.4 * inc
                    + 2.8 * near(c, LifeEventKind.TRAVEL_ABROAD, date, events);
            case "P-CC-CASHBACK" -> 0.1 + (car ? 0.8 : 0) + (kids ? 0.8 : 0) + 0.8 * (c.spender - 1) - 0.3 * inc;
            case "P-CC-SECURED" -> -1.5 + 3.5 * c.stress + (c.age < 25 ? 0.6 : 0);
            case "P-CC-BUSINESS" -> 1.6;
            case "P-HL" -> !home ? IMPOSSIBLE : 0.3 + 0.4 * inc + 3.5 * near(c, LifeEventKind.FIRST_HOUSE, date, events);
            case "P-HL-FIRST" -> !home ? IMPOSSIBLE : (events && c.events.containsKey(LifeEventKind.FIRST_HOUSE)
                    ? -0.5 + 4.5 * near(c, LifeEventKind.FIRST_HOUSE, date, events) : c.age < 40 ? -0.6 : -3);
            case "P-HL-REFI" -> !home || near(c, LifeEventKind.FIRST_HOUSE, date, events) > 0 ? IMPOSSIBLE
                    : -0.9 + (c.age > 35 ? 0.4 : 0) + 0.3 * inc;
            case "P-HELOC" -> !home || near(c, LifeEventKind.FIRST_HOUSE, date, events) > 0 ? IMPOSSIBLE
                    : -1.3 + 0.5 * inc + (c.age > 40 ? 0.5 : 0) + 1.5 * near(c, LifeEventKind.COLLEGE, date, events);
            case "P-CL" -> !car ? IMPOSSIBLE : 0.0 + 0.5 * c.stress + 4.0 * near(c, LifeEventKind.CAR_PURCHASE, date, events);
            case "P-CL-GREEN" -> !car ? IMPOSSIBLE : -1.2 + 1.2 * c.digital + 0.4 * inc
                    + 2.8 * near(c, LifeEventKind.CAR_PURCHASE, date, events);
            case "P-PL" -> -0.9 + 2.2 * c.stress + 1.6 * near(c, LifeEventKind.WEDDING, date, events)
                    + 1.6 * near(c, LifeEventKind.JOB_LOSS, date, events);
            case "P-PL-DEBT" -> -1.4 + 3.2 * c.stress + 1.2 * near(c, LifeEventKind.JOB_LOSS, date, events);
            case "P-BL" -> 0.6 + 0.3 * inc;
            case "P-EL" -> -1.0 + (seg == Segment.STUDENT ? 2.2 : 0) + 4.0 * near(c, LifeEventKind.COLLEGE, date, events);
            case "P-EL-REFI" -> -0.7 + (c.age >= 24 && c.age <= 35 ? 1.0 : 0)
                    + 1.2 * near(c, LifeEventKind.NEW_JOB, date, events);
            case "P-ADV" -> -0.8 + 1.5 * inc + (seg == Segment.AFFLUENT ? 1.0 : 0) + 0.3 * (risk - 3)
                    + 1.5 * near(c, LifeEventKind.RETIREMENT, date, events);
            case "P-ROBO" -> -0.4 + 1.4 * c.digital + 0.5 * (risk - 3) + 0.3 * inc;
            case "P-MF-INDEX", "P-MF-BOND", "P-MF-BALANCED", "P-MF-EQUITY", "P-MF-EM", "P-MF-REIT", "P-BROKER" ->
                    -0.7 + 0.6 * inc - 0.9 * Math.abs(product.riskLevel() - risk) + (c.investor ? 1.2 : 0);
            case "P-TAX" -> -0.7 + 1.0 * inc + (seg == Segment.SMALL_BUSINESS ? 1.4 : 0)
                    + (seg == Segment.AFFLUENT ? 0.5 : 0);
            case "P-HSA" -> -0.8 + 0.5 * inc + (kids ? 0.6 : 0) + 1.2 * near(c, LifeEventKind.BABY, date, events);
            case "P-529" -> !kids ? IMPOSSIBLE : -0.6 + 0.4 * inc + 3.0 * near(c, LifeEventKind.BABY, date, events);
            case "P-RET-IRA" -> -0.4 + ageBand3560 + 0.5 * inc + 2.0 * near(c, LifeEventKind.NEW_JOB, date, events);
            case "P-RET-ROTH" -> -0.5 + (c.age < 40 ? 1.0 : 0) + 0.8 * c.digital + 0.4 * inc;
            case "P-RET-ANNUITY" -> -0.8 + (seg == Segment.RETIREE ? 1.5 : 0)
                    + 3.0 * near(c, LifeEventKind.RETIREMENT, date, events);
            case "P-RET-SEP" -> 1.0 + 0.3 * inc;
            case "P-INS-LIFE" -> -0.7 + (kids ? 1.0 : 0) + (c.married ? 0.6 : 0)
                    + 3.0 * near(c, LifeEventKind.BABY, date, events) + 1.5 * near(c, LifeEventKind.WEDDING, date, events)
                    + 1.2 * near(c, LifeEventKind.FIRST_HOUSE, date, events);
            case "P-INS-HEALTH" -> -0.6 + (seg == Segment.SMALL_BUSINESS ? 1.2 : 0)
                    + (c.age > 50 && seg != Segment.RETIREE ? 0.4 : 0)
                    + 2.0 * near(c, LifeEventKind.JOB_LOSS, date, events) + 1.0 * near(c, LifeEventKind.BABY, date, events);
            case "P-INS-HOME" -> !home ? IMPOSSIBLE : 0.4 + 3.5 * near(c, LifeEventKind.FIRST_HOUSE, date, events);
            case "P-INS-AUTO" -> !car ? IMPOSSIBLE : 0.1 + 3.2 * near(c, LifeEventKind.CAR_PURCHASE, date, events);
            case "P-INS-TRAVEL" -> -1.0 + 2.0 * c.traveler + 3.0 * near(c, LifeEventKind.TRAVEL_ABROAD, date, events);
            case "P-FX" -> -1.2 + 2.2 * c.traveler + 3.5 * near(c, LifeEventKind.TRAVEL_ABROAD, date, events)
                    + (c.remitter ? 1.0 : 0);
            case "P-FX-CARD" -> -1.4 + 2.4 * c.traveler + 3.0 * near(c, LifeEventKind.TRAVEL_ABROAD, date, events)
                    + 0.5 * c.digital;
            case "P-FX-REMIT" -> c.remitter ? 2.5 : -3.0;
            default -> throw new IllegalStateException("no propensity rule for product " + product.id());
        };
    }

    /**
     * 1 when the event falls from 60 days before to 120 days after {@code date} (people prepare for, and react to,
     * life events), tapering linearly to 0 at the edges of that range; 0 when events do not count.
     */
    static double near(Profile c, LifeEventKind kind, LocalDate date, boolean events) {
        if (!events) return 0;
        int since = c.daysSince(kind, date);
        if (since == Integer.MIN_VALUE || since < -60 || since > 120) return 0;
        return since < 0 ? 1 + since / 90.0 : 1 - since / 240.0;
    }
}
