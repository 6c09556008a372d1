package io.finrec.recsys.spark.train;

import io.finrec.recsys.hybrid.HybridTrainer.Parameters;

/**
 * Row operations on parameter blocks ({@link Parameters} as six arrays: embeddings, biases, their optimiser state,
 * AdaDelta's momentum pair): selecting, scattering, summing and merging rows. Stateless and thread-safe.
 */
final class Rows {
    private Rows() {}

    /** The six arrays of a block (not copied). */
    static float[][] arrays(Parameters p) {
        return new float[][] {p.embeddings(), p.biases(), p.gradientSums(), p.biasGradientSums(), p.momentum(),
                p.biasMomentum()};
    }

    /** A block over six arrays (not copied). */
    static Parameters of(float[][] a, int k) {
        return new Parameters(k, a[0], a[1], a[2], a[3], a[4], a[5]);
    }

    /** Whether array {@code a} of a block is per-row vectors ({@code k} wide) rather than per-row scalars. */
    private static boolean wide(int a) {
        return a % 2 == 0;
    }

    /** A block of the given rows ({@code -1}: a zero row). */
    static Parameters select(Parameters p, int[] rows) {
        int k = p.components();
        float[][] src = arrays(p);
        float[][] out = new float[6][];
        for (int a = 0; a < 6; a++) {
            int width = wide(a) ? k : 1;
            out[a] = new float[src[a].length == 0 ? 0 : rows.length * width];
            if (src[a].length == 0) continue;
            for (int x = 0; x < rows.length; x++)
                if (rows[x] >= 0) System.arraycopy(src[a], rows[x] * width, out[a], x * width, width);
        }
        return of(out, k);
    }

    /** Copies row {@code x} of {@code from} to row {@code rows[x]} of {@code to} (in place; {@code -1} skips). */
    static void scatter(Parameters from, Parameters to, int[] rows) {
        int[] all = new int[rows.length];
        for (int x = 0; x < all.length; x++) all[x] = x;
        copy(from, all, to, rows);
    }

    /** Copies row {@code fromRows[x]} of {@code from} to row {@code toRows[x]} of {@code to} ({@code -1} skips). */
    static void copy(Parameters from, int[] fromRows, Parameters to, int[] toRows) {
        int k = from.components();
        float[][] src = arrays(from);
        float[][] dst = arrays(to);
        for (int a = 0; a < 6; a++) {
            if (src[a].length == 0 || dst[a].length == 0) continue;
            int width = wide(a) ? k : 1;
            for (int x = 0; x < fromRows.length; x++)
                if (fromRows[x] >= 0 && toRows[x] >= 0)
                    System.arraycopy(src[a], fromRows[x] * width, dst[a], toRows[x] * width, width);
        }
    }

    /** Element-wise sums (new arrays). */
    static float[][] add(float[][] a, float[][] b) {
        float[][] out = new float[a.length][];
        for (int x = 0; x < a.length; x++) {
            out[x] = a[x].clone();
            for (int j = 0; j < out[x].length; j++) out[x][j] += b[x][j];
        }
        return out;
    }

    /** Element-wise sums (a new array). */
    static int[] add(int[] a, int[] b) {
        int[] out = a.clone();
        for (int j = 0; j < out.length; j++) out[j] += b[j];
        return out;
    }

    /** Zero arrays shaped like {@code a}. */
    static float[][] zeros(float[][] a) {
        float[][] out = new float[a.length][];
        for (int x = 0; x < a.length; x++) out[x] = new float[a[x].length];
        return out;
    }

    /**
     * Merges: rows no partition touched keep {@code old}; the others become the mean of the partitions' values
     * ({@code AVERAGE}) or {@code old} plus the sum of their changes ({@code SUM_OF_CHANGES}).
     */
    static float[][] merge(float[][] old, float[][] sums, int[] count, int k, DistributedHybridTrainer.Merge m) {
        float[][] out = new float[6][];
        for (int a = 0; a < 6; a++) {
            out[a] = old[a].clone();
            if (old[a].length == 0) continue;
            int width = wide(a) ? k : 1;
            for (int r = 0; r < count.length; r++) {
                int c = count[r];
                if (c == 0) continue;
                for (int j = r * width; j < (r + 1) * width; j++)
                    out[a][j] = m == DistributedHybridTrainer.Merge.AVERAGE ? sums[a][j] / c
                            : old[a][j] + (sums[a][j] - c * old[a][j]);
            }
        }
        return out;
    }
}
