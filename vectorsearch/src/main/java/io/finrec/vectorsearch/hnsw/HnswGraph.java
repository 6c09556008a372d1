package io.finrec.vectorsearch.hnsw;

import java.util.Arrays;

/**
 * The layered neighbour lists of an HNSW index. Level 0 lives in pages of fixed-stride {@code int} records
 * ({@code [count, n1..n2M]}) with a parallel page of scores; the few nodes above level 0 own a small array for their
 * upper levels. Lists are sorted by score, best first.
 *
 * <p><b>Thread safety:</b> lists are changed under a per-node lock stripe and read without locks. A reader may see a
 * list in the middle of a change (an entry twice, or one missing) but every entry it reads is a node id that was
 * valid when written, which is all a search needs; readers skip nodes beyond their view of the vector store.
 * Capacity grows under the graph's monitor before new nodes are published.
 */
final class HnswGraph {
    static final int PAGE_BITS = 12;
    static final int PAGE_MASK = (1 << PAGE_BITS) - 1;
    static final int MAX_LEVEL = 15;

    final int m;
    final int m0;
    final int stride0;
    private final Object[] locks = new Object[1024];
    volatile int[][] links0 = new int[0][];
    volatile float[][] scores0 = new float[0][];
    volatile byte[] levels = new byte[0];
    volatile int[][] upperLinks = new int[0][];
    volatile float[][] upperScores = new float[0][];
    /** Entry point: {@code level << 32 | node}, or -1 when the graph is empty. */
    volatile long entry = -1;

    HnswGraph(int m) {
        this.m = m;
        this.m0 = 2 * m;
        this.stride0 = 1 + m0;
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
    }

    Object lock(int node) {
        return locks[node & (locks.length - 1)];
    }

    /** Makes room for nodes {@code < n}. */
    synchronized void ensureCapacity(int n) {
        int pages = (n + PAGE_MASK) >>> PAGE_BITS;
        if (pages > links0.length) {
            int[][] l = Arrays.copyOf(links0, pages);
            float[][] s = Arrays.copyOf(scores0, pages);
            for (int i = links0.length; i < pages; i++) {
                l[i] = new int[stride0 << PAGE_BITS];
                s[i] = new float[stride0 << PAGE_BITS];
            }
            scores0 = s;
            links0 = l;
        }
        if (n > levels.length) {
            int cap = Math.max(n, levels.length + (levels.length >> 1) + 64);
            upperScores = Arrays.copyOf(upperScores, cap);
            upperLinks = Arrays.copyOf(upperLinks, cap);
            levels = Arrays.copyOf(levels, cap);
        }
    }

    /** Sets a new node's level and allocates its upper lists (before the node is linked anywhere). */
    void initNode(int node, int level) {
        if (level > 0) {
            upperScores[node] = new float[level * (1 + m)];
            upperLinks[node] = new int[level * (1 + m)];
        }
        levels[node] = (byte) level;
    }

    int level(int node) {
        return levels[node];
    }

    /** Array holding the node's list at {@code level}; the list starts at {@link #offset}. */
    int[] linkArray(int node, int level) {
        return level == 0 ? links0[node >>> PAGE_BITS] : upperLinks[node];
    }

    float[] scoreArray(int node, int level) {
        return level == 0 ? scores0[node >>> PAGE_BITS] : upperScores[node];
    }

    int offset(int node, int level) {
        return level == 0 ? (node & PAGE_MASK) * stride0 : (level - 1) * (1 + m);
    }

    int maxSize(int level) {
        return level == 0 ? m0 : m;
    }

    /** Estimated heap bytes. */
    long ramBytesUsed() {
        long b = 256 + 8L * locks.length + 16L * locks.length;
        int[][] l = links0;
        b += 2 * (16 + 8L * l.length) + 2L * l.length * (16 + 4L * (stride0 << PAGE_BITS));
        b += 16 + levels.length;
        int[][] u = upperLinks;
        b += 2 * (16 + 8L * u.length);
        for (int[] a : u) if (a != null) b += 2 * (16 + 4L * a.length);
        return b;
    }
}
