package io.finrec.api.recommend;

import io.finrec.core.util.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * User–item interactions for training and evaluation: external string ids mapped to dense ordinals at the edge,
 * stored as parallel primitive arrays (coordinate format). Duplicated (user, item) pairs are kept as given;
 * trainers document how they treat them. Immutable and thread-safe.
 */
public final class Interactions {
    private final List<String> userIds;
    private final List<String> itemIds;
    private final Map<String, Integer> userIndex;
    private final Map<String, Integer> itemIndex;
    private final int[] users;
    private final int[] items;
    private final float[] weights;

    private Interactions(List<String> userIds, List<String> itemIds, Map<String, Integer> userIndex,
                         Map<String, Integer> itemIndex, int[] users, int[] items, float[] weights) {
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.userIndex = userIndex;
        this.itemIndex = itemIndex;
        this.users = users;
        this.items = items;
        this.weights = weights;
    }

    /** A builder; ids get ordinals in order of first appearance unless declared first with {@link Builder#user}/{@link Builder#item}. */
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

    /** User ids by ordinal. */
    public List<String> userIds() {
        return userIds;
    }

    /** Item ids by ordinal. */
    public List<String> itemIds() {
        return itemIds;
    }

    /** Ordinal of a user id, if known. */
    public Optional<Integer> userOrdinal(String id) {
        return Optional.ofNullable(userIndex.get(id));
    }

    /** Ordinal of an item id, if known. */
    public Optional<Integer> itemOrdinal(String id) {
        return Optional.ofNullable(itemIndex.get(id));
    }

    /** User ordinal of interaction {@code i}. */
    public int user(int i) {
        return users[i];
    }

    /** Item ordinal of interaction {@code i}. */
    public int item(int i) {
        return items[i];
    }

    /** Weight of interaction {@code i}. */
    public float weight(int i) {
        return weights[i];
    }

    /** A copy of the user ordinals. */
    public int[] userArray() {
        return users.clone();
    }

    /** A copy of the item ordinals. */
    public int[] itemArray() {
        return items.clone();
    }

    /** A copy of the weights. */
    public float[] weightArray() {
        return weights.clone();
    }

    /**
     * Builds {@link Interactions}; validates every row (ids, finite weights) as it is added, naming the row.
     * Not thread-safe.
     */
    public static final class Builder {
        private final List<String> userIds = new ArrayList<>();
        private final List<String> itemIds = new ArrayList<>();
        private final Map<String, Integer> userIndex = new HashMap<>();
        private final Map<String, Integer> itemIndex = new HashMap<>();
        private int[] users = new int[1024];
        private int[] items = new int[1024];
        private float[] weights = new float[1024];
        private int n;

        private Builder() {}

        /** Declares a user (so it gets the next ordinal even without interactions); returns its ordinal. */
        public int user(String id) {
            Checks.id(id, "userId");
            return userIndex.computeIfAbsent(id, k -> {
                userIds.add(k);
                return userIds.size() - 1;
            });
        }

        /** Declares an item; returns its ordinal. */
        public int item(String id) {
            Checks.id(id, "itemId");
            return itemIndex.computeIfAbsent(id, k -> {
                itemIds.add(k);
                return itemIds.size() - 1;
            });
        }

        /** Adds one interaction with a finite weight. */
        public Builder add(String userId, String itemId, double weight) {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(itemId, "itemId");
            if (!Double.isFinite(weight))
                throw new IllegalArgumentException("weight: interaction " + n + " (" + userId + ", " + itemId
                        + ") has non-finite weight " + weight);
            int u = user(userId);
            int i = item(itemId);
            if (n == users.length) {
                users = Arrays.copyOf(users, n * 2);
                items = Arrays.copyOf(items, n * 2);
                weights = Arrays.copyOf(weights, n * 2);
            }
            users[n] = u;
            items[n] = i;
            weights[n] = (float) weight;
            n++;
            return this;
        }

        /** Builds the immutable interactions; the builder must not be used afterwards. */
        public Interactions build() {
            return new Interactions(List.copyOf(userIds), List.copyOf(itemIds), Map.copyOf(userIndex),
                    Map.copyOf(itemIndex), Arrays.copyOf(users, n), Arrays.copyOf(items, n), Arrays.copyOf(weights, n));
        }
    }
}
