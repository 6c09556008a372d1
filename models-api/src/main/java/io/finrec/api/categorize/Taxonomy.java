package io.finrec.api.categorize;

import io.finrec.core.util.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bank's own category names and hierarchy, laid over the labels a categorizer model predicts.
 *
 * <p>A taxonomy maps every model label to one bank category (several labels may map to the same bank category,
 * whose probability is then their sum), and gives each bank category an optional parent, so that "groceries" and
 * "dining" can both roll up to "food". Labels not mapped explicitly keep their own name. Example:
 * <pre>{@code
 * Taxonomy t = Taxonomy.builder()
 *         .map("dining", "Restaurants").map("groceries", "Groceries")
 *         .parent("Restaurants", "Food").parent("Groceries", "Food")
 *         .build();
 * }</pre>
 * Immutable and thread-safe.
 */
public final class Taxonomy {
    /** The identity taxonomy: every model label is its own flat bank category. */
    public static final Taxonomy IDENTITY = new Taxonomy(Map.of(), Map.of());

    private final Map<String, String> mapping;
    private final Map<String, String> parents;

    private Taxonomy(Map<String, String> mapping, Map<String, String> parents) {
        this.mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        this.parents = Collections.unmodifiableMap(new LinkedHashMap<>(parents));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this taxonomy's mappings, to extend or change it. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mapping.putAll(mapping);
        b.parents.putAll(parents);
        return b;
    }

    /** The bank category for a model label (the label itself when it is not mapped). */
    public String categoryOf(String label) {
        Checks.notNull(label, "label");
        return mapping.getOrDefault(label, label);
    }

    /** The parent of a bank category, if any. */
    public Optional<String> parentOf(String category) {
        Checks.notNull(category, "category");
        return Optional.ofNullable(parents.get(category));
    }

    /** The path from the root to {@code category}, e.g. ["food", "groceries"]; just [category] when it has no parent. */
    public List<String> path(String category) {
        List<String> path = new ArrayList<>();
        for (String c = category; c != null; c = parents.get(c)) path.add(0, c);
        return List.copyOf(path);
    }

    /** The bank categories for the given model labels, in first-seen order, without duplicates. */
    public List<String> categoriesOf(List<String> labels) {
        Set<String> out = new LinkedHashSet<>();
        for (String l : labels) out.add(categoryOf(l));
        return List.copyOf(out);
    }

    /** Explicit label-to-category mappings (unmodifiable). */
    public Map<String, String> mappings() {
        return mapping;
    }

    /** Explicit category-to-parent links (unmodifiable). */
    public Map<String, String> parents() {
        return parents;
    }

    /** True when nothing is mapped and nothing has a parent. */
    public boolean isIdentity() {
        return mapping.isEmpty() && parents.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Taxonomy t && t.mapping.equals(mapping) && t.parents.equals(parents);
    }

    @Override
    public int hashCode() {
        return mapping.hashCode() * 31 + parents.hashCode();
    }

    @Override
    public String toString() {
        return "Taxonomy" + mapping + parents;
    }

    /** Builds a {@link Taxonomy}; {@link #build()} validates that the hierarchy has no cycles. Not thread-safe. */
    public static final class Builder {
        private final Map<String, String> mapping = new LinkedHashMap<>();
        private final Map<String, String> parents = new LinkedHashMap<>();

        private Builder() {}

        /** Maps a model label to a bank category (e.g. "dining" to "Restaurants"). */
        public Builder map(String label, String category) {
            Checks.text(label, "label");
            Checks.text(category, "category");
            if (category.equals(TransactionCategorizer.UNCATEGORISED))
                throw new IllegalArgumentException("category: '" + category + "' is reserved");
            mapping.put(label, category);
            return this;
        }

        /** Gives a bank category a parent (e.g. "Restaurants" under "Food"). */
        public Builder parent(String category, String parent) {
            Checks.text(category, "category");
            Checks.text(parent, "parent");
            if (category.equals(parent)) throw new IllegalArgumentException("parent: '" + parent + "' is its own parent");
            parents.put(category, parent);
            return this;
        }

        /** The taxonomy; fails if the parent links form a cycle. */
        public Taxonomy build() {
            for (String start : parents.keySet()) {
                Set<String> seen = new LinkedHashSet<>();
                for (String c = start; c != null; c = parents.get(c))
                    if (!seen.add(c)) throw new IllegalArgumentException("parent: cycle through " + seen);
            }
            return new Taxonomy(mapping, parents);
        }
    }
}
