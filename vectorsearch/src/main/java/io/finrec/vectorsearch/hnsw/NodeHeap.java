package io.finrec.vectorsearch.hnsw;

/**
 * A growable binary max-heap of (score, node) on primitive arrays: the candidate queue of a graph search.
 * Not thread-safe: part of one thread's search scratch.
 */
final class NodeHeap {
    private float[] scores = new float[64];
    private int[] nodes = new int[64];
    private int size;

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    float topScore() {
        return scores[0];
    }

    int topNode() {
        return nodes[0];
    }

    void push(float score, int node) {
        if (size == scores.length) {
            scores = java.util.Arrays.copyOf(scores, size * 2);
            nodes = java.util.Arrays.copyOf(nodes, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (scores[p] >= score) break;
            scores[i] = scores[p];
            nodes[i] = nodes[p];
            i = p;
        }
        scores[i] = score;
        nodes[i] = node;
    }

    /** Removes the top; read it first with {@link #topScore()} / {@link #topNode()}. */
    void pop() {
        float s = scores[--size];
        int n = nodes[size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            if (c + 1 < size && scores[c + 1] > scores[c]) c++;
            if (scores[c] <= s) break;
            scores[i] = scores[c];
            nodes[i] = nodes[c];
            i = c;
        }
        scores[i] = s;
        nodes[i] = n;
    }
}
