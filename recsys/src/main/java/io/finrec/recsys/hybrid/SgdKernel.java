package io.finrec.recsys.hybrid;

import io.finrec.api.progress.ProgressListener;
import java.util.Arrays;

/**
 * The training inner loop: LightFM's update rules on primitive arrays. One instance holds the shared (Hogwild)
 * state of an epoch; {@link Worker}s, one per thread, own their scratch buffers and random stream, and process a
 * slice of the shuffled interactions without allocating.
 *
 * <p>Fast path: when the user, positive and negative rows are each exactly one feature of weight 1 (identity
 * features, the common case), representations are read in place from the embedding rows and one fused loop updates
 * all three, instead of LightFM's copy-into-buffer and three passes. Otherwise representations are summed into
 * per-thread buffers and every feature of every row is updated, component by component, as LightFM does.
 */
final class SgdKernel {
    static final float MAX_LOSS = 10f;

    final int k;
    final Loss loss;
    final boolean adadelta;
    final float lr;
    final float rho;
    final float eps;
    final float userAlpha;
    final float itemAlpha;
    final int maxSampled;
    final int kosK;
    final int kosN;
    final FeatureSpace users;
    final FeatureSpace items;
    final FactorParams up;
    final FactorParams ip;
    /** Every item each user interacted with (any value), sorted and distinct: never sampled as a negative. */
    final int[] knownPtr;
    final int[] knownItems;
    /** Positive items per user (sorted, distinct), for k-OS. */
    final int[] posPtr;
    final int[] posItems;
    /** Training interactions in model ordinals. */
    final int[] tu;
    final int[] ti;
    final float[] tv;
    final float[] tw;
    /** The epoch's shuffled copies (gathered once per epoch so workers read them sequentially). */
    final int[] eu;
    final int[] ei;
    final float[] ev;
    final float[] ew;
    final int nItems;
    /**
     * BPR's negative distribution, LightFM's "item of a uniformly drawn interaction", as a Walker alias table over
     * items (two small-array reads per draw instead of one random read in the interaction array).
     */
    final float[] aliasProb;
    final int[] alias;
    /** WARP's log-rank weights by number of negatives sampled. */
    final float[] warpWeight;
    final ProgressListener listener;
    volatile boolean cancelled;

    SgdKernel(HybridConfig c, FeatureSpace users, FeatureSpace items, FactorParams up, FactorParams ip,
              int[] knownPtr, int[] knownItems, int[] posPtr, int[] posItems, int[] tu, int[] ti, float[] tv,
              float[] tw, ProgressListener listener) {
        this.k = c.components();
        this.loss = c.loss();
        this.adadelta = c.schedule() == LearningSchedule.ADADELTA;
        this.lr = (float) c.learningRate();
        this.rho = (float) c.rho();
        this.eps = (float) c.epsilon();
        this.userAlpha = (float) c.userAlpha();
        this.itemAlpha = (float) c.itemAlpha();
        this.maxSampled = c.maxSampled();
        this.kosK = c.kosK();
        this.kosN = c.kosN();
        this.users = users;
        this.items = items;
        this.up = up;
        this.ip = ip;
        this.knownPtr = knownPtr;
        this.knownItems = knownItems;
        this.posPtr = posPtr;
        this.posItems = posItems;
        this.tu = tu;
        this.ti = ti;
        this.tv = tv;
        this.tw = tw;
        this.eu = new int[tu.length];
        this.ei = new int[tu.length];
        this.ev = new float[tu.length];
        this.ew = new float[tu.length];
        this.nItems = items.size();
        this.listener = listener;
        float[][] probOut = new float[1][];
        this.alias = loss == Loss.BPR ? aliasTable(ti, nItems, probOut) : new int[0];
        this.aliasProb = loss == Loss.BPR ? probOut[0] : new float[0];
        this.warpWeight = new float[maxSampled + 1];
        for (int s = 1; s <= maxSampled; s++)
            warpWeight[s] = (float) Math.log(Math.max(1.0, Math.floor((nItems - 1) / (double) s)));
    }

