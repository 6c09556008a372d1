package io.finrec.api.recommend;

import java.util.List;
import java.util.Objects;

/**
 * Latent representations of many users or items: row {@code r} is {@code vectors[r*dim .. r*dim+dim)} with bias
 * {@code biases[r]}. The score of user {@code u} for item {@code i} is
 * {@code dot(u, i) + bias(u) + bias(i)}; to serve it from an inner-product index, append {@code bias(i)} to item
 * vectors and {@code 1} to user vectors. Holds copies: immutable and thread-safe.
 *
 * @param ids     entity ids by row
 * @param dim     components per vector
 * @param vectors row-major vectors, {@code ids.size() * dim} floats
 * @param biases  one bias per row
 */
public record Representations(List<String> ids, int dim, float[] vectors, float[] biases) {
    public Representations {
        ids = List.copyOf(ids);
        if (dim < 1) throw new IllegalArgumentException("dim: must be >= 1, was " + dim);
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(biases, "biases");
        if (vectors.length != (long) ids.size() * dim)
            throw new IllegalArgumentException("vectors: length " + vectors.length + " != " + ids.size() + " x " + dim);
        if (biases.length != ids.size())
            throw new IllegalArgumentException("biases: length " + biases.length + " != " + ids.size());
        vectors = vectors.clone();
        biases = biases.clone();
    }

    /** A copy of the vectors. */
    @Override
    public float[] vectors() {
        return vectors.clone();
    }

    /** A copy of the biases. */
    @Override
    public float[] biases() {
        return biases.clone();
    }

    /** Number of rows. */
    public int size() {
        return ids.size();
    }

    /** Row {@code r} as a vector. */
    public Vector get(int r) {
        float[] v = new float[dim];
        System.arraycopy(vectors, r * dim, v, 0, dim);
        return new Vector(v, biases[r]);
    }

    /**
     * One representation. Immutable and thread-safe.
     *
     * @param vector the latent vector (a copy is held)
     * @param bias   the bias
     */
    public record Vector(float[] vector, float bias) {
        public Vector {
            vector = Objects.requireNonNull(vector, "vector").clone();
        }

        /** A copy of the latent vector. */
        @Override
        public float[] vector() {
            return vector.clone();
        }

        /** Dot product of the latent parts plus both biases: the hybrid score. */
        public double scoreWith(Vector other) {
            if (other.vector.length != vector.length)
                throw new IllegalArgumentException("other: dimension " + other.vector.length + " != " + vector.length);
            float s = bias + other.bias;
            for (int j = 0; j < vector.length; j++) s += vector[j] * other.vector[j];
            return s;
        }
    }
}
