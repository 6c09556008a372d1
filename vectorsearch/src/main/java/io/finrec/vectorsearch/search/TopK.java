package io.finrec.vectorsearch.search;

import io.finrec.api.vector.SearchHit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A bounded min-heap of (score, ordinal) on primitive arrays: keeps the best {@code k} seen, allocation-free after
 * construction. "Better" means a higher score, ties broken by the lower ordinal, so results are deterministic.
 * Not thread-safe: one per query (reuse with {@link #reset}).
 */
public final class TopK {
    private final int capacity;
    private final float[] scores;
    private final int[] ords;
    private int size;

    /** A heap keeping the best {@code k}. */
    public TopK(int k) {
        if (k < 1) throw new IllegalArgumentException("k: must be >= 1, was " + k);
        this.capacity = k;
        this.scores = new float[k];
        this.ords = new int[k];
    }

    /** The {@code k} this heap keeps. */
    public int capacity() {
        return capacity;
    }

    /** Empties the heap. */
    public void reset() {
        size = 0;
    }

    /** Number held. */
    public int size() {
        return size;
    }

    /** Whether {@code k} are held. */
    public boolean isFull() {
        return size == capacity;
    }

    /**
     * The score a candidate must beat to enter: the worst kept score once full, {@code -Infinity} before. A candidate
     * with an equal score enters only with a lower ordinal (see {@link #offer}).
     */
    public float threshold() {
        return size == capacity ? scores[0] : Float.NEGATIVE_INFINITY;
    }

    /** Whether {@code (score, ord)} would enter the heap. */
    public boolean wouldAccept(float score, int ord) {
        return size < capacity || worse(scores[0], ords[0], score, ord);
    }

    /** Offers a candidate; returns whether it was kept. */
    public boolean offer(float score, int ord) {
        if (size < capacity) {
            int i = size++;
            scores[i] = score;
            ords[i] = ord;
            siftUp(i);
            return true;
        }
        if (!worse(scores[0], ords[0], score, ord)) return false;
        scores[0] = score;
        ords[0] = ord;
        siftDown(0);
        return true;
    }

    /** {@code (s1, o1)} ranks below {@code (s2, o2)}. */
    private static boolean worse(float s1, int o1, float s2, int o2) {
        return s1 < s2 || (s1 == s2 && o1 > o2);
    }

    private void siftUp(int i) {
        float s = scores[i];
        int o = ords[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!worse(s, o, scores[p], ords[p])) break;
            scores[i] = scores[p];
            ords[i] = ords[p];
            i = p;
        }
        scores[i] = s;
        ords[i] = o;
    }

    private void siftDown(int i) {
        float s = scores[i];
        int o = ords[i];
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            int r = c + 1;
            if (r < size && worse(scores[r], ords[r], scores[c], ords[c])) c = r;
            if (!worse(scores[c], ords[c], s, o)) break;
            scores[i] = scores[c];
            ords[i] = ords[c];
            i = c;
        }
        scores[i] = s;
        ords[i] = o;
    }

    /**
     * Drains the heap into {@code outOrds}/{@code outScores} best first; returns the count. The heap is empty after.
     */
    public int drainBestFirst(int[] outOrds, float[] outScores) {
        int n = size;
        for (int i = n - 1; i >= 0; i--) {
            outOrds[i] = ords[0];
            outScores[i] = scores[0];
            size--;
            if (size > 0) {
                scores[0] = scores[size];
                ords[0] = ords[size];
                siftDown(0);
            }
        }
        return n;
    }

    /** Drains into search hits, best first, mapping ordinals to ids and scores through {@code scoreMap}. */
    public List<SearchHit> drainHits(IntFunction<String> idOf, ScoreMap scoreMap) {
        int n = size;
        int[] o = new int[n];
        float[] s = new float[n];
        drainBestFirst(o, s);
        List<SearchHit> hits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) hits.add(new SearchHit(idOf.apply(o[i]), scoreMap.map(s[i])));
        return hits;
    }

    /** Turns an internal score into the score callers see (for example clamping cosine to [-1, 1]). */
    @FunctionalInterface
    public interface ScoreMap {
        /** The public score. */
        float map(float internal);
    }
}
