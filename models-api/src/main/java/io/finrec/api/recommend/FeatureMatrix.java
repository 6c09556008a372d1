package io.finrec.api.recommend;

import io.finrec.core.util.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Sparse, weighted, <em>named</em> features of users or of items: for each entity id, a few (feature name, weight)
 * pairs such as {@code segment:retail = 1}, {@code age:35-44 = 1}, {@code spend:travel = 0.3}. Stored as CSR rows
 * over a feature vocabulary kept in order of first appearance.
 *
 * <p>Hybrid models sum the embeddings of an entity's features, weighted, to represent it (LightFM's model); an
 * entity with no row here is represented by its identity feature alone (when the trainer enables identity
 * features). Weights must be finite; a repeated (entity, feature) pair adds up. {@link #EMPTY} means "no extra
 * features". Immutable and thread-safe.
 */
public final class FeatureMatrix {
    /** No features for any entity. */
    public static final FeatureMatrix EMPTY = builder().build();

    private final List<String> entityIds;
    private final Map<String, Integer> entityIndex;
    private final List<String> featureNames;
    private final Map<String, Integer> featureIndex;
    private final int[] rowPtr;
    private final int[] features;
    private final float[] weights;

    private FeatureMatrix(List<String> entityIds, Map<String, Integer> entityIndex, List<String> featureNames,
                          Map<String, Integer> featureIndex, int[] rowPtr, int[] features, float[] weights) {
        this.entityIds = entityIds;
        this.entityIndex = entityIndex;
        this.featureNames = featureNames;
        this.featureIndex = featureIndex;
        this.rowPtr = rowPtr;
        this.features = features;
        this.weights = weights;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Entities (users or items) that have a row, in order of first appearance. */
    public List<String> entityIds() {
        return entityIds;
    }

    /** The feature vocabulary, in order of first appearance. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Number of entities with a row. */
    public int rowCount() {
        return entityIds.size();
    }

    /** Number of distinct features. */
    public int featureCount() {
        return featureNames.size();
    }

    /** Number of stored (entity, feature) entries. */
    public int nonZeros() {
        return features.length;
    }

    /** Whether there are no rows and no features. */
    public boolean isEmpty() {
        return entityIds.isEmpty() && featureNames.isEmpty();
    }

    /** Row index of an entity, if it has a row. */
    public OptionalInt row(String entityId) {
        Integer r = entityIndex.get(entityId);
        return r == null ? OptionalInt.empty() : OptionalInt.of(r);
    }

    /** Ordinal of a feature name in the vocabulary, if present. */
    public OptionalInt featureOrdinal(String name) {
        Integer f = featureIndex.get(name);
        return f == null ? OptionalInt.empty() : OptionalInt.of(f);
    }

    /** Start of row {@code r} in {@link #featureAt}/{@link #weightAt}. */
    public int rowStart(int r) {
        return rowPtr[r];
    }

    /** End (exclusive) of row {@code r}. */
    public int rowEnd(int r) {
        return rowPtr[r + 1];
    }

    /** Feature ordinal of entry {@code j}. */
    public int featureAt(int j) {
        return features[j];
    }

    /** Weight of entry {@code j}. */
    public float weightAt(int j) {
        return weights[j];
    }

    /** The features of one entity as an ordered name → weight map (empty when it has no row). */
    public Map<String, Double> featuresOf(String entityId) {
        Integer r = entityIndex.get(entityId);
        if (r == null) return Map.of();
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = rowPtr[r]; j < rowPtr[r + 1]; j++) m.put(featureNames.get(features[j]), (double) weights[j]);
        return Collections.unmodifiableMap(m);
    }

    /**
     * A copy whose rows are scaled to sum to 1 (rows summing to 0 are left alone), as LightFM's
     * {@code Dataset(normalize=True)} does. Useful when entities have many features.
     */
    public FeatureMatrix normalizeRows() {
        float[] w = weights.clone();
        for (int r = 0; r < entityIds.size(); r++) {
            double s = 0;
            for (int j = rowPtr[r]; j < rowPtr[r + 1]; j++) s += w[j];
            if (s == 0) continue;
            for (int j = rowPtr[r]; j < rowPtr[r + 1]; j++) w[j] = (float) (w[j] / s);
        }
        return new FeatureMatrix(entityIds, entityIndex, featureNames, featureIndex, rowPtr, features, w);
    }

    /**
     * Builds a {@link FeatureMatrix}, validating as it goes (ids, names, finite weights) with messages that name the
     * entity and the feature. Not thread-safe.
     */
    public static final class Builder {
        private final List<String> entityIds = new ArrayList<>();
        private final Map<String, Integer> entityIndex = new HashMap<>();
        private final List<String> featureNames = new ArrayList<>();
        private final Map<String, Integer> featureIndex = new HashMap<>();
        private final List<Map<Integer, Float>> rows = new ArrayList<>();

        private Builder() {}

        /** Declares a feature name (so it is in the vocabulary even if no entity has it yet); returns its ordinal. */
        public int feature(String name) {
            Integer f = featureIndex.get(name);
            if (f != null) return f;
            checkName(name);
            featureNames.add(name);
            featureIndex.put(name, featureNames.size() - 1);
            return featureNames.size() - 1;
        }

        /** Gives {@code entityId} the feature {@code name} with weight 1. */
        public Builder add(String entityId, String name) {
            return add(entityId, name, 1.0);
        }

        /** Gives {@code entityId} the feature {@code name} with a finite weight (repeats add up). */
        public Builder add(String entityId, String name, double weight) {
            Checks.id(entityId, "entityId");
            if (!Double.isFinite(weight) || Math.abs(weight) > Float.MAX_VALUE)
                throw new IllegalArgumentException("weight: feature '" + name + "' of '" + entityId
                        + "' has non-finite weight " + weight);
            int f = feature(name);
            Integer r = entityIndex.get(entityId);
            if (r == null) {
                entityIds.add(entityId);
                r = entityIds.size() - 1;
                entityIndex.put(entityId, r);
                rows.add(new LinkedHashMap<>());
            }
            rows.get(r).merge(f, (float) weight, Float::sum);
            return this;
        }

        /** Gives {@code entityId} the categorical feature {@code field:value} with weight 1 (e.g. {@code segment:retail}). */
        public Builder addCategory(String entityId, String field, String value) {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            return add(entityId, field + ":" + value, 1.0);
        }

        /**
         * Gives {@code entityId} a bucketed numeric feature: {@code field:<upper} for the first upper edge the value is
         * below, or {@code field:>=last} (e.g. {@code addBucket("c1", "age", 37, 25, 35, 45, 65)} adds
         * {@code age:<45}). Every bucket name is declared, so the vocabulary does not depend on the data.
         */
        public Builder addBucket(String entityId, String field, double value, double... upperEdges) {
            Objects.requireNonNull(field, "field");
            if (!Double.isFinite(value))
                throw new IllegalArgumentException("value: " + field + " of '" + entityId + "' is not finite: " + value);
            if (upperEdges.length == 0) throw new IllegalArgumentException("upperEdges: at least one edge is needed");
            for (int i = 1; i < upperEdges.length; i++)
                if (!(upperEdges[i] > upperEdges[i - 1]))
                    throw new IllegalArgumentException("upperEdges: must be strictly increasing");
            for (double e : upperEdges) feature(field + ":<" + fmt(e));
            feature(field + ":>=" + fmt(upperEdges[upperEdges.length - 1]));
            for (double e : upperEdges) if (value < e) return add(entityId, field + ":<" + fmt(e), 1.0);
            return add(entityId, field + ":>=" + fmt(upperEdges[upperEdges.length - 1]), 1.0);
        }

        private static String fmt(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }

        /** Gives {@code entityId} every feature of a name → weight map. */
        public Builder addAll(String entityId, Map<String, ? extends Number> features) {
            Objects.requireNonNull(features, "features");
            features.forEach((name, w) -> add(entityId, name, Objects.requireNonNull(w, "weight").doubleValue()));
            return this;
        }

        /** Builds the immutable matrix. */
        public FeatureMatrix build() {
            int[] ptr = new int[rows.size() + 1];
            int nnz = 0;
            for (int r = 0; r < rows.size(); r++) {
                nnz += rows.get(r).size();
                ptr[r + 1] = nnz;
            }
            int[] feats = new int[nnz];
            float[] ws = new float[nnz];
            int j = 0;
            for (Map<Integer, Float> row : rows) {
                for (Map.Entry<Integer, Float> e : row.entrySet()) {
                    feats[j] = e.getKey();
                    ws[j] = e.getValue();
                    j++;
                }
            }
            return new FeatureMatrix(List.copyOf(entityIds), Map.copyOf(entityIndex), List.copyOf(featureNames),
                    Map.copyOf(featureIndex), ptr, feats, ws);
        }
    }

    /** Requires a feature name of 1..128 characters without control characters. */
    public static String checkName(String name) {
        Objects.requireNonNull(name, "featureName");
        if (name.isEmpty() || name.length() > Checks.MAX_ID_LENGTH)
            throw new IllegalArgumentException("featureName: '" + name + "' must have 1.." + Checks.MAX_ID_LENGTH
                    + " characters");
        for (int i = 0; i < name.length(); i++)
            if (Character.isISOControl(name.charAt(i)))
                throw new IllegalArgumentException("featureName: '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a control character");
        return name;
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rowCount() + " rows, " + featureCount() + " features, " + nonZeros() + " entries]";
    }

    /** Equal content (ids, vocabulary, rows, weights). */
    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureMatrix m && entityIds.equals(m.entityIds) && featureNames.equals(m.featureNames)
                && Arrays.equals(rowPtr, m.rowPtr) && Arrays.equals(features, m.features)
                && Arrays.equals(weights, m.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entityIds, featureNames, Arrays.hashCode(features));
    }
}