    /** Vose's alias method over item counts in {@code items}. */
    static int[] aliasTable(int[] items, int n, float[][] probOut) {
        double[] p = new double[n];
        for (int i : items) p[i] += 1;
        double scale = (double) n / items.length;
        int[] small = new int[n], large = new int[n];
        int ns = 0, nl = 0;
        for (int i = 0; i < n; i++) {
            p[i] *= scale;
            if (p[i] < 1) small[ns++] = i;
            else large[nl++] = i;
        }
        float[] prob = new float[n];
        int[] alias = new int[n];
        while (ns > 0 && nl > 0) {
            int s = small[--ns], l = large[--nl];
            prob[s] = (float) p[s];
            alias[s] = l;
            p[l] = (p[l] + p[s]) - 1;
            if (p[l] < 1) small[ns++] = l;
            else large[nl++] = l;
        }
        while (nl > 0) { int l = large[--nl]; prob[l] = 1f; alias[l] = l; }
        while (ns > 0) { int s = small[--ns]; prob[s] = 1f; alias[s] = s; }
        probOut[0] = prob;
        return alias;
    }

    /** Lays the interactions out in {@code order} for the next epoch. */
    void gather(int[] order) {
        for (int s = 0; s < order.length; s++) {
            int r = order[s];
            eu[s] = tu[r];
            ei[s] = ti[r];
            ev[s] = tv[r];
            ew[s] = tw[r];
        }
    }

    boolean known(int user, int item) {
        return Arrays.binarySearch(knownItems, knownPtr[user], knownPtr[user + 1], item) >= 0;
    }

    /** Per-thread state. Not thread-safe: one per thread. */
    final class Worker {
        private final float[] ub = new float[k + 1];
        private final float[] pb = new float[k + 1];
        private final float[] nb = new float[k + 1];
        private final float[] kosScore = new float[kosN];
        private final int[] kosItem = new int[kosN];
        private long rng;
        // current representations: array + offset + bias
        private float[] ua, pa, na;
        private int uo, po, no;
        private float ubias, pbias, nbias;

        Worker(long seed) {
            this.rng = seed;
        }

        private long next() {
            long z = (rng += 0x9e3779b97f4a7c15L);
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }

        private int nextInt(int bound) {
            return (int) (((next() >>> 32) * bound) >>> 32);
        }

        /** Processes positions {@code from..to)} of the epoch's gathered (shuffled) arrays. */
        void run(int from, int to) {
            for (int s = from; s < to; s++) {
                if ((s & 0x3fff) == 0 && (cancelled || (cancelled = listener.isCancelled()))) return;
                switch (loss) {
                    case WARP -> warp(s);
                    case BPR -> bpr(s);
                    case LOGISTIC -> logistic(s);
                    case WARP_KOS -> kos(s);
                }
            }
        }

        private void userRepr(int u) {
            int d = users.direct[u];
            if (d >= 0) {
                ua = up.emb;
                uo = d * k;
                ubias = up.bias[d];
            } else {
                represent(users, up, u, ub);
                ua = ub;
                uo = 0;
                ubias = ub[k];
            }
        }

        private void posRepr(int i) {
            int d = items.direct[i];
            if (d >= 0) {
                pa = ip.emb;
                po = d * k;
                pbias = ip.bias[d];
            } else {
                represent(items, ip, i, pb);
                pa = pb;
                po = 0;
                pbias = pb[k];
            }
        }

        private void negRepr(int i) {
            int d = items.direct[i];
            if (d >= 0) {
                na = ip.emb;
                no = d * k;
                nbias = ip.bias[d];
            } else {
                represent(items, ip, i, nb);
                na = nb;
                no = 0;
                nbias = nb[k];
            }
        }

        private void warp(int r) {
            if (!(ev[r] > 0)) return;
            int u = eu[r];
            int p = ei[r];
            userRepr(u);
            posRepr(p);
            float pos = pbias + dot(ua, uo, pa, po, k);
            warpStep(u, p, pos, ew[r]);
        }

        /** Samples negatives until one violates the margin, then takes a weighted pairwise step. */
        private void warpStep(int u, int p, float pos, float weight) {
            for (int sampled = 1; sampled <= maxSampled; sampled++) {
                int n = nextInt(nItems);
                negRepr(n);
                float neg = nbias + dot(ua, uo, na, no, k);
                if (neg > pos - 1f) {
                    if (known(u, n)) continue;
                    float l = weight * warpWeight[sampled];
                    pairUpdate(Math.min(l, MAX_LOSS), u, p, n);
                    return;
                }
            }
        }

        private void bpr(int r) {
            if (!(ev[r] > 0)) return;
            int u = eu[r];
            int p = ei[r];
            int nEx = ti.length;
            int n = p;
            for (int j = 0; j < nEx; j++) {
                long z = next();
                int c = (int) (((z >>> 32) * nItems) >>> 32);
                n = (z & 0xffffff) < aliasProb[c] * 16777216f ? c : alias[c];
                if (!known(u, n)) break;
            }
            userRepr(u);
            posRepr(p);
            negRepr(n);
            float pos = pbias + dot(ua, uo, pa, po, k);
            float neg = nbias + dot(ua, uo, na, no, k);
            float l = ew[r] * (1f - sigmoid(pos - neg));
            pairUpdate(l, u, p, n);
        }

