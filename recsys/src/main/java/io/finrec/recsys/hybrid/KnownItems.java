package io.finrec.recsys.hybrid;

import io.finrec.recsys.RamUsage;
import java.util.Arrays;

/**
 * Per-user sorted, distinct item ordinals the user interacted with (CSR), with the largest value seen for each
 * pair. Used to exclude known items from recommendations, to reject sampled negatives during training, and as the
 * user's history in explanations. Immutable and thread-safe.
 */
final class KnownItems {
    final int[] ptr;
    final int[] items;
    final float[] values;

    KnownItems(int[] ptr, int[] items, float[] values) {
        this.ptr = ptr;
        this.items = items;
        this.values = values;
    }

    int users() {
        return ptr.length - 1;
    }

    /** The union of {@code old} (may be null) and the given pairs, over {@code users} users. */
    static KnownItems merge(KnownItems old, int users, int[] u, int[] i, float[] v) {
        int oldUsers = old == null ? 0 : old.users();
        int oldN = old == null ? 0 : old.items.length;
        int n = oldN + u.length;
        long[] keys = new long[n];
        float[] vals = new float[n];
        int j = 0;
        for (int a = 0; a < oldUsers; a++)
            for (int q = old.ptr[a]; q < old.ptr[a + 1]; q++) {
                keys[j] = ((long) a << 32) | old.items[q];
                vals[j++] = old.values[q];
            }
        for (int r = 0; r < u.length; r++) {
            keys[j] = ((long) u[r] << 32) | i[r];
            vals[j++] = v[r];
        }
        int[] idx = new int[n];
        for (int q = 0; q < n; q++) idx[q] = q;
        it.unimi.dsi.fastutil.ints.IntArrays.parallelQuickSort(idx, (a, b) -> Long.compare(keys[a], keys[b]));
        int[] ptr = new int[users + 1];
        int[] items = new int[n];
        float[] values = new float[n];
        int m = 0;
        long prev = -1;
        for (int q = 0; q < n; q++) {
            long key = keys[idx[q]];
            float val = vals[idx[q]];
            if (key == prev) {
                values[m - 1] = Math.max(values[m - 1], val);
                continue;
            }
            prev = key;
            items[m] = (int) key;
            values[m] = val;
            ptr[(int) (key >>> 32) + 1]++;
            m++;
        }
        for (int a = 0; a < users; a++) ptr[a + 1] += ptr[a];
        return new KnownItems(ptr, Arrays.copyOf(items, m), Arrays.copyOf(values, m));
    }

    /** Only the pairs with a positive value. */
    KnownItems positives() {
        int[] p = new int[ptr.length];
        int[] it = new int[items.length];
        float[] v = new float[items.length];
        int m = 0;
        for (int a = 0; a < users(); a++) {
            for (int q = ptr[a]; q < ptr[a + 1]; q++)
                if (values[q] > 0) {
                    it[m] = items[q];
                    v[m++] = values[q];
                }
            p[a + 1] = m;
        }
        return new KnownItems(p, Arrays.copyOf(it, m), Arrays.copyOf(v, m));
    }

    long ramBytesUsed() {
        return 24 + RamUsage.ints(ptr.length) + RamUsage.ints(items.length) + RamUsage.ints(values.length);
    }
}
