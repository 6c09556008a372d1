package io.finrec.api.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * FinRec's seed and random-number policy.
 *
 * <ul>
 *   <li>Every trainer, index builder and generator takes a {@code long} seed (default {@link #DEFAULT_SEED}) and
 *       records it in the provenance of what it produces.</li>
 *   <li>Randomness comes from {@link SplittableRandom} (fast, splittable, identical sequences on every JVM);
 *       {@code Math.random()}, {@code ThreadLocalRandom} and unseeded {@code Random} are never used.</li>
 *   <li>Independent parts of a job draw from streams derived by a label, {@code derive(seed, "items")}, so
 *       adding a draw in one part never shifts the numbers of another. Worker {@code i} of a multi-threaded job
 *       uses {@code derive(seed, "worker", i)}.</li>
 *   <li>Single-threaded jobs are bit-for-bit reproducible for the same seed and inputs. Multi-threaded jobs are
 *       reproducible only where their javadoc says so (Hogwild-style training is not).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Seeds {
    /** The seed used when the caller gives none. */
    public static final long DEFAULT_SEED = 42L;

    private Seeds() {}

    /** SplitMix64 finaliser: a bijective, well-mixed 64-bit hash. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A seed derived from {@code seed} and a label; stable across JVMs and releases. */
    public static long derive(long seed, String label) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the UTF-8 bytes of the label
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix(seed ^ mix(h));
    }

    /** A seed derived from {@code seed}, a label and an index (a worker, a partition, an epoch). */
    public static long derive(long seed, String label, long index) {
        return mix(derive(seed, label) + 0x9e3779b97f4a7c15L * (index + 1));
    }

    /** A random stream for one labelled part of a job. */
    public static SplittableRandom random(long seed, String label) {
        return new SplittableRandom(derive(seed, label));
    }

    /** A random stream for one indexed worker of a labelled part of a job. */
    public static SplittableRandom random(long seed, String label, long index) {
        return new SplittableRandom(derive(seed, label, index));
    }
}