        private void kos(int r) {
            if (!(ev[r] > 0)) return;
            int u = eu[r];
            int start = posPtr[u];
            int count = posPtr[u + 1] - start;
            if (count == 0) return;
            userRepr(u);
            int m = Math.min(kosN, count);
            for (int j = 0; j < m; j++) {
                int it = posItems[start + nextInt(count)];
                posRepr(it);
                float s = pbias + dot(ua, uo, pa, po, k);
                // insertion into a descending list
                int q = j;
                while (q > 0 && kosScore[q - 1] < s) {
                    kosScore[q] = kosScore[q - 1];
                    kosItem[q] = kosItem[q - 1];
                    q--;
                }
                kosScore[q] = s;
                kosItem[q] = it;
            }
            int pick = Math.min(kosK, m) - 1;
            int p = kosItem[pick];
            posRepr(p);
            warpStep(u, p, kosScore[pick], 1f);
        }

        private void logistic(int r) {
            int u = eu[r];
            int i = ei[r];
            userRepr(u);
            posRepr(i);
            float pred = ubias + pbias + dot(ua, uo, pa, po, k);
            float y = ev[r] > 0 ? 1f : 0f;
            float l = ew[r] * (sigmoid(pred) - y);
            // gradient of the log-loss: d/d item = l * user, d/d user = l * item, d/d biases = l
            int iS = items.rowPtr[i], iE = items.rowPtr[i + 1];
            int uS = users.rowPtr[u], uE = users.rowPtr[u + 1];
            for (int q = iS; q < iE; q++) stepBias(ip, items.rowFeat[q], l * items.rowW[q], itemAlpha);
            for (int q = uS; q < uE; q++) stepBias(up, users.rowFeat[q], l * users.rowW[q], userAlpha);
            for (int j = 0; j < k; j++) {
                float uj = ua[uo + j];
                float ij = pa[po + j];
                for (int q = iS; q < iE; q++)
                    step(ip, items.rowFeat[q] * k + j, l * uj * items.rowW[q], itemAlpha);
                for (int q = uS; q < uE; q++)
                    step(up, users.rowFeat[q] * k + j, l * ij * users.rowW[q], userAlpha);
            }
        }

        /** Test hook: one pairwise step on (user, positive, negative) with representations taken now. */
        void pairStep(float l, int u, int p, int n) {
            userRepr(u);
            posRepr(p);
            negRepr(n);
            pairUpdate(l, u, p, n);
        }

        /**
         * One pairwise step of size {@code l} on (user, positive, negative) for the hinge/logistic pair loss:
         * d/d pos = -l * user, d/d neg = l * user, d/d user = l * (neg - pos), d/d pos bias = -l, d/d neg bias = l.
         * The user bias has zero gradient in a pairwise loss and is left alone (LightFM moves it by {@code l}).
         */
        private void pairUpdate(float l, int u, int p, int n) {
            int dU = users.direct[u], dP = items.direct[p], dN = items.direct[n];
            if (dU >= 0 && dP >= 0 && dN >= 0 && !adadelta && userAlpha == 0f && itemAlpha == 0f) {
                fastAdagrad(l, dU * k, dP, dN);
                return;
            }
            int pS = items.rowPtr[p], pE = items.rowPtr[p + 1];
            int nS = items.rowPtr[n], nE = items.rowPtr[n + 1];
            int uS = users.rowPtr[u], uE = users.rowPtr[u + 1];
            for (int q = pS; q < pE; q++) stepBias(ip, items.rowFeat[q], -l * items.rowW[q], itemAlpha);
            for (int q = nS; q < nE; q++) stepBias(ip, items.rowFeat[q], l * items.rowW[q], itemAlpha);
            for (int j = 0; j < k; j++) {
                float uj = ua[uo + j];
                float pj = pa[po + j];
                float nj = na[no + j];
                for (int q = pS; q < pE; q++)
                    step(ip, items.rowFeat[q] * k + j, -l * uj * items.rowW[q], itemAlpha);
                for (int q = nS; q < nE; q++)
                    step(ip, items.rowFeat[q] * k + j, l * uj * items.rowW[q], itemAlpha);
                float gu = l * (nj - pj);
                for (int q = uS; q < uE; q++)
                    step(up, users.rowFeat[q] * k + j, gu * users.rowW[q], userAlpha);
            }
        }

