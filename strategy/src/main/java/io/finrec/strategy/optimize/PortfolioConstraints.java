package io.finrec.strategy.optimize;

import io.finrec.api.allocation.AllocationConstraints;
import io.finrec.api.allocation.AllocationException;
import io.finrec.api.allocation.WeightBounds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link AllocationConstraints} resolved against an ordered asset list: per-asset lower and upper bounds and group
 * constraints over asset indices, checked for obvious infeasibility with explained errors. Immutable and
 * thread-safe (arrays are copied out).
 */
public final class PortfolioConstraints {
    /** A group constraint over asset indices. */
    public record Group(String name, int[] members, double lower, double upper) {}

    private final List<String> assets;
    private final double[] lower;
    private final double[] upper;
    private final List<Group> groups;

    private PortfolioConstraints(List<String> assets, double[] lower, double[] upper, List<Group> groups) {
        this.assets = List.copyOf(assets);
        this.lower = lower;
        this.upper = upper;
        this.groups = List.copyOf(groups);
    }

    /** Long-only, fully invested constraints over {@code assets}. */
    public static PortfolioConstraints longOnly(List<String> assets) {
        return resolve(AllocationConstraints.LONG_ONLY, assets);
    }

    /**
     * Resolves constraints against the assets.
     *
     * @throws AllocationException {@code INVALID_INPUT} when a constraint names an unknown asset,
     *                             {@code INFEASIBLE_CONSTRAINTS} when the bounds cannot sum to one
     */
    public static PortfolioConstraints resolve(AllocationConstraints c, List<String> assets) {
        Objects.requireNonNull(c, "constraints");
        Objects.requireNonNull(assets, "assets");
        int n = assets.size();
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < n; i++) idx.put(assets.get(i), i);
        for (String a : c.assetBounds().keySet())
            if (!idx.containsKey(a))
                throw new AllocationException(AllocationException.Reason.INVALID_INPUT,
                        "constraints: bounds are given for asset '" + a + "', which is not in the price table",
                        "remove the bound or add the asset's prices");
        double[] lo = new double[n];
        double[] hi = new double[n];
        double sumLo = 0;
        double sumHi = 0;
        for (int i = 0; i < n; i++) {
            WeightBounds b = c.boundsOf(assets.get(i));
            lo[i] = b.lower();
            hi[i] = b.upper();
            sumLo += lo[i];
            sumHi += hi[i];
        }
        if (sumHi < 1 - 1e-12)
            throw new AllocationException(AllocationException.Reason.INFEASIBLE_CONSTRAINTS,
                    String.format(Locale.ROOT, "the upper bounds sum to %.6g, so the weights cannot sum to 1", sumHi),
                    "raise the upper bounds (e.g. the default maximum weight) or add assets");
        if (sumLo > 1 + 1e-12)
            throw new AllocationException(AllocationException.Reason.INFEASIBLE_CONSTRAINTS,
                    String.format(Locale.ROOT, "the lower bounds sum to %.6g, so the weights cannot sum to 1", sumLo),
                    "lower the minimum weights");
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : c.groups().entrySet()) {
            List<Integer> members = new ArrayList<>();
            for (String a : e.getValue()) {
                Integer i = idx.get(a);
                if (i == null)
                    throw new AllocationException(AllocationException.Reason.INVALID_INPUT,
                            "constraints: group '" + e.getKey() + "' names asset '" + a + "', which is not in the price table",
                            "remove the asset from the group or add its prices");
                members.add(i);
            }
            WeightBounds gb = c.groupBounds().get(e.getKey());
            double gLo = 0;
            double gHi = 0;
            for (int i : members) {
                gLo += lo[i];
                gHi += hi[i];
            }
            if (gHi < gb.lower() - 1e-12 || gLo > gb.upper() + 1e-12)
                throw new AllocationException(AllocationException.Reason.INFEASIBLE_CONSTRAINTS,
                        String.format(Locale.ROOT, "group '%s' must hold %s but its assets' bounds allow only [%.6g, %.6g]",
                                e.getKey(), gb, gLo, gHi),
                        "make the group's limits consistent with its assets' bounds");
            groups.add(new Group(e.getKey(), members.stream().mapToInt(Integer::intValue).toArray(), gb.lower(), gb.upper()));
        }
        return new PortfolioConstraints(assets, lo, hi, groups);
    }

    /** The assets, in order. */
    public List<String> assets() {
        return assets;
    }

    /** Number of assets. */
    public int size() {
        return assets.size();
    }

    /** Lower bound of asset i. */
    public double lower(int i) {
        return lower[i];
    }

    /** Upper bound of asset i. */
    public double upper(int i) {
        return upper[i];
    }

    /** The group constraints. */
    public List<Group> groups() {
        return groups;
    }

    /** Whether no lower bound is negative. */
    public boolean isLongOnly() {
        for (double l : lower) if (l < 0) return false;
        return true;
    }

    /** Whether these are plain long-only [0, 1] bounds without groups. */
    public boolean isDefaultLongOnly() {
        if (!groups.isEmpty()) return false;
        for (int i = 0; i < lower.length; i++) if (lower[i] != 0 || upper[i] < 1) return false;
        return true;
    }

    /** Largest violation of any bound, group or the budget by weights {@code w}. */
    public double violation(double[] w) {
        double v = 0;
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            v = Math.max(v, Math.max(lower[i] - w[i], w[i] - upper[i]));
            sum += w[i];
        }
        v = Math.max(v, Math.abs(sum - 1));
        for (Group g : groups) {
            double s = 0;
            for (int i : g.members()) s += w[i];
            v = Math.max(v, Math.max(g.lower() - s, s - g.upper()));
        }
        return Math.max(v, 0);
    }

    /** Sets weights within {@code tol} of a bound to exactly the bound, in place. */
    public void snapToBounds(double[] w, double tol) {
        for (int i = 0; i < w.length; i++) {
            if (Math.abs(w[i] - lower[i]) <= tol) w[i] = lower[i];
            else if (Math.abs(w[i] - upper[i]) <= tol) w[i] = upper[i];
        }
    }
}
