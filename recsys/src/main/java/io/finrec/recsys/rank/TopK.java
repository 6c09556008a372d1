package io.finrec.recsys.rank;

import io.finrec.api.recommend.RecommendedItem;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded min-heap of the {@code k} best (item ordinal, score) pairs on primitive arrays: offering an item costs
 * O(1) when it does not beat the current k-th score and O(log k) when it does, and nothing is allocated after
 * construction. Ties are broken by the lower ordinal, so rankings are deterministic. Reusable via {@link #reset}.
 * Not thread-safe: one per thread.
 */
public final class TopK {
    private final int capacity;
    private final int[] items;
    private final float[] scores;
    private int size;

    /** A heap keeping the best {@code k} entries. */
    public TopK(int k) {
        if (k < 1) throw new IllegalArgumentException("k: must be >= 1, was " + k);
        this.capacity = k;
        this.items = new int[k];
        this.scores = new float[k];
    }

    /** Capacity {@code k}. */
    public int capacity() {
        return capacity;
    }

    /** Entries held. */
    public int size() {
        return size;
    }

    /** Empties the heap. */
    public void reset() {
        size = 0;
    }

    /** Whether an item with this score and ordinal would enter the heap now (so a costly filter can run first). */
    public boolean wouldAccept(float score, int item) {
        return size < capacity || better(score, item, scores[0], items[0]);
    }

    /** Offers an entry; NaN scores are ignored. */
    public void offer(int item, float score) {
        if (Float.isNaN(score)) return;
        if (size < capacity) {
            int i = size++;
            items[i] = item;
            scores[i] = score;
            siftUp(i);
        } else if (better(score, item, scores[0], items[0])) {
            items[0] = item;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** The worst score held (the admission threshold once full). */
    public float minScore() {
        return size == 0 ? Float.NEGATIVE_INFINITY : scores[0];
    }

    /**
     * Drains the heap best-first into {@code outItems}/{@code outScores} (each at least {@link #size()} long) and
     * returns the count; the heap is empty afterwards.
     */
    public int drainTo(int[] outItems, float[] outScores) {
        int n = size;
        for (int i = n - 1; i >= 0; i--) {
            outItems[i] = items[0];
            outScores[i] = scores[0];
            size--;
            if (size > 0) {
                items[0] = items[size];
                scores[0] = scores[size];
                siftDown(0);
            }
        }
        return n;
    }

    /** Drains best-first into recommended items named by {@code ids}. */
    public List<RecommendedItem> drain(List<String> ids) {
        int n = size;
        int[] it = new int[n];
        float[] sc = new float[n];
        drainTo(it, sc);
        List<RecommendedItem> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new RecommendedItem(ids.get(it[i]), sc[i]));
        return out;
    }

    /** Whether (s1, i1) ranks above (s2, i2): higher score, then lower ordinal. */
    static boolean better(float s1, int i1, float s2, int i2) {
        return s1 > s2 || (s1 == s2 && i1 < i2);
    }

    private void siftUp(int i) {
        int it = items[i];
        float sc = scores[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!better(scores[p], items[p], sc, it)) break; // parent is worse or equal: stop (min-heap of "worst")
            items[i] = items[p];
            scores[i] = scores[p];
            i = p;
        }
        items[i] = it;
        scores[i] = sc;
    }

    private void siftDown(int i) {
        int it = items[i];
        float sc = scores[i];
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            int r = c + 1;
            if (r < size && better(scores[c], items[c], scores[r], items[r])) c = r;
            if (!better(sc, it, scores[c], items[c])) break;
            items[i] = items[c];
            scores[i] = scores[c];
            i = c;
        }
        items[i] = it;
        scores[i] = sc;
    }
}