        /**
         * The identity-feature AdaGrad step without regularisation: one fused pass over the components updating the
         * user, positive and negative rows in place (each component's pre-update values are read first).
         */
        private void fastAdagrad(float l, int uOff, int pF, int nF) {
            final float[] ie = ip.emb, ia = ip.acc, ue = up.emb, uacc = up.acc;
            final float rate = lr;
            final int pOff = pF * k, nOff = nF * k;
            float a = ip.accBias[pF];
            ip.bias[pF] += rate / (float) Math.sqrt(a) * l;
            ip.accBias[pF] = a + l * l;
            a = ip.accBias[nF];
            ip.bias[nF] -= rate / (float) Math.sqrt(a) * l;
            ip.accBias[nF] = a + l * l;
            for (int j = 0; j < k; j++) {
                float uj = ue[uOff + j];
                float pj = ie[pOff + j];
                float nj = ie[nOff + j];
                float gp = -l * uj;
                float gn = l * uj;
                float gu = l * (nj - pj);
                float ap = ia[pOff + j];
                ie[pOff + j] = pj - rate / (float) Math.sqrt(ap) * gp;
                ia[pOff + j] = ap + gp * gp;
                float an = ia[nOff + j];
                ie[nOff + j] = nj - rate / (float) Math.sqrt(an) * gn;
                ia[nOff + j] = an + gn * gn;
                float au = uacc[uOff + j];
                ue[uOff + j] = uj - rate / (float) Math.sqrt(au) * gu;
                uacc[uOff + j] = au + gu * gu;
            }
        }

    }

    /** One schedule step on embedding element {@code idx} with gradient {@code g} (plus L2 {@code alpha * w}). */
    private void step(FactorParams fp, int idx, float g, float alpha) {
        float[] w = fp.emb;
        if (alpha != 0f) g += alpha * w[idx];
        if (adadelta) {
            float a = rho * fp.acc[idx] + (1 - rho) * g * g;
            fp.acc[idx] = a;
            float rate = (float) Math.sqrt(fp.mom[idx] + eps) / (float) Math.sqrt(a + eps);
            float upd = rate * g;
            fp.mom[idx] = rho * fp.mom[idx] + (1 - rho) * upd * upd;
            w[idx] -= upd;
        } else {
            float a = fp.acc[idx];
            w[idx] -= lr / (float) Math.sqrt(a) * g;
            fp.acc[idx] = a + g * g;
        }
    }

    /** One schedule step on bias {@code f}. */
    private void stepBias(FactorParams fp, int f, float g, float alpha) {
        float[] b = fp.bias;
        if (alpha != 0f) g += alpha * b[f];
        if (adadelta) {
            float a = rho * fp.accBias[f] + (1 - rho) * g * g;
            fp.accBias[f] = a;
            float rate = (float) Math.sqrt(fp.momBias[f] + eps) / (float) Math.sqrt(a + eps);
            float upd = rate * g;
            fp.momBias[f] = rho * fp.momBias[f] + (1 - rho) * upd * upd;
            b[f] -= upd;
        } else {
            float a = fp.accBias[f];
            b[f] -= lr / (float) Math.sqrt(a) * g;
            fp.accBias[f] = a + g * g;
        }
    }

    /** Sums the weighted embeddings and biases of entity {@code e}'s features into {@code out[0..k]}. */
    static void represent(FeatureSpace space, FactorParams fp, int e, float[] out) {
        int k = fp.k;
        Arrays.fill(out, 0, k + 1, 0f);
        for (int q = space.rowPtr[e]; q < space.rowPtr[e + 1]; q++) {
            int f = space.rowFeat[q];
            float w = space.rowW[q];
            int off = f * k;
            for (int j = 0; j < k; j++) out[j] += w * fp.emb[off + j];
            out[k] += w * fp.bias[f];
        }
    }

    /** Dot product with four accumulators (training only; serving uses {@link ScoringKernel}'s fixed order). */
    static float dot(float[] a, int ao, float[] b, int bo, int k) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 3 < k; j += 4) {
            s0 += a[ao + j] * b[bo + j];
            s1 += a[ao + j + 1] * b[bo + j + 1];
            s2 += a[ao + j + 2] * b[bo + j + 2];
            s3 += a[ao + j + 3] * b[bo + j + 3];
        }
        for (; j < k; j++) s0 += a[ao + j] * b[bo + j];
        return (s0 + s1) + (s2 + s3);
    }

    static float sigmoid(float v) {
        return (float) (1.0 / (1.0 + Math.exp(-v)));
    }
}
