package io.finrec.recsys.eval;

import io.finrec.api.random.Seeds;
import io.finrec.api.recommend.Interactions;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Train/test splitters. Both halves keep every declared user and item (one id space), so a model trained on the
 * train half can be evaluated on the test half directly. Stateless and thread-safe; seeded splits are
 * reproducible.
 */
public final class Splits {
    private Splits() {}

    /**
     * A split. Immutable and thread-safe.
     *
     * @param train training interactions
     * @param test  held-out interactions
     */
    public record Split(Interactions train, Interactions test) {}

    /** Each interaction goes to test with probability {@code testFraction}. */
    public static Split random(Interactions data, double testFraction, long seed) {
        Objects.requireNonNull(data, "data");
        if (!(testFraction > 0 && testFraction < 1))
            throw new IllegalArgumentException("testFraction: must be in (0, 1), was " + testFraction);
        SplittableRandom r = Seeds.random(seed, "split-random");
        IntArrayList tr = new IntArrayList(), te = new IntArrayList();
        for (int i = 0; i < data.size(); i++) (r.nextDouble() < testFraction ? te : tr).add(i);
        return new Split(data.subset(tr.toIntArray()), data.subset(te.toIntArray()));
    }

    /**
     * Leave-k-out: for every user with more than {@code k} positive interactions, {@code k} of them go to test —
     * the latest by timestamp when {@code latest} (ties broken by position), otherwise chosen at random with the
     * seed. Everything else, negatives included, stays in train.
     */
    public static Split leaveKOut(Interactions data, int k, boolean latest, long seed) {
        Objects.requireNonNull(data, "data");
        if (k < 1) throw new IllegalArgumentException("k: must be >= 1, was " + k);
        IntArrayList[] byUser = new IntArrayList[data.userCount()];
        for (int i = 0; i < data.size(); i++) {
            if (!(data.value(i) > 0)) continue;
            int u = data.user(i);
            if (byUser[u] == null) byUser[u] = new IntArrayList();
            byUser[u].add(i);
        }
        boolean[] test = new boolean[data.size()];
        SplittableRandom r = Seeds.random(seed, "split-leave-k-out");
        for (IntArrayList list : byUser) {
            if (list == null || list.size() <= k) continue;
            int[] idx = list.toIntArray();
            if (latest) {
                it.unimi.dsi.fastutil.ints.IntArrays.mergeSort(idx, (a, b) -> {
                    int c = Long.compare(data.timestamp(a), data.timestamp(b));
                    return c != 0 ? c : Integer.compare(a, b);
                });
                for (int j = idx.length - k; j < idx.length; j++) test[idx[j]] = true;
            } else {
                for (int j = idx.length - 1; j > 0; j--) {
                    int s = r.nextInt(j + 1);
                    int t = idx[j];
                    idx[j] = idx[s];
                    idx[s] = t;
                }
                for (int j = 0; j < k; j++) test[idx[j]] = true;
            }
        }
        return fromMask(data, test);
    }

    /** Time-based: interactions with {@code timestamp >= cutoff} go to test. */
    public static Split byTime(Interactions data, long cutoff) {
        Objects.requireNonNull(data, "data");
        boolean[] test = new boolean[data.size()];
        for (int i = 0; i < data.size(); i++) test[i] = data.timestamp(i) >= cutoff;
        return fromMask(data, test);
    }

    /** Time-based: the latest {@code testFraction} of interactions (by timestamp) go to test. */
    public static Split byTimeFraction(Interactions data, double testFraction) {
        Objects.requireNonNull(data, "data");
        if (!(testFraction > 0 && testFraction < 1))
            throw new IllegalArgumentException("testFraction: must be in (0, 1), was " + testFraction);
        long[] t = data.timestampArray();
        java.util.Arrays.sort(t);
        if (t.length == 0) throw new IllegalArgumentException("data: no interactions to split");
        int cut = (int) Math.min(t.length - 1, Math.floor(t.length * (1 - testFraction)));
        return byTime(data, t[cut]);
    }

    private static Split fromMask(Interactions data, boolean[] test) {
        IntArrayList tr = new IntArrayList(), te = new IntArrayList();
        for (int i = 0; i < test.length; i++) (test[i] ? te : tr).add(i);
        return new Split(data.subset(tr.toIntArray()), data.subset(te.toIntArray()));
    }
}
