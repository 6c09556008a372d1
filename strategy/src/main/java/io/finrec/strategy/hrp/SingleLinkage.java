package io.finrec.strategy.hrp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Single-linkage agglomerative clustering producing SciPy's linkage matrix, with SciPy's conventions so that the
 * tree (and the HRP weights built on it) match {@code scipy.cluster.hierarchy.linkage(..., "single")} exactly:
 * Prim's minimum spanning tree from point 0 (ties go to the lowest index), merges sorted stably by distance,
 * cluster ids relabelled with a union-find (leaves 0..n-1, the cluster made by row i gets id n+i, the smaller id
 * first). Stateless and thread-safe.
 */
public final class SingleLinkage {
    private SingleLinkage() {}

    /**
     * The linkage matrix of a symmetric distance matrix: row i = {left id, right id, distance, size}.
     */
    public static double[][] linkage(double[][] dist) {
        Objects.requireNonNull(dist, "dist");
        int n = dist.length;
        if (n < 2) throw new IllegalArgumentException("dist: need at least two points, got " + n);
        for (int i = 0; i < n; i++) {
            if (dist[i].length != n) throw new IllegalArgumentException("dist: row " + i + " has " + dist[i].length + " entries, expected " + n);
            for (int j = 0; j < n; j++)
                if (!Double.isFinite(dist[i][j])) throw new IllegalArgumentException("dist: entry (" + i + ", " + j + ") is not finite");
        }
        double[][] z = new double[n - 1][4];
        boolean[] merged = new boolean[n];
        double[] d = new double[n];
        Arrays.fill(d, Double.POSITIVE_INFINITY);
        int x = 0;
        for (int k = 0; k < n - 1; k++) {
            double best = Double.POSITIVE_INFINITY;
            int y = -1;
            merged[x] = true;
            for (int i = 0; i < n; i++) {
                if (merged[i]) continue;
                double v = dist[Math.min(x, i)][Math.max(x, i)];
                if (d[i] > v) d[i] = v;
                if (d[i] < best) {
                    y = i;
                    best = d[i];
                }
            }
            z[k][0] = x;
            z[k][1] = y;
            z[k][2] = best;
            x = y;
        }
        // stable sort by distance (mergesort, as SciPy)
        Integer[] order = new Integer[n - 1];
        for (int i = 0; i < n - 1; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(z[a][2], z[b][2]));
        double[][] sorted = new double[n - 1][];
        for (int i = 0; i < n - 1; i++) sorted[i] = z[order[i]].clone();
        // relabel with union-find
        int[] parent = new int[2 * n - 1];
        int[] size = new int[2 * n - 1];
        for (int i = 0; i < 2 * n - 1; i++) {
            parent[i] = i;
            size[i] = 1;
        }
        int next = n;
        for (int i = 0; i < n - 1; i++) {
            int a = find(parent, (int) sorted[i][0]);
            int b = find(parent, (int) sorted[i][1]);
            sorted[i][0] = Math.min(a, b);
            sorted[i][1] = Math.max(a, b);
            parent[a] = next;
            parent[b] = next;
            size[next] = size[a] + size[b];
            sorted[i][3] = size[next];
            next++;
        }
        return sorted;
    }

    private static int find(int[] parent, int x) {
        int root = x;
        while (parent[root] != root) root = parent[root];
        while (parent[x] != root) {
            int p = parent[x];
            parent[x] = root;
            x = p;
        }
        return root;
    }

    /** Leaves in the left-to-right (pre-order) order of the tree, SciPy's {@code to_tree(Z).pre_order()}. */
    public static int[] leafOrder(double[][] linkage) {
        int n = linkage.length + 1;
        List<Integer> out = new ArrayList<>();
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(2 * n - 2);
        while (!stack.isEmpty()) {
            int id = stack.pop();
            if (id < n) {
                out.add(id);
            } else {
                double[] row = linkage[id - n];
                stack.push((int) row[1]);
                stack.push((int) row[0]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
