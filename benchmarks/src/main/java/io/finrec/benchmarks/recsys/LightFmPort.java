package io.finrec.benchmarks.recsys;

import io.finrec.api.recommend.Interactions;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The baseline of the epoch benchmarks: a line-by-line Java port of LightFM 1.17's Cython training loop
 * ({@code fit_warp} / {@code fit_bpr} in {@code _lightfm_fast.pyx.template}) for identity feature matrices —
 * representations copied from CSR feature rows into buffers for every user, positive and negative, predictions in
 * float, per-component {@code update_features} passes in double, the user bias moved by the loss, a binary-search
 * positives lookup, one sample at a time over a shuffled index array. It exists so FinRec's kernel can be compared
 * with LightFM's algorithm structure in the same JMH run on the same (noisy, shared) machine. Single-threaded.
 * Not thread-safe.
 */
final class LightFmPort {
    private final int k;
    private final int nUsers;
    private final int nItems;
    private final float lr = 0.05f;
    private final int maxSampled = 10;
    // identity CSR feature matrices (indptr / indices / data), as LightFM builds them
    private final int[] uPtr, uIdx, iPtr, iIdx;
    private final float[] uData, iData;
    private final float[] itemEmb, itemEmbGrad, itemBias, itemBiasGrad;
    private final float[] userEmb, userEmbGrad, userBias, userBiasGrad;
    private final int[] rowIds, colIds;
    private final float[] y, weight;
    private final int[] lookupPtr, lookupIdx;
    private final int[] shuffle;
    private final SplittableRandom rng;
    private long randState;

    LightFmPort(Interactions data, int k, long seed) {
        this.k = k;
        this.nUsers = data.userCount();
        this.nItems = data.itemCount();
        uPtr = identityPtr(nUsers);
        uIdx = identityIdx(nUsers);
        uData = ones(nUsers);
        iPtr = identityPtr(nItems);
        iIdx = identityIdx(nItems);
        iData = ones(nItems);
        rng = new SplittableRandom(seed);
        itemEmb = init(nItems * k);
        userEmb = init(nUsers * k);
        itemEmbGrad = ones(nItems * k);
        userEmbGrad = ones(nUsers * k);
        itemBias = new float[nItems];
        userBias = new float[nUsers];
        itemBiasGrad = ones(nItems);
        userBiasGrad = ones(nUsers);
        rowIds = data.userArray();
        colIds = data.itemArray();
        y = data.valueArray();
        weight = data.weightArray();
        long[] keys = new long[rowIds.length];
        for (int r = 0; r < keys.length; r++) keys[r] = ((long) rowIds[r] << 32) | colIds[r];
        Arrays.sort(keys);
        lookupPtr = new int[nUsers + 1];
        lookupIdx = new int[keys.length];
        for (int r = 0; r < keys.length; r++) {
            lookupIdx[r] = (int) keys[r];
            lookupPtr[(int) (keys[r] >>> 32) + 1]++;
        }
        for (int u = 0; u < nUsers; u++) lookupPtr[u + 1] += lookupPtr[u];
        shuffle = new int[rowIds.length];
        randState = seed;
    }

