package io.finrec.vectorsearch.quant;

/**
 * A query quantised by {@link Int8Quantizer#prepare}: the approximate dot product with a stored vector whose code
 * dot product is {@code d} is {@link #approx approx(d)}, and the float kernels' dot product for that vector lies
 * within {@link #bound bound(errA, errB)} of it, given the vector's stored error terms. Immutable after creation;
 * one per query.
 *
 * @param codes  the query's codes, widened to {@code int} (what the int8 kernels take)
 * @param offset the query's dot product with the quantiser's offsets
 * @param scale  the query codes' scale
 * @param coefA  multiplies a vector's first error term (the query norm, rounded up)
 * @param coefB  multiplies a vector's second error term (the query's quantisation error, rounded up)
 * @param eps    float rounding allowance of {@link #approx}
 */
public record Int8Query(int[] codes, float offset, float scale, float coefA, float coefB, float eps) {
    /** The approximate dot product given the code dot product. */
    public float approx(int codeDot) {
        return offset + scale * codeDot;
    }

    /** The error bound for a vector with these stored error terms. */
    public float bound(float errA, float errB) {
        return (coefA * errA + coefB * errB + eps) * (1 + 0x1p-20f);
    }
}
