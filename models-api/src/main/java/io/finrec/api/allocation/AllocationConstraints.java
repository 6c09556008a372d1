package io.finrec.api.allocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Linear constraints on a portfolio: the budget (weights sum to one), per-asset box bounds (a default plus
 * overrides by asset) and group bounds (e.g. asset classes or sectors: the summed weight of a group's members lies
 * within the group's bounds). Assets named here but absent from the price table are reported as errors when the
 * allocation runs. Immutable and thread-safe; build with {@link #builder()}.
 */
public final class AllocationConstraints {
    /** Long-only and fully invested: every weight in [0, 1], weights sum to 1, no groups. */
    public static final AllocationConstraints LONG_ONLY = builder().build();

    private final WeightBounds defaultBounds;
    private final Map<String, WeightBounds> assetBounds;
    private final Map<String, Set<String>> groups;
    private final Map<String, WeightBounds> groupBounds;

    private AllocationConstraints(Builder b) {
        this.defaultBounds = b.defaultBounds;
        this.assetBounds = Collections.unmodifiableMap(new LinkedHashMap<>(b.assetBounds));
        Map<String, Set<String>> g = new LinkedHashMap<>();
        b.groups.forEach((k, v) -> g.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        this.groups = Collections.unmodifiableMap(g);
        this.groupBounds = Collections.unmodifiableMap(new LinkedHashMap<>(b.groupBounds));
    }

    /** A builder starting from long-only [0, 1] bounds and no groups. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's settings. */
    public Builder toBuilder() {
        Builder b = new Builder().defaultBounds(defaultBounds);
        b.assetBounds.putAll(assetBounds);
        groups.forEach((k, v) -> b.groups.put(k, new LinkedHashSet<>(v)));
        b.groupBounds.putAll(groupBounds);
        return b;
    }

    /** Bounds of assets without an override. */
    public WeightBounds defaultBounds() {
        return defaultBounds;
    }

    /** Per-asset overrides of the default bounds. */
    public Map<String, WeightBounds> assetBounds() {
        return assetBounds;
    }

    /** The bounds of {@code asset}: its override, else the default. */
    public WeightBounds boundsOf(String asset) {
        return assetBounds.getOrDefault(asset, defaultBounds);
    }

    /** Group name to member assets. */
    public Map<String, Set<String>> groups() {
        return groups;
    }

    /** Group name to the bounds on the group's summed weight. */
    public Map<String, WeightBounds> groupBounds() {
        return groupBounds;
    }

    /** Whether every asset is bounded below by zero (no shorting). */
    public boolean isLongOnly(List<String> assets) {
        for (String a : assets) if (boundsOf(a).lower() < 0) return false;
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AllocationConstraints c && defaultBounds.equals(c.defaultBounds)
                && assetBounds.equals(c.assetBounds) && groups.equals(c.groups) && groupBounds.equals(c.groupBounds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultBounds, assetBounds, groups, groupBounds);
    }

    @Override
    public String toString() {
        return "AllocationConstraints{default=" + defaultBounds + ", assets=" + assetBounds + ", groups=" + groups
                + ", groupBounds=" + groupBounds + "}";
    }

    /** Builder of {@link AllocationConstraints}. Not thread-safe. */
    public static final class Builder {
        private WeightBounds defaultBounds = WeightBounds.LONG_ONLY;
        private final Map<String, WeightBounds> assetBounds = new LinkedHashMap<>();
        private final Map<String, Set<String>> groups = new LinkedHashMap<>();
        private final Map<String, WeightBounds> groupBounds = new LinkedHashMap<>();

        private Builder() {}

        /** Bounds of every asset without an override (default [0, 1]). */
        public Builder defaultBounds(WeightBounds bounds) {
            this.defaultBounds = Objects.requireNonNull(bounds, "defaultBounds");
            return this;
        }

        /** Bounds of one asset. */
        public Builder bounds(String asset, WeightBounds bounds) {
            assetBounds.put(requireName(asset, "asset"), Objects.requireNonNull(bounds, "bounds"));
            return this;
        }

        /** Declares a group (e.g. an asset class) and the bounds of its summed weight. */
        public Builder group(String name, Set<String> members, WeightBounds bounds) {
            requireName(name, "group");
            Objects.requireNonNull(members, "members");
            if (members.isEmpty()) throw new IllegalArgumentException("members: group '" + name + "' has no assets");
            for (String m : members) requireName(m, "members");
            groups.put(name, new LinkedHashSet<>(members));
            groupBounds.put(name, Objects.requireNonNull(bounds, "bounds"));
            return this;
        }

        /** Validates and builds. */
        public AllocationConstraints build() {
            return new AllocationConstraints(this);
        }

        private static String requireName(String s, String field) {
            Objects.requireNonNull(s, field);
            if (s.isBlank()) throw new IllegalArgumentException(field + ": must not be blank");
            return s;
        }
    }
}
