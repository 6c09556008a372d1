package io.finrec.recsys.hybrid;

import io.finrec.recsys.RamUsage;
import java.util.Arrays;
import java.util.List;

/**
 * The allocation-free scoring kernel of a {@link HybridModel}: the exact arithmetic {@code recommend} and
 * {@code score} use, exposed so other engines (the Spark integration, a custom server) reproduce them bit for bit.
 *
 * <p>A representation is a {@code float[k + 1]}: components {@code 0..k-1} and the bias at index {@code k}; it is
 * the weighted sum of the feature embeddings and biases of an entity's feature row, summed feature by feature in
 * row order. The score of user representation {@code u} for item {@code i} is, in float arithmetic and in exactly
 * this order: {@code s = u[k] + itemBias[i]; for j in 0..k-1: s += u[j] * itemVector[i][j]}. Item representations
 * are precomputed: {@link #itemVectors()} is one contiguous row-major {@code itemCount * k} array.
 *
 * <p>Immutable and thread-safe; callers own the output arrays they pass in (one per thread).
 */
public final class ScoringKernel {
    private final int k;
    private final FeatureSpace users;
    private final FeatureSpace items;
    private final float[] userEmb;
    private final float[] userBias;
    private final float[] itemVectors;
    private final float[] itemBiases;
    private final float[] itemT;

