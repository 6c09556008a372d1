package io.finrec.recsys.hybrid;

import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.UnknownIdException;
import io.finrec.recsys.RamUsage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One side (users or items) of a hybrid model: the entity ids, the feature vocabulary (identity features plus named
 * features) and each entity's feature row in CSR form. Feature ordinals index the embedding rows of
 * {@link FactorParams}. Grows by appending (new entities and features get new ordinals; old ones never move), so a
 * model can be extended without retraining. Immutable after construction and thread-safe.
 */
final class FeatureSpace {
    final List<String> ids;
    final Map<String, Integer> index;
    /** Per entity: its identity feature ordinal, or -1. */
    final int[] identity;
    /** Named features by named ordinal. */
    final List<String> names;
    final Map<String, Integer> nameIndex;
    /** Named ordinal to feature ordinal. */
    final int[] nameFeature;
    final int featureCount;
    final int[] rowPtr;
    final int[] rowFeat;
    final float[] rowW;
    /** Per entity: the feature ordinal when its row is exactly one feature of weight 1 (fast path), else -1. */
    final int[] direct;

    FeatureSpace(List<String> ids, int[] identity, List<String> names, int[] nameFeature, int featureCount,
                 int[] rowPtr, int[] rowFeat, float[] rowW) {
        this.ids = List.copyOf(ids);
        this.index = indexOf(this.ids);
        this.identity = identity;
        this.names = List.copyOf(names);
        this.nameIndex = indexOf(this.names);
        this.nameFeature = nameFeature;
        this.featureCount = featureCount;
        this.rowPtr = rowPtr;
        this.rowFeat = rowFeat;
        this.rowW = rowW;
        this.direct = new int[ids.size()];
        for (int e = 0; e < ids.size(); e++)
            direct[e] = rowPtr[e + 1] - rowPtr[e] == 1 && rowW[rowPtr[e]] == 1.0f ? rowFeat[rowPtr[e]] : -1;
    }

    static FeatureSpace empty() {
        return new FeatureSpace(List.of(), new int[0], List.of(), new int[0], 0, new int[1], new int[0], new float[0]);
    }

    private static Map<String, Integer> indexOf(List<String> list) {
        Map<String, Integer> m = new HashMap<>(Math.max(16, list.size() * 2));
        for (int i = 0; i < list.size(); i++) m.put(list.get(i), i);
        return m;
    }

    int size() {
        return ids.size();
    }

    int ordinal(String id, UnknownIdException.Kind kind) {
        Integer o = index.get(id);
        if (o == null) throw new UnknownIdException(kind, id);
        return o;
    }

    /** Named feature ordinal to name, built on first use (racing threads build equal maps). */
    private volatile Map<Integer, String> namedLabels;

    /**
     * Label of feature {@code feature} in entity {@code entity}'s row: the entity id for its identity feature, the
     * name for named ones. Costs O(1) after the first call (explanations call it per feature of every item).
     */
    String label(int feature, int entity) {
        if (feature == identity[entity]) return ids.get(entity);
        Map<Integer, String> m = namedLabels;
        if (m == null) {
            m = new HashMap<>(Math.max(16, names.size() * 2));
            for (int n = 0; n < nameFeature.length; n++) m.put(nameFeature[n], names.get(n));
            namedLabels = m;
        }
        return m.get(feature);
    }

    /**
     * This space extended with {@code entityIds} (new ones appended) and the named features of {@code features}
     * (new names appended; an entity's named part is replaced when {@code features} has a row for it).
     */
    FeatureSpace grow(List<String> entityIds, FeatureMatrix features, boolean withIdentity) {
        List<String> newIds = new ArrayList<>(ids);
        Map<String, Integer> newIndex = new HashMap<>(index);
        for (String id : entityIds) if (newIndex.putIfAbsent(id, newIds.size()) == null) newIds.add(id);
        for (String id : features.entityIds()) if (newIndex.putIfAbsent(id, newIds.size()) == null) newIds.add(id);
        int n = newIds.size();
        int fc = featureCount;
        int[] newIdentity = Arrays.copyOf(identity, n);
        for (int e = ids.size(); e < n; e++) newIdentity[e] = withIdentity ? fc++ : -1;
        List<String> newNames = new ArrayList<>(names);
        Map<String, Integer> newNameIndex = new HashMap<>(nameIndex);
        int[] newNameFeature = Arrays.copyOf(nameFeature, names.size() + features.featureCount());
        int[] mapNamed = new int[features.featureCount()];
        for (int f = 0; f < features.featureCount(); f++) {
            String name = features.featureNames().get(f);
            Integer existing = newNameIndex.get(name);
            if (existing == null) {
                existing = newNames.size();
                newNames.add(name);
                newNameIndex.put(name, existing);
                newNameFeature[existing] = fc++;
            }
            mapNamed[f] = newNameFeature[existing];
        }
        newNameFeature = Arrays.copyOf(newNameFeature, newNames.size());
        int[] ptr = new int[n + 1];
        int[] feat = new int[rowFeat.length + n + features.nonZeros()];
        float[] w = new float[feat.length];
        int j = 0;
        for (int e = 0; e < n; e++) {
            var row = features.row(newIds.get(e));
            if (newIdentity[e] >= 0) {
                feat[j] = newIdentity[e];
                w[j++] = 1f;
            }
            if (row.isPresent()) {
                for (int q = features.rowStart(row.getAsInt()); q < features.rowEnd(row.getAsInt()); q++) {
                    feat[j] = mapNamed[features.featureAt(q)];
                    w[j++] = features.weightAt(q);
                }
            } else if (e < ids.size()) {
                for (int q = rowPtr[e]; q < rowPtr[e + 1]; q++) {
                    if (rowFeat[q] == identity[e]) continue;
                    feat[j] = rowFeat[q];
                    w[j++] = rowW[q];
                }
            }
            ptr[e + 1] = j;
        }
        return new FeatureSpace(newIds, newIdentity, newNames, newNameFeature, fc, ptr, Arrays.copyOf(feat, j),
                Arrays.copyOf(w, j));
    }

    /** Feature ordinals and weights of a named-feature map; unknown names raise {@link UnknownIdException}. */
    void resolve(Map<String, Double> named, UnknownIdException.Kind kind, int[] outFeat, float[] outW) {
        int j = 0;
        for (Map.Entry<String, Double> e : named.entrySet()) {
            Integer n = nameIndex.get(e.getKey());
            if (n == null) throw new UnknownIdException(kind, e.getKey());
            double v = e.getValue();
            if (!Double.isFinite(v))
                throw new IllegalArgumentException("features: weight of '" + e.getKey() + "' is not finite: " + v);
            outFeat[j] = nameFeature[n];
            outW[j++] = (float) v;
        }
    }

    long ramBytesUsed() {
        return 64 + RamUsage.strings(ids) + RamUsage.ordinalIndex(ids.size(), Math.max(16, ids.size() * 2))
                + RamUsage.strings(names) + RamUsage.ordinalIndex(names.size(), Math.max(16, names.size() * 2))
                + RamUsage.ints(identity.length) + RamUsage.ints(nameFeature.length) + RamUsage.ints(rowPtr.length)
                + RamUsage.ints(rowFeat.length) + RamUsage.ints(rowW.length) + RamUsage.ints(direct.length)
                + (namedLabels == null ? 0 : RamUsage.ordinalIndex(names.size(), Math.max(16, names.size() * 2)));
    }
}
