package io.finrec.core.builtin;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's random source: a {@link SplittableRandom} plus the distributions the bank needs, computed with
 * {@link StrictMath} so that the same seed gives bit-identical numbers on every JVM and platform. Not thread-safe.
 */
final class Rand {
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private final SplittableRandom r;
    private double spareNormal = Double.NaN;

    Rand(long seed) {
        this.r = new SplittableRandom(seed);
    }

    /**
     * A seed for one labelled part of a generation, derived from the bank seed, a label and an index with the same
     * SplitMix64/FNV-1a scheme as models-api's {@code Seeds.derive} (core cannot depend on models-api).
     */
    static long derive(long seed, String label, long index) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < label.length(); i++) {
            h ^= label.charAt(i) & 0xff;
            h *= 0x100000001b3L;
        }
        long base = mix(seed ^ mix(h));
        return mix(base + 0x9e3779b97f4a7c15L * (index + 1));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return r.nextDouble();
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** Uniform int in [lo, hi] (inclusive). */
    int between(int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    /** Uniform int in [0, n). */
    int nextInt(int n) {
        return r.nextInt(n);
    }

    /** True with probability p. */
    boolean chance(double p) {
        return r.nextDouble() < p;
    }

    /** Standard normal (Marsaglia polar method). */
    double normal() {
        if (!Double.isNaN(spareNormal)) {
            double s = spareNormal;
            spareNormal = Double.NaN;
            return s;
        }
        double u, v, s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareNormal = v * m;
        return u * m;
    }

    /** Normal with mean and standard deviation. */
    double normal(double mean, double sd) {
        return mean + sd * normal();
    }

    /** Log-normal with the given median and log-scale sigma. */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * normal());
    }

    /** Poisson with mean lambda (Knuth for small means, normal approximation above 30). */
    int poisson(double lambda) {
        if (lambda <= 0) return 0;
        if (lambda > 30) return Math.max(0, (int) StrictMath.round(normal(lambda, StrictMath.sqrt(lambda))));
        double l = StrictMath.exp(-lambda), p = 1;
        int k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** A uniformly chosen element. */
    <T> T pick(List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    /** A uniformly chosen element. */
    String pick(String... values) {
        return values[r.nextInt(values.length)];
    }

    /** An index chosen with probability proportional to {@code weights[i]} (all >= 0, sum > 0). */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        for (int i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
        return weights.length - 1;
    }

    /** A Gumbel(0, 1) draw, for sampling without replacement by perturbed scores. */
    double gumbel() {
        double u = r.nextDouble();
        return -StrictMath.log(-StrictMath.log(u == 0 ? Double.MIN_VALUE : u));
    }

    /** {@code n} random decimal digits. */
    String digits(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = (char) ('0' + r.nextInt(10));
        return new String(c);
    }

    /** {@code n} random upper-case letters and digits. */
    String alnum(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = ALNUM[r.nextInt(ALNUM.length)];
        return new String(c);
    }
}
