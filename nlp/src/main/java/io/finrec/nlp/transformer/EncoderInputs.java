package io.finrec.nlp.transformer;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Builds a padded encoder input batch (dynamic padding: to the longest row of the batch only). Stateless.
 */
public final class EncoderInputs {
    private EncoderInputs() {}

    /**
     * {@code (inputIds [B,T] int64, tokenTypeIds [B,T] int64 zeros, attentionMask [B,T] float32)} for the rows
     * {@code rows} of {@code ids}, padded with {@code padId} to the longest of them.
     */
    public static NDList of(NDManager manager, long[][] ids, int[] rows, long padId) {
        int b = rows.length, t = 1;
        for (int r : rows) t = Math.max(t, ids[r].length);
        long[] flat = new long[b * t];
        float[] mask = new float[b * t];
        for (int i = 0; i < b; i++) {
            long[] row = ids[rows[i]];
            for (int j = 0; j < t; j++) {
                if (j < row.length) {
                    flat[i * t + j] = row[j];
                    mask[i * t + j] = 1f;
                } else {
                    flat[i * t + j] = padId;
                }
            }
        }
        Shape s = new Shape(b, t);
        return new NDList(manager.create(flat, s), manager.zeros(s, ai.djl.ndarray.types.DataType.INT64),
                manager.create(mask, s));
    }

    /** Rows {@code 0..n-1}. */
    public static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }
}
