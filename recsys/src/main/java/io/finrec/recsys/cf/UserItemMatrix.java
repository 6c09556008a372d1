package io.finrec.recsys.cf;

import io.finrec.api.model.ModelFile;
import io.finrec.api.model.ModelFormatException;
import io.finrec.api.model.Payloads;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.UnknownIdException;
import io.finrec.recsys.RamUsage;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Positive interactions as a sparse user × item matrix (CSR, rows sorted, duplicates merged by summing weights)
 * with the id maps; the shared substrate of the memory-based recommenders. Immutable and thread-safe.
 */
final class UserItemMatrix {
    final List<String> userIds;
    final List<String> itemIds;
    final Map<String, Integer> userIndex;
    final Map<String, Integer> itemIndex;
    final int[] ptr;
    final int[] items;
    final float[] weights;

    UserItemMatrix(List<String> userIds, List<String> itemIds, int[] ptr, int[] items, float[] weights) {
        this.userIds = List.copyOf(userIds);
        this.itemIds = List.copyOf(itemIds);
        this.userIndex = index(this.userIds);
        this.itemIndex = index(this.itemIds);
        this.ptr = ptr;
        this.items = items;
        this.weights = weights;
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> m = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) m.put(ids.get(i), i);
        return m;
    }

    /**
     * Positive interactions of {@code data} (value {@code > 0}); the matrix weight is the sample weight times the
     * value when {@code useValues}, else the sample weight.
     */
    static UserItemMatrix of(Interactions data, boolean useValues) {
        if (data.size() == 0) throw new IllegalArgumentException("interactions: no interactions to train on");
        int n = data.size();
        long[] keys = new long[n];
        float[] w = new float[n];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (!(data.value(r) > 0)) continue;
            keys[m] = ((long) data.user(r) << 32) | data.item(r);
            w[m++] = data.weight(r) * (useValues ? data.value(r) : 1f);
        }
        if (m == 0) throw new IllegalArgumentException("interactions: no positive interactions (value > 0)");
        int[] idx = new int[m];
        for (int q = 0; q < m; q++) idx[q] = q;
        final long[] k = keys;
        IntArrays.quickSort(idx, (a, b) -> Long.compare(k[a], k[b]));
        int users = data.userCount();
        int[] ptr = new int[users + 1];
        int[] items = new int[m];
        float[] weights = new float[m];
        int j = 0;
        long prev = -1;
        for (int q = 0; q < m; q++) {
            long key = keys[idx[q]];
            if (key == prev) {
                weights[j - 1] += w[idx[q]];
                continue;
            }
            prev = key;
            items[j] = (int) key;
            weights[j++] = w[idx[q]];
            ptr[(int) (key >>> 32) + 1]++;
        }
        for (int u = 0; u < users; u++) ptr[u + 1] += ptr[u];
        return new UserItemMatrix(data.userIds(), data.itemIds(), ptr, Arrays.copyOf(items, j), Arrays.copyOf(weights, j));
    }

    /** Back to interactions (value 1, weight = matrix weight), every user and item declared. */
    Interactions.Builder toBuilder() {
        Interactions.Builder b = Interactions.builder();
        for (String u : userIds) b.user(u);
        for (String i : itemIds) b.item(i);
        for (int u = 0; u < userIds.size(); u++)
            for (int q = ptr[u]; q < ptr[u + 1]; q++) b.add(userIds.get(u), itemIds.get(items[q]), 1.0, weights[q]);
        return b;
    }

    int user(String id) {
        Integer o = userIndex.get(java.util.Objects.requireNonNull(id, "userId"));
        if (o == null) throw new UnknownIdException(UnknownIdException.Kind.USER, id);
        return o;
    }

    int item(String id) {
        Integer o = itemIndex.get(java.util.Objects.requireNonNull(id, "itemId"));
        if (o == null) throw new UnknownIdException(UnknownIdException.Kind.ITEM, id);
        return o;
    }

    float weight(int u, int i) {
        int q = Arrays.binarySearch(items, ptr[u], ptr[u + 1], i);
        return q >= 0 ? weights[q] : 0f;
    }

    void write(DataOutputStream out) throws IOException {
        Payloads.writeStrings(out, userIds);
        Payloads.writeStrings(out, itemIds);
        Payloads.writeInts(out, ptr);
        Payloads.writeInts(out, items);
        Payloads.writeFloats(out, weights);
    }

    static UserItemMatrix read(ModelFile.Reader r, DataInputStream in) throws IOException {
        int max = Integer.MAX_VALUE - 8;
        List<String> users = Payloads.readStrings(in, max, "userIds");
        List<String> items = Payloads.readStrings(in, max, "itemIds");
        int[] ptr = Payloads.readInts(in, users.size() + 1, "matrix.ptr");
        int[] it = Payloads.readInts(in, max, "matrix.items");
        float[] w = Payloads.readFloats(in, max, "matrix.weights");
        checkCsr(r, ptr, users.size(), it, items.size(), "matrix");
        if (w.length != it.length) throw r.invalid("matrix.weights: length " + w.length + " != " + it.length);
        for (float v : w) if (!Float.isFinite(v)) throw r.invalid("matrix.weights: non-finite weight");
        if (new java.util.HashSet<>(users).size() != users.size()) throw r.invalid("userIds: duplicate ids");
        if (new java.util.HashSet<>(items).size() != items.size()) throw r.invalid("itemIds: duplicate ids");
        return new UserItemMatrix(users, items, ptr, it, w);
    }

    /** Validates a CSR structure whose column indexes must be sorted, distinct and in {@code [0, cols)}. */
    static void checkCsr(ModelFile.Reader r, int[] ptr, int rows, int[] idx, int cols, String what)
            throws ModelFormatException {
        if (ptr.length != rows + 1 || ptr[0] != 0 || ptr[rows] != idx.length)
            throw r.invalid(what + ": row pointers do not match " + rows + " rows and " + idx.length + " entries");
        for (int a = 0; a < rows; a++) {
            if (ptr[a + 1] < ptr[a]) throw r.invalid(what + ": row pointers decrease at row " + a);
            for (int q = ptr[a]; q < ptr[a + 1]; q++) {
                if (idx[q] < 0 || idx[q] >= cols) throw r.invalid(what + ": index " + idx[q] + " out of range at " + q);
                if (q > ptr[a] && idx[q] <= idx[q - 1]) throw r.invalid(what + ": row " + a + " is not sorted");
            }
        }
    }

    long ramBytesUsed() {
        return 40 + RamUsage.strings(userIds) + RamUsage.ordinalIndex(userIds.size(), userIds.size() * 2)
                + RamUsage.strings(itemIds) + RamUsage.ordinalIndex(itemIds.size(), itemIds.size() * 2)
                + RamUsage.ints(ptr.length) + RamUsage.ints(items.length) + RamUsage.ints(weights.length);
    }
}
