package io.finrec.api.recommend;

import io.finrec.core.util.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * User–item interactions for training and evaluation: external string ids mapped to dense ordinals at the edge,
 * stored as parallel primitive arrays (coordinate format).
 *
 * <p>Each interaction has a <em>value</em> and a <em>sample weight</em>, as in LightFM: a value {@code > 0} is a
 * positive interaction, a value {@code <= 0} a negative one (only the logistic loss uses negatives; ranking losses
 * skip them); the weight ({@code >= 0}, default 1) scales the interaction's share of the loss. An optional
 * timestamp (epoch seconds, default 0) serves time-based splits.
 *
 * <p>Users and items can be declared without interactions ({@link Builder#user}, {@link Builder#item}) so that a
 * catalogue item nobody bought yet still takes part in ranking. Duplicated (user, item) pairs are kept as given;
 * trainers document how they treat them. Immutable and thread-safe.
 */
public final class Interactions {
    private final List<String> userIds;
    private final List<String> itemIds;
    private final Map<String, Integer> userIndex;
    private final Map<String, Integer> itemIndex;
    private final int[] users;
    private final int[] items;
    private final float[] values;
    private final float[] weights;
    private final long[] timestamps;

    private Interactions(List<String> userIds, List<String> itemIds, Map<String, Integer> userIndex,
                         Map<String, Integer> itemIndex, int[] users, int[] items, float[] values, float[] weights,
                         long[] timestamps) {
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.userIndex = userIndex;
        this.itemIndex = itemIndex;
        this.users = users;
        this.items = items;
        this.values = values;
        this.weights = weights;
        this.timestamps = timestamps;
    }

    /** A builder; ids get ordinals in order of first appearance (declared or interacted). */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of interactions. */
    public int size() {
        return users.length;
    }

    /** Number of distinct users (ordinals are 0..userCount-1). */
    public int userCount() {
        return userIds.size();
    }

    /** Number of distinct items (ordinals are 0..itemCount-1). */
    public int itemCount() {
        return itemIds.size();
    }

    /** User ids by ordinal (unmodifiable). */
    public List<String> userIds() {
        return userIds;
    }

    /** Item ids by ordinal (unmodifiable). */
    public List<String> itemIds() {
        return itemIds;
    }

    /** Ordinal of a user id, if known. */
    public OptionalInt userOrdinal(String id) {
        Integer o = userIndex.get(id);
        return o == null ? OptionalInt.empty() : OptionalInt.of(o);
    }

    /** Ordinal of an item id, if known. */
    public OptionalInt itemOrdinal(String id) {
        Integer o = itemIndex.get(id);
        return o == null ? OptionalInt.empty() : OptionalInt.of(o);
    }

    /** User ordinal of interaction {@code i}. */
    public int user(int i) {
        return users[i];
    }

    /** Item ordinal of interaction {@code i}. */
    public int item(int i) {
        return items[i];
    }

    /** Value of interaction {@code i} ({@code > 0} positive, {@code <= 0} negative). */
    public float value(int i) {
        return values[i];
    }

    /** Sample weight of interaction {@code i}. */
    public float weight(int i) {
        return weights[i];
    }

    /** Timestamp of interaction {@code i} (0 when none was given). */
    public long timestamp(int i) {
        return timestamps[i];
    }

    /** Number of positive interactions (value {@code > 0}). */
    public int positiveCount() {
        int n = 0;
        for (float v : values) if (v > 0) n++;
        return n;
    }

    /** A copy of the user ordinals. */
    public int[] userArray() {
        return users.clone();
    }

    /** A copy of the item ordinals. */
    public int[] itemArray() {
        return items.clone();
    }

    /** A copy of the values. */
    public float[] valueArray() {
        return values.clone();
    }

    /** A copy of the sample weights. */
    public float[] weightArray() {
        return weights.clone();
    }

    /** A copy of the timestamps. */
    public long[] timestampArray() {
        return timestamps.clone();
    }

    /**
     * The interactions at the given indexes, over the same user and item ordinals (every declared user and item is
     * kept, so a train/test split shares one id space).
     */
    public Interactions subset(int[] indexes) {
        Objects.requireNonNull(indexes, "indexes");
        int n = indexes.length;
        int[] u = new int[n];
        int[] it = new int[n];
        float[] v = new float[n];
        float[] w = new float[n];
        long[] t = new long[n];
        for (int j = 0; j < n; j++) {
            int i = indexes[j];
            if (i < 0 || i >= users.length)
                throw new IllegalArgumentException("indexes[" + j + "]: " + i + " is outside [0, " + users.length + ")");
            u[j] = users[i];
            it[j] = items[i];
            v[j] = values[i];
            w[j] = weights[i];
            t[j] = timestamps[i];
        }
        return new Interactions(userIds, itemIds, userIndex, itemIndex, u, it, v, w, t);
    }

    /** A builder pre-loaded with this data's declared ids and interactions (to append to it). */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (String id : userIds) b.user(id);
        for (String id : itemIds) b.item(id);
        for (int i = 0; i < users.length; i++)
            b.append(users[i], items[i], values[i], weights[i], timestamps[i]);
        return b;
    }

    /**
     * Builds {@link Interactions}; validates every row (ids, finite values, finite non-negative weights) as it is
     * added, naming the row. Not thread-safe.
     */
    public static final class Builder {
        private final List<String> userIds = new ArrayList<>();
        private final List<String> itemIds = new ArrayList<>();
        private final Map<String, Integer> userIndex = new HashMap<>();
        private final Map<String, Integer> itemIndex = new HashMap<>();
        private int[] users = new int[1024];
        private int[] items = new int[1024];
        private float[] values = new float[1024];
        private float[] weights = new float[1024];
        private long[] timestamps = new long[1024];
        private int n;

        private Builder() {}

        /** Declares a user (so it gets an ordinal even without interactions); returns its ordinal. */
        public int user(String id) {
            Integer o = userIndex.get(id);
            if (o != null) return o;
            Checks.id(id, "userId");
            userIds.add(id);
            userIndex.put(id, userIds.size() - 1);
            return userIds.size() - 1;
        }

        /** Declares an item; returns its ordinal. */
        public int item(String id) {
            Integer o = itemIndex.get(id);
            if (o != null) return o;
            Checks.id(id, "itemId");
            itemIds.add(id);
            itemIndex.put(id, itemIds.size() - 1);
            return itemIds.size() - 1;
        }

        /** Adds a positive interaction (value 1, weight 1). */
        public Builder add(String userId, String itemId) {
            return add(userId, itemId, 1.0, 1.0, 0L);
        }

        /** Adds an interaction with a value ({@code > 0} positive, {@code <= 0} negative) and weight 1. */
        public Builder add(String userId, String itemId, double value) {
            return add(userId, itemId, value, 1.0, 0L);
        }

        /** Adds an interaction with a value and a sample weight. */
        public Builder add(String userId, String itemId, double value, double weight) {
            return add(userId, itemId, value, weight, 0L);
        }

        /** Adds an interaction with a value, a sample weight and a timestamp (epoch seconds). */
        public Builder add(String userId, String itemId, double value, double weight, long timestamp) {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(itemId, "itemId");
            if (!Double.isFinite(value) || Math.abs(value) > Float.MAX_VALUE)
                throw new IllegalArgumentException("value: interaction " + n + " (" + userId + ", " + itemId
                        + ") has non-finite value " + value);
            if (!Double.isFinite(weight) || weight < 0 || weight > Float.MAX_VALUE)
                throw new IllegalArgumentException("weight: interaction " + n + " (" + userId + ", " + itemId
                        + ") has weight " + weight + "; weights must be finite and >= 0");
            int u;
            int i;
            try {
                u = user(userId);
                i = item(itemId);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("interaction " + n + ": " + e.getMessage(), e);
            }
            append(u, i, (float) value, (float) weight, timestamp);
            return this;
        }

        private void append(int u, int i, float value, float weight, long timestamp) {
            if (n == users.length) {
                int cap = n * 2;
                users = Arrays.copyOf(users, cap);
                items = Arrays.copyOf(items, cap);
                values = Arrays.copyOf(values, cap);
                weights = Arrays.copyOf(weights, cap);
                timestamps = Arrays.copyOf(timestamps, cap);
            }
            users[n] = u;
            items[n] = i;
            values[n] = value;
            weights[n] = weight;
            timestamps[n] = timestamp;
            n++;
        }

        /** Interactions added so far. */
        public int size() {
            return n;
        }

        /** Builds the immutable interactions; the builder may keep being used. */
        public Interactions build() {
            return new Interactions(List.copyOf(userIds), List.copyOf(itemIds), Map.copyOf(userIndex),
                    Map.copyOf(itemIndex), Arrays.copyOf(users, n), Arrays.copyOf(items, n),
                    Arrays.copyOf(values, n), Arrays.copyOf(weights, n), Arrays.copyOf(timestamps, n));
        }
    }
}
