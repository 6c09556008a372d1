package io.finrec.nlp.categorize;

import io.finrec.nlp.classify.SparseVector;
import java.util.Arrays;
import java.util.List;

/**
 * The hashed feature buckets a model was trained on, in increasing order, mapped to dense ids 0..n-1. Training
 * rows use only a small share of the {@code 2^hashBits} buckets; compacting them keeps the optimiser's work and
 * the model file proportional to what was seen. Buckets never seen in training have no weight, so they are
 * dropped at inference. The mapping is monotonic, so sorted vectors stay sorted. Immutable and thread-safe.
 */
final class FeatureSpace {
    private final int[] used;
    private final int[] rank; // bucket -> dense id, -1 when unused

    FeatureSpace(int[] used, int dimension) {
        this.used = used.clone();
        for (int i = 1; i < used.length; i++)
            if (used[i] <= used[i - 1]) throw new IllegalArgumentException("used: buckets must be strictly increasing");
        if (used.length > 0 && (used[0] < 0 || used[used.length - 1] >= dimension))
            throw new IllegalArgumentException("used: bucket outside [0, " + dimension + ")");
        rank = new int[dimension];
        Arrays.fill(rank, -1);
        for (int i = 0; i < used.length; i++) rank[used[i]] = i;
    }

    /** The buckets used by {@code rows}. */
    static FeatureSpace of(List<SparseVector> rows, int dimension) {
        boolean[] seen = new boolean[dimension];
        int n = 0;
        for (SparseVector r : rows) for (int i : r.indices()) if (!seen[i]) {
            seen[i] = true;
            n++;
        }
        int[] used = new int[Math.max(n, 1)];
        int k = 0;
        for (int i = 0; i < dimension; i++) if (seen[i]) used[k++] = i;
        return new FeatureSpace(n == 0 ? new int[] {0} : used, dimension);
    }

    /** Number of dense ids. */
    int size() {
        return used.length;
    }

    /** The used buckets (a copy). */
    int[] used() {
        return used.clone();
    }

    /** The hashed-space dimension. */
    int dimension() {
        return rank.length;
    }

    /** A hashed vector in dense ids, dropping unused buckets. */
    SparseVector compact(SparseVector x) {
        int[] idx = x.indices();
        float[] val = x.values();
        int[] outIdx = new int[idx.length];
        float[] outVal = new float[idx.length];
        int m = 0;
        for (int n = 0; n < idx.length; n++) {
            int r = idx[n] < rank.length ? rank[idx[n]] : -1;
            if (r < 0) continue;
            outIdx[m] = r;
            outVal[m++] = val[n];
        }
        return new SparseVector(m == idx.length ? outIdx : Arrays.copyOf(outIdx, m),
                m == idx.length ? outVal : Arrays.copyOf(outVal, m));
    }
}
