package io.finrec.nlp.classify;

import java.util.Arrays;
import java.util.Objects;

/**
 * A feature vector as sorted, distinct indices and their finite values (dense vectors simply list every index).
 * The arrays are copied in and must not be modified through {@link #indices()}/{@link #values()}. Immutable and
 * thread-safe.
 *
 * @param indices strictly increasing, non-negative feature indices
 * @param values  one finite value per index
 */
public record SparseVector(int[] indices, float[] values) {
    public SparseVector {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(values, "values");
        if (indices.length != values.length)
            throw new IllegalArgumentException("values: " + values.length + " values for " + indices.length + " indices");
        indices = indices.clone();
        values = values.clone();
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || (k > 0 && indices[k] <= indices[k - 1]))
                throw new IllegalArgumentException("indices: must be non-negative and strictly increasing, at position " + k);
            if (!Float.isFinite(values[k])) throw new IllegalArgumentException("values: not finite at position " + k);
        }
    }

    /** A dense vector (index i holds {@code v[i]}). */
    public static SparseVector dense(float[] v) {
        int[] idx = new int[v.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        return new SparseVector(idx, v);
    }

    /** Number of stored entries. */
    public int size() {
        return indices.length;
    }

    /** Largest index + 1 (0 when empty). */
    public int span() {
        return indices.length == 0 ? 0 : indices[indices.length - 1] + 1;
    }

    /** Dot product with a dense vector. */
    public double dot(float[] dense) {
        double s = 0;
        for (int k = 0; k < indices.length; k++) s += values[k] * dense[indices[k]];
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && Arrays.equals(indices, v.indices) && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseVector[" + indices.length + " entries]";
    }
}
