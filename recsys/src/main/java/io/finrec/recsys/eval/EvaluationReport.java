package io.finrec.recsys.eval;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result of a {@link RankingEvaluator} run: per-user metric values for every evaluated user (test users with at
 * least one positive), their means, and catalogue coverage. Immutable and thread-safe.
 */
public final class EvaluationReport {
    private final int k;
    private final List<String> users;
    private final EnumMap<Metric, double[]> perUser;
    private final double coverage;
    private final int skippedUsers;
    private final int skippedInteractions;

    EvaluationReport(int k, List<String> users, EnumMap<Metric, double[]> perUser, double coverage, int skippedUsers,
                     int skippedInteractions) {
        this.k = k;
        this.users = List.copyOf(users);
        this.perUser = new EnumMap<>(Metric.class);
        perUser.forEach((m, v) -> this.perUser.put(m, v.clone()));
        this.coverage = coverage;
        this.skippedUsers = skippedUsers;
        this.skippedInteractions = skippedInteractions;
    }

    /** The cut-off k. */
    public int k() {
        return k;
    }

    /** Evaluated users, in the order of {@link #perUser}. */
    public List<String> users() {
        return users;
    }

    /** Per-user values of a metric (a copy). */
    public double[] perUser(Metric m) {
        return perUser.get(m).clone();
    }

    /** Mean of a metric over evaluated users (NaN when none). */
    public double mean(Metric m) {
        double[] v = perUser.get(m);
        if (v.length == 0) return Double.NaN;
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Fraction of the catalogue that appears in at least one user's top k. */
    public double coverage() {
        return coverage;
    }

    /** Test users the model does not know (not evaluated). */
    public int skippedUsers() {
        return skippedUsers;
    }

    /** Test interactions on items the model does not know (not evaluated). */
    public int skippedInteractions() {
        return skippedInteractions;
    }

    /** Means and coverage as an ordered map (for JSON output). */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", k);
        m.put("users", users.size());
        for (Metric metric : Metric.values()) m.put(metric.key(), mean(metric));
        m.put("coverage", coverage);
        if (skippedUsers > 0) m.put("skippedUsers", skippedUsers);
        if (skippedInteractions > 0) m.put("skippedInteractions", skippedInteractions);
        return m;
    }

    @Override
    public String toString() {
        return "EvaluationReport" + summary();
    }
}