    ScoringKernel(int k, FeatureSpace users, FeatureSpace items, FactorParams up, FactorParams ip) {
        this.k = k;
        this.users = users;
        this.items = items;
        this.userEmb = up.emb;
        this.userBias = up.bias;
        int n = items.size();
        this.itemVectors = new float[n * k];
        this.itemBiases = new float[n];
        float[] buf = new float[k + 1];
        for (int i = 0; i < n; i++) {
            SgdKernel.represent(items, ip, i, buf);
            System.arraycopy(buf, 0, itemVectors, i * k, k);
            itemBiases[i] = buf[k];
        }
        this.itemT = new float[n * k];
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) itemT[j * n + i] = itemVectors[i * k + j];
    }

    /** Latent components {@code k}. */
    public int components() {
        return k;
    }

    /** Number of users. */
    public int userCount() {
        return users.size();
    }

    /** Number of catalogue items. */
    public int itemCount() {
        return items.size();
    }

    /** Ordinal of a user id, or -1. */
    public int userOrdinal(String userId) {
        Integer o = users.index.get(userId);
        return o == null ? -1 : o;
    }

    /** Ordinal of an item id, or -1. */
    public int itemOrdinal(String itemId) {
        Integer o = items.index.get(itemId);
        return o == null ? -1 : o;
    }

    /** Item ids by ordinal. */
    public List<String> itemIds() {
        return items.ids;
    }

    /** Feature ordinal of a named user feature (for {@link #userRepresentation(int[], float[], int, float[])}), or -1. */
    public int userFeatureOrdinal(String name) {
        Integer n = users.nameIndex.get(name);
        return n == null ? -1 : users.nameFeature[n];
    }

    /** Feature ordinal of a user's identity feature, or -1 when the user has none. */
    public int userIdentityFeature(int user) {
        return users.identity[user];
    }

    /** Writes the representation of known user {@code user} to {@code out[0..k]}. */
    public void userRepresentation(int user, float[] out) {
        Arrays.fill(out, 0, k + 1, 0f);
        for (int q = users.rowPtr[user]; q < users.rowPtr[user + 1]; q++) accumulate(users.rowFeat[q], users.rowW[q], out);
    }

    /**
     * Writes the representation of a user given as a feature row ({@code n} feature ordinals and weights, summed in
     * that order) to {@code out[0..k]}. Known users' rows put the identity feature first, then named features in
     * the order they were given at training time.
     */
    public void userRepresentation(int[] featureOrdinals, float[] weights, int n, float[] out) {
        Arrays.fill(out, 0, k + 1, 0f);
        for (int q = 0; q < n; q++) {
            int f = featureOrdinals[q];
            if (f < 0 || f >= userBias.length)
                throw new IllegalArgumentException("featureOrdinals[" + q + "]: " + f + " is outside [0, "
                        + userBias.length + ")");
            accumulate(f, weights[q], out);
        }
    }

    private void accumulate(int f, float w, float[] out) {
        int off = f * k;
        for (int j = 0; j < k; j++) out[j] += w * userEmb[off + j];
        out[k] += w * userBias[f];
    }

    /** The score of representation {@code user} for item ordinal {@code item} (with the item bias). */
    public float score(float[] user, int item) {
        float s = user[k] + itemBiases[item];
        int off = item * k;
        for (int j = 0; j < k; j++) s += user[j] * itemVectors[off + j];
        return s;
    }

    /**
     * Scores representation {@code user} against every item into {@code out[0..itemCount)}: bit-identical to
     * {@link #score} for each item when {@code withItemBias}; without it the item bias term is 0.
     */
    public void scoreAll(float[] user, boolean withItemBias, float[] out) {
        int n = itemBiases.length;
        float ub = user[k];
        if (withItemBias) {
            for (int i = 0; i < n; i++) out[i] = ub + itemBiases[i];
        } else {
            Arrays.fill(out, 0, n, ub + 0f);
        }
        for (int j = 0; j < k; j++) {
            float a = user[j];
            int base = j * n;
            for (int i = 0; i < n; i++) out[i] += a * itemT[base + i];
        }
    }

    /** Items per tile of {@link #scoreBlock}: four users' score tiles (4 x 4 KB) stay in the L1 cache. */
    static final int TILE = 1024;

    /**
     * Scores up to four user representations against every item at once: {@code out[b][i]} for {@code b <
     * count}, bit-identical to {@link #scoreAll} for each user. Each pass over the transposed item matrix serves all
     * users of the block (a quarter of the memory traffic of four {@code scoreAll} calls), tile by tile so the
     * score tiles stay in cache. Used by {@link HybridModel#recommendAll}.
     *
     * @param users        representations ({@code k + 1} floats each, bias last)
     * @param count        how many of {@code users} / {@code out} to use, 1 to 4
     * @param withItemBias add the item biases (else the item bias term is 0)
     * @param out          one score array of at least {@code itemCount()} floats per user
     */
    public void scoreBlock(float[][] users, int count, boolean withItemBias, float[][] out) {
        if (count < 1 || count > 4 || users.length < count || out.length < count)
            throw new IllegalArgumentException("count: must be 1..4 and fit users and out, was " + count);
        int n = itemBiases.length;
        for (int b = 0; b < count; b++) {
            if (users[b].length < k + 1) throw new IllegalArgumentException("users[" + b + "]: length < " + (k + 1));
            if (out[b].length < n) throw new IllegalArgumentException("out[" + b + "]: length < " + n);
        }
        if (count < 4) { // a partial block (the last one): one user at a time
            for (int b = 0; b < count; b++) scoreAll(users[b], withItemBias, out[b]);
            return;
        }
        float[] u0 = users[0], u1 = users[1], u2 = users[2], u3 = users[3];
        float[] o0 = out[0], o1 = out[1], o2 = out[2], o3 = out[3];
        for (int from = 0; from < n; from += TILE) {
            int to = Math.min(n, from + TILE);
            float b0 = u0[k], b1 = u1[k], b2 = u2[k], b3 = u3[k];
            for (int i = from; i < to; i++) {
                float ib = withItemBias ? itemBiases[i] : 0f;
                o0[i] = b0 + ib;
                o1[i] = b1 + ib;
                o2[i] = b2 + ib;
                o3[i] = b3 + ib;
            }
            int j = 0;
            // two components per pass: half the loads and stores of the score tiles; the sums are still formed
            // component by component, left to right, so the result stays bit-identical to scoreAll
            for (; j + 1 < k; j += 2) {
                float a0 = u0[j], a1 = u1[j], a2 = u2[j], a3 = u3[j];
                float c0 = u0[j + 1], c1 = u1[j + 1], c2 = u2[j + 1], c3 = u3[j + 1];
                int base = j * n, next = base + n;
                for (int i = from; i < to; i++) {
                    float t = itemT[base + i];
                    float v = itemT[next + i];
                    o0[i] = o0[i] + a0 * t + c0 * v;
                    o1[i] = o1[i] + a1 * t + c1 * v;
                    o2[i] = o2[i] + a2 * t + c2 * v;
                    o3[i] = o3[i] + a3 * t + c3 * v;
                }
            }
            for (; j < k; j++) {
                float a0 = u0[j], a1 = u1[j], a2 = u2[j], a3 = u3[j];
                int base = j * n;
                for (int i = from; i < to; i++) {
                    float t = itemT[base + i];
                    o0[i] += a0 * t;
                    o1[i] += a1 * t;
                    o2[i] += a2 * t;
                    o3[i] += a3 * t;
                }
            }
        }
    }

    /** Item ordinal's bias. */
    public float itemBias(int item) {
        return itemBiases[item];
    }

    /** A copy of the row-major item vectors ({@code itemCount * k}). */
    public float[] itemVectors() {
        return itemVectors.clone();
    }

    /** A copy of the item biases. */
    public float[] itemBiases() {
        return itemBiases.clone();
    }

    /** Copies item {@code item}'s vector into {@code out[0..k)}. */
    public void itemVector(int item, float[] out) {
        System.arraycopy(itemVectors, item * k, out, 0, k);
    }

    long ramBytesUsed() {
        return 48 + RamUsage.ints(itemVectors.length) + RamUsage.ints(itemT.length) + RamUsage.ints(itemBiases.length);
    }
}