    private float[] init(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) ((rng.nextDouble() - 0.5) / k);
        return a;
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        Arrays.fill(a, 1f);
        return a;
    }

    private static int[] identityPtr(int n) {
        int[] p = new int[n + 1];
        for (int i = 0; i <= n; i++) p[i] = i;
        return p;
    }

    private static int[] identityIdx(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }

    /** musl's rand_r as LightFM uses it. */
    private int randR() {
        randState = (randState * 1103515245L + 12345L) & 0xffffffffL;
        long x = randState;
        x ^= x >>> 11;
        x ^= (x << 7) & 0x9D2C5680L;
        x ^= (x << 15) & 0xEFC60000L;
        x ^= x >>> 18;
        return (int) ((x & 0xffffffffL) >>> 1);
    }

    private void shuffle() {
        for (int i = 0; i < shuffle.length; i++) shuffle[i] = i;
        for (int i = shuffle.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = shuffle[i];
            shuffle[i] = shuffle[j];
            shuffle[j] = t;
        }
    }

    private boolean inPositives(int item, int user) {
        return Arrays.binarySearch(lookupIdx, lookupPtr[user], lookupPtr[user + 1], item) >= 0;
    }

    private void computeRepresentation(int[] ptr, int[] idx, float[] data, float[] emb, float[] bias, int row,
                                       float[] out) {
        Arrays.fill(out, 0f);
        for (int i = ptr[row]; i < ptr[row + 1]; i++) {
            int f = idx[i];
            float w = data[i]; // scale == 1 without regularisation
            for (int j = 0; j < k; j++) out[j] += w * emb[f * k + j];
            out[k] += w * bias[f];
        }
    }

    private float predict(float[] u, float[] it) {
        float r = u[k] + it[k];
        for (int i = 0; i < k; i++) r += u[i] * it[i];
        return r;
    }

    private void updateBiases(int[] ptr, int[] idx, float[] data, int row, float[] biases, float[] grads,
                              double gradient) {
        for (int i = ptr[row]; i < ptr[row + 1]; i++) {
            int f = idx[i];
            double w = data[i];
            double local = lr / Math.sqrt(grads[f]);
            biases[f] -= (float) (local * w * gradient);
            grads[f] += (float) ((gradient * w) * (gradient * w));
        }
    }

    private void updateFeatures(int[] ptr, int[] idx, float[] data, int row, float[] emb, float[] grads,
                                int component, double gradient) {
        for (int i = ptr[row]; i < ptr[row + 1]; i++) {
            int f = idx[i];
            double w = data[i];
            int x = f * k + component;
            double local = lr / Math.sqrt(grads[x]);
            emb[x] -= (float) (local * w * gradient);
            grads[x] += (float) ((gradient * w) * (gradient * w));
        }
    }

    private void warpUpdate(double loss, int user, int pos, int neg, float[] ur, float[] pr, float[] nr) {
        updateBiases(iPtr, iIdx, iData, pos, itemBias, itemBiasGrad, -loss);
        updateBiases(iPtr, iIdx, iData, neg, itemBias, itemBiasGrad, loss);
        updateBiases(uPtr, uIdx, uData, user, userBias, userBiasGrad, loss);
        for (int i = 0; i < k; i++) {
            float uc = ur[i], pc = pr[i], nc = nr[i];
            updateFeatures(iPtr, iIdx, iData, pos, itemEmb, itemEmbGrad, i, -loss * uc);
            updateFeatures(iPtr, iIdx, iData, neg, itemEmb, itemEmbGrad, i, loss * uc);
            updateFeatures(uPtr, uIdx, uData, user, userEmb, userEmbGrad, i, loss * (nc - pc));
        }
    }

    /** One epoch of {@code fit_warp}. */
    void warpEpoch() {
        shuffle();
        float[] ur = new float[k + 1], pr = new float[k + 1], nr = new float[k + 1];
        for (int s = 0; s < shuffle.length; s++) {
            int row = shuffle[s];
            int user = rowIds[row], pos = colIds[row];
            if (!(y[row] > 0)) continue;
            float w = weight[row];
            computeRepresentation(uPtr, uIdx, uData, userEmb, userBias, user, ur);
            computeRepresentation(iPtr, iIdx, iData, itemEmb, itemBias, pos, pr);
            double posPred = predict(ur, pr);
            int sampled = 0;
            while (sampled < maxSampled) {
                sampled++;
                int neg = randR() % nItems;
                computeRepresentation(iPtr, iIdx, iData, itemEmb, itemBias, neg, nr);
                double negPred = predict(ur, nr);
                if (negPred > posPred - 1) {
                    if (inPositives(neg, user)) continue;
                    double loss = w * Math.log(Math.max(1.0, Math.floor((nItems - 1) / (double) sampled)));
                    if (loss > 10.0) loss = 10.0;
                    warpUpdate(loss, user, pos, neg, ur, pr, nr);
                    break;
                }
            }
        }
    }

    /** One epoch of {@code fit_bpr}. */
    void bprEpoch() {
        shuffle();
        float[] ur = new float[k + 1], pr = new float[k + 1], nr = new float[k + 1];
        int n = shuffle.length;
        for (int s = 0; s < n; s++) {
            int row = shuffle[s];
            if (!(y[row] > 0)) continue;
            float w = weight[row];
            int user = rowIds[row], pos = colIds[row];
            int neg = 0;
            for (int j = 0; j < n; j++) {
                neg = colIds[randR() % n];
                if (!inPositives(neg, user)) break;
            }
            computeRepresentation(uPtr, uIdx, uData, userEmb, userBias, user, ur);
            computeRepresentation(iPtr, iIdx, iData, itemEmb, itemBias, pos, pr);
            computeRepresentation(iPtr, iIdx, iData, itemEmb, itemBias, neg, nr);
            float posPred = predict(ur, pr);
            float negPred = predict(ur, nr);
            double loss = w * (1.0 - 1.0 / (1.0 + Math.exp(-(posPred - negPred))));
            warpUpdate(loss, user, pos, neg, ur, pr, nr);
        }
    }

    /** A checksum of the item embeddings (for the benchmark's sanity check). */
    double checksum() {
        double s = 0;
        for (float v : itemEmb) s += v;
        return s;
    }
}
