package io.finrec.recsys.data;

import io.finrec.api.random.Seeds;
import io.finrec.api.recommend.Interactions;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded synthetic implicit-feedback data for tests and benchmarks: {@code users} users (ids {@code u0..}), a
 * catalogue of {@code items} items ({@code i0..}, all declared) whose popularity follows a Zipf law with the given
 * exponent, and exactly {@code positives} distinct positive (user, item) pairs spread evenly over users (each user
 * gets {@code positives / users} items, the remainder going to the first users). The benchmark set is
 * {@code zipf(100_000, 20_000, 2_000_000, 1.0, 42)}. Deterministic for a seed; stateless and thread-safe.
 */
public final class SyntheticInteractions {
    private SyntheticInteractions() {}

    /** Generates the data set described above. */
    public static Interactions zipf(int users, int items, int positives, double exponent, long seed) {
        if (users < 1) throw new IllegalArgumentException("users: must be >= 1, was " + users);
        if (items < 1) throw new IllegalArgumentException("items: must be >= 1, was " + items);
        if (positives < 0) throw new IllegalArgumentException("positives: must be >= 0, was " + positives);
        if (!(exponent >= 0) || !Double.isFinite(exponent))
            throw new IllegalArgumentException("exponent: must be finite and >= 0, was " + exponent);
        int perUser = positives / users;
        int extra = positives % users;
        if (perUser + (extra > 0 ? 1 : 0) > items)
            throw new IllegalArgumentException("positives: " + positives + " cannot be distinct pairs over " + users
                    + " users and " + items + " items");
        double[] cdf = new double[items];
        double s = 0;
        for (int i = 0; i < items; i++) {
            s += 1.0 / Math.pow(i + 1, exponent);
            cdf[i] = s;
        }
        for (int i = 0; i < items; i++) cdf[i] /= s;
        // a seeded permutation so popularity is not aligned with ordinals
        int[] perm = new int[items];
        for (int i = 0; i < items; i++) perm[i] = i;
        SplittableRandom pr = Seeds.random(seed, "synthetic-permutation");
        for (int i = items - 1; i > 0; i--) {
            int j = pr.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        Interactions.Builder b = Interactions.builder();
        String[] uid = new String[users];
        String[] iid = new String[items];
        for (int u = 0; u < users; u++) b.user(uid[u] = "u" + u);
        for (int i = 0; i < items; i++) b.item(iid[i] = "i" + i);
        SplittableRandom r = Seeds.random(seed, "synthetic-pairs");
        int[] chosen = new int[perUser + 1];
        for (int u = 0; u < users; u++) {
            int n = perUser + (u < extra ? 1 : 0);
            int c = 0;
            int guard = 0;
            while (c < n) {
                int item;
                if (++guard > 50 * n + 1000) item = r.nextInt(items); // very skewed: fall back to uniform
                else {
                    int pos = Arrays.binarySearch(cdf, r.nextDouble());
                    item = perm[Math.min(items - 1, pos < 0 ? -pos - 1 : pos)];
                }
                boolean dup = false;
                for (int q = 0; q < c; q++) if (chosen[q] == item) { dup = true; break; }
                if (dup) continue;
                chosen[c++] = item;
                b.add(uid[u], iid[item], 1.0, 1.0, (long) u * 1000 + c);
            }
        }
        return b.build();
    }
}
