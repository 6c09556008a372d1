package io.finrec.vectorsearch.flat;

import io.finrec.vectorsearch.math.Kernels;
import io.finrec.vectorsearch.math.VectorMath;
import io.finrec.vectorsearch.quant.Int8Codes;
import io.finrec.vectorsearch.quant.Int8Query;
import io.finrec.vectorsearch.search.OrdinalFilter;
import io.finrec.vectorsearch.search.TopK;
import io.finrec.vectorsearch.storage.VectorStore;
import java.util.Arrays;

/**
 * The exact flat search over int8 codes: one pass over the codes computes each vector's approximate score with a
 * rigorous error bound, keeping a top-k heap of lower bounds and every vector whose upper bound reaches the heap's
 * threshold; then the survivors are scored on their float vectors in decreasing order of upper bound until no
 * remaining upper bound can enter the exact top-k. A vector left out has an upper bound below {@code k} lower bounds,
 * so the result is the float scan's result, score for score (ties included). Vectors not yet coded (appended after
 * the last code sync) are scored on floats directly. One instance per query; not thread-safe.
 */
final class Int8Scan {
    /** Vectors scored per kernel call. */
    private static final int BLOCK = 128;

    private final VectorStore.View view;
    private final float[] q;
    private final float qn;
    private final boolean l2;
    private final OrdinalFilter filter;
    private final int k;
    private int[] candOrd = new int[256];
    private float[] candHi = new float[256];
    private int candCount;

    Int8Scan(VectorStore.View view, float[] q, float qn, boolean l2, OrdinalFilter filter, int k) {
        this.view = view;
        this.q = q;
        this.qn = qn;
        this.l2 = l2;
        this.filter = filter;
        this.k = k;
    }

    /**
     * Searches ordinals {@code [0, view.count)} into {@code exact}; returns how many coded vectors were re-scored on
     * floats (the cost of staying exact; tests check it stays a small share).
     */
    int search(Int8Codes codes, TopK exact) {
        int coded = Math.min(codes.count(), view.count);
        float[] errs = codes.errors(); // after count()
        Int8Query pq = codes.quantizer().prepare(q, new int[view.dimension()]);
        TopK lower = new TopK(k);
        scanCodes(codes, errs, pq, coded, lower);
        for (int ord = coded; ord < view.count; ord++) {
            if (view.isLive(ord) && (filter == null || filter.accept(ord))) exact.offer(view.score(q, qn, ord), ord);
        }
        return rerank(lower.threshold(), exact);
    }

    private void scanCodes(Int8Codes codes, float[] errs, Int8Query pq, int coded, TopK lower) {
        Kernels kern = VectorMath.KERNELS;
        int dim = view.dimension();
        int[] qc = pq.codes();
        int[] dots = new int[BLOCK];
        float offset = pq.offset(), scale = pq.scale();
        float maxBound = pq.bound(codes.maxErrA(), codes.maxErrB());
        float thr = Float.NEGATIVE_INFINITY;
        int pageSize = codes.pageSize();
        for (int o = 0; o < coded; ) {
            int pageEnd = (int) Math.min(coded, ((long) o / pageSize + 1) * pageSize);
            int nb = Math.min(BLOCK, pageEnd - o);
            kern.dotInt8Rows(qc, codes.page(o), codes.offset(o), nb, dim, dots);
            for (int j = 0; j < nb; j++) {
                float a = offset + scale * dots[j];
                int ord = o + j;
                float lo, hi;
                if (!l2) {
                    if (a + maxBound < thr) continue;
                    float b = pq.bound(errs[2 * ord], errs[2 * ord + 1]);
                    hi = a + b;
                    lo = a - b;
                } else {
                    float norm = view.normSquared(ord);
                    float b = pq.bound(errs[2 * ord], errs[2 * ord + 1]);
                    float base = 2 * a - qn - norm;
                    float slack = 2 * b + 1e-6f * (Math.abs(2 * a) + 2 * b + qn + norm);
                    hi = base + slack;
                    lo = base - slack;
                }
                if (hi < thr || !view.isLive(ord) || (filter != null && !filter.accept(ord))) continue;
                if (lower.offer(lo, ord)) thr = lower.threshold();
                addCandidate(ord, hi, thr);
            }
            o += nb;
        }
    }

    private void addCandidate(int ord, float hi, float thr) {
        if (candCount == candOrd.length) {
            int kept = 0; // drop candidates the threshold has overtaken, grow if that frees too little
            for (int i = 0; i < candCount; i++) {
                if (candHi[i] >= thr) {
                    candOrd[kept] = candOrd[i];
                    candHi[kept++] = candHi[i];
                }
            }
            candCount = kept;
            if (kept > candOrd.length / 2) {
                candOrd = Arrays.copyOf(candOrd, candOrd.length * 2);
                candHi = Arrays.copyOf(candHi, candHi.length * 2);
            }
        }
        candOrd[candCount] = ord;
        candHi[candCount++] = hi;
    }

    /**
     * Scores the candidates reaching {@code thr} on floats, best upper bound first, while one could still enter;
     * returns how many it scored.
     */
    private int rerank(float thr, TopK exact) {
        long[] keys = new long[candCount];
        int n = 0;
        for (int i = 0; i < candCount; i++) {
            if (candHi[i] < thr) continue;
            int bits = Float.floatToRawIntBits(candHi[i]);
            keys[n++] = ((long) (bits ^ ((bits >> 31) & 0x7fffffff)) << 32) | (candOrd[i] & 0xffffffffL);
        }
        Arrays.sort(keys, 0, n);
        int scored = 0;
        for (int i = n - 1; i >= 0; i--) {
            int b = (int) (keys[i] >> 32);
            float hi = Float.intBitsToFloat(b ^ ((b >> 31) & 0x7fffffff));
            if (exact.isFull() && hi < exact.threshold()) break;
            int ord = (int) keys[i];
            exact.offer(view.score(q, qn, ord), ord);
            scored++;
        }
        return scored;
    }
}
