package io.finrec.vectorsearch.search;

import io.finrec.api.vector.Metric;
import io.finrec.vectorsearch.math.VectorMath;
import java.util.Objects;

/** Validation and preparation of query and stored vectors. Stateless and thread-safe. */
public final class Queries {
    private Queries() {}

    /**
     * Checks a vector and returns the form the index computes with: a normalised copy under {@link Metric#COSINE},
     * otherwise the array itself when {@code copy} is false or a copy when it is true.
     *
     * @param what names the argument in error messages, e.g. "query" or "vector of 'p-17'"
     */
    public static float[] prepare(float[] v, int dimension, Metric metric, boolean copy, String what) {
        Objects.requireNonNull(v, what);
        if (v.length != dimension)
            throw new IllegalArgumentException(what + ": dimension " + v.length + ", the index holds " + dimension);
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i]))
                throw new IllegalArgumentException(what + ": component " + i + " is " + v[i] + " (must be finite)");
        }
        if (metric == Metric.COSINE) {
            float[] c = v.clone();
            if (!VectorMath.normalizeInPlace(c))
                throw new IllegalArgumentException(what + ": is the zero vector, which has no cosine similarity");
            return c;
        }
        return copy ? v.clone() : v;
    }

    /** Checks {@code k}. */
    public static void checkK(int k) {
        if (k < 1) throw new IllegalArgumentException("k: must be >= 1, was " + k);
    }
}
