package io.finrec.recsys.hybrid;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AliasTableTest {
    @Test
    void drawsItemsInProportionToTheirInteractions() {
        int[] items = {0, 0, 0, 1, 3, 3, 3, 3}; // item 2 never interacted with
        float[][] prob = new float[1][];
        int[] alias = SgdKernel.aliasTable(items, 4, prob);
        int[] count = new int[4];
        SplittableRandom r = new SplittableRandom(1);
        int n = 400_000;
        for (int i = 0; i < n; i++) {
            long z = r.nextLong();
            int c = (int) (((z >>> 32) * 4) >>> 32);
            count[(z & 0xffffff) < prob[0][c] * 16777216f ? c : alias[c]]++;
        }
        assertEquals(3.0 / 8, count[0] / (double) n, 0.005);
        assertEquals(1.0 / 8, count[1] / (double) n, 0.005);
        assertEquals(0, count[2]);
        assertEquals(4.0 / 8, count[3] / (double) n, 0.005);
    }
}
