package io.finrec.recsys.rank;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {
    @Test
    void keepsTheKBestWithDeterministicTies() {
        for (long seed = 1; seed <= 30; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 1 + r.nextInt(300);
            int k = 1 + r.nextInt(20);
            float[] s = new float[n];
            for (int i = 0; i < n; i++) s[i] = r.nextInt(50); // many ties
            TopK h = new TopK(k);
            for (int i = 0; i < n; i++) h.offer(i, s[i]);
            int[] items = new int[k];
            float[] sc = new float[k];
            int m = h.drainTo(items, sc);
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, Arrays.copyOf(items, m), "seed " + seed);
            assertEquals(0, h.size());
        }
    }

    @Test
    void ignoresNaN() {
        TopK h = new TopK(2);
        h.offer(0, Float.NaN);
        h.offer(1, 1f);
        assertEquals(1, h.size());
        assertThrows(IllegalArgumentException.class, () -> new TopK(0));
    }
}
