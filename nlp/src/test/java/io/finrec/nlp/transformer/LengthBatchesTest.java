package io.finrec.nlp.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link TransformerClassifier} groups length-sorted texts into forward passes. */
class LengthBatchesTest {
    static long[][] ofLengths(int... lengths) {
        long[][] ids = new long[lengths.length][];
        for (int i = 0; i < lengths.length; i++) ids[i] = new long[lengths[i]];
        return ids;
    }

    @Test
    void splitsOnSizeAndOnLengthJumpsKeepingEveryRowOnceInOrder() {
        // rows 0..7 already sorted by length: 8 8 9 12 13 20 24 60
        long[][] ids = ofLengths(8, 8, 9, 12, 13, 20, 24, 60);
        int[] sorted = {0, 1, 2, 3, 4, 5, 6, 7};
        List<int[]> b = TransformerClassifier.lengthBatches(sorted, ids, 32);
        // 8 + max(4, 2) = 12 -> 13 starts a batch; 13 + 4 = 17 -> 20 starts one; 20 + 5 = 25 keeps 24; 60 alone
        assertEquals(4, b.size());
        assertArrayEquals(new int[] {0, 1, 2, 3}, b.get(0));
        assertArrayEquals(new int[] {4}, b.get(1));
        assertArrayEquals(new int[] {5, 6}, b.get(2));
        assertArrayEquals(new int[] {7}, b.get(3));
        b = TransformerClassifier.lengthBatches(sorted, ids, 2);
        assertArrayEquals(new int[] {0, 1}, b.get(0));
        assertArrayEquals(new int[] {2, 3}, b.get(1));
        assertArrayEquals(new int[] {4}, b.get(2)); // 20 is too long for 13
        assertEquals(5, b.size());
        assertEquals(0, TransformerClassifier.lengthBatches(new int[0], ids, 32).size());
    }
}
