package io.finrec.strategy.bank;

import io.finrec.core.domain.RiskProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A suitability questionnaire and its deterministic scoring into a {@link RiskProfile}. Each answer earns points;
 * the total (0..24) maps to the five profiles by fixed cut-offs, and two knock-out rules cap the result: a
 * horizon under three years caps it at 2 and "I would sell everything after a 20 % fall" caps it at 2. Immutable
 * and thread-safe.
 *
 * @param age              age in years (18..120)
 * @param horizonYears     years until the money is needed (0..60)
 * @param incomeStability  1 (irregular) .. 5 (very stable)
 * @param lossReaction     reaction to a 20 % fall: 1 sell everything, 2 sell some, 3 hold, 4 buy a little, 5 buy more
 * @param experience       investment experience: 1 none .. 5 professional
 * @param liquidityNeed    share of the money that may be needed at short notice: 1 most of it .. 5 none
 */
public record RiskQuestionnaire(int age, int horizonYears, int incomeStability, int lossReaction, int experience,
                                int liquidityNeed) {
    public RiskQuestionnaire {
        range(age, 18, 120, "age");
        range(horizonYears, 0, 60, "horizonYears");
        range(incomeStability, 1, 5, "incomeStability");
        range(lossReaction, 1, 5, "lossReaction");
        range(experience, 1, 5, "experience");
        range(liquidityNeed, 1, 5, "liquidityNeed");
    }

    private static void range(int v, int lo, int hi, String field) {
        if (v < lo || v > hi) throw new IllegalArgumentException(field + ": " + v + " is outside [" + lo + ", " + hi + "]");
    }

    /** The profile with the points that produced it. */
    public record Scored(RiskProfile profile, int points, List<String> reasons) {
        public Scored {
            Objects.requireNonNull(profile, "profile");
            reasons = List.copyOf(reasons);
        }
    }

    /** Scores the answers. */
    public Scored score() {
        List<String> why = new ArrayList<>();
        int agePts = age < 35 ? 4 : age < 50 ? 3 : age < 60 ? 2 : age < 70 ? 1 : 0;
        int horizonPts = horizonYears >= 15 ? 6 : horizonYears >= 10 ? 5 : horizonYears >= 7 ? 4 : horizonYears >= 5 ? 3
                : horizonYears >= 3 ? 2 : horizonYears >= 1 ? 1 : 0;
        int incomePts = incomeStability - 1;
        int lossPts = lossReaction - 1;
        int expPts = (experience - 1) / 2; // 0..2
        int liqPts = (liquidityNeed - 1) / 2; // 0..2
        int total = agePts + horizonPts + incomePts + lossPts + expPts + liqPts;
        why.add(String.format(Locale.ROOT, "age %d: %d points", age, agePts));
        why.add(String.format(Locale.ROOT, "horizon %d years: %d points", horizonYears, horizonPts));
        why.add(String.format(Locale.ROOT, "income stability %d/5: %d points", incomeStability, incomePts));
        why.add(String.format(Locale.ROOT, "reaction to a 20 %% fall %d/5: %d points", lossReaction, lossPts));
        why.add(String.format(Locale.ROOT, "experience %d/5: %d points", experience, expPts));
        why.add(String.format(Locale.ROOT, "liquidity need %d/5: %d points", liquidityNeed, liqPts));
        int level = total <= 5 ? 1 : total <= 10 ? 2 : total <= 15 ? 3 : total <= 19 ? 4 : 5;
        why.add(String.format(Locale.ROOT, "total %d of 24 -> level %d (cut-offs 5/10/15/19)", total, level));
        if (horizonYears < 3 && level > 2) {
            level = 2;
            why.add("capped at level 2: the horizon is under three years");
        }
        if (lossReaction == 1 && level > 2) {
            level = 2;
            why.add("capped at level 2: the client would sell everything after a 20 % fall");
        }
        return new Scored(RiskProfile.ofLevel(level), total, why);
    }
}
