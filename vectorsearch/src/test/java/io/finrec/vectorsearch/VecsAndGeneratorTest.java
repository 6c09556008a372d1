package io.finrec.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.vector.Metric;
import io.finrec.vectorsearch.data.GroundTruth;
import io.finrec.vectorsearch.data.SyntheticEmbeddings;
import io.finrec.vectorsearch.data.Vecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark data: fvecs/ivecs round trips and errors, and the generator's determinism and shape. */
class VecsAndGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void generatorIsSeededNormalisedAndIndependentOfThreads() {
        SyntheticEmbeddings g = new SyntheticEmbeddings(new SyntheticEmbeddings.Config(64, 20, 4, 0.6, 0.5, 9L));
        float[][] one = g.base(500, 1);
        float[][] two = new SyntheticEmbeddings(g.config()).base(500, 3);
        for (int i = 0; i < one.length; i++) assertArrayEquals(one[i], two[i], "row " + i);
        for (float[] v : one) {
            double n = 0;
            for (float x : v) n += x * x;
            assertEquals(1.0, n, 1e-5);
        }
        float[][] other = new SyntheticEmbeddings(new SyntheticEmbeddings.Config(64, 20, 4, 0.6, 0.5, 10L)).base(5, 1);
        assertTrue(!Arrays.equals(one[0], other[0]), "another seed gives other data");
        // clustered: a vector's nearest neighbour is much closer than a random pair
        int[][] nn = GroundTruth.exactTopK(one, Arrays.copyOf(one, 50), Metric.INNER_PRODUCT, 2, 2);
        double near = 0, random = 0;
        for (int q = 0; q < 50; q++) {
            near += dot(one[q], one[nn[q][1]]);
            random += dot(one[q], one[(q * 7 + 13) % one.length]);
        }
        assertTrue(near / 50 > random / 50 + 0.2, "near " + near / 50 + " random " + random / 50);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Test
    void vecsRoundTripAndRejectDamagedFiles() throws IOException {
        float[][] v = {{1, 2, 3}, {4, 5, 6}};
        Path f = dir.resolve("a.fvecs");
        Vecs.writeFvecs(f, v);
        assertEquals(2 * (4 + 12), Files.size(f));
        float[][] back = Vecs.readFvecs(f);
        assertArrayEquals(v[1], back[1]);
        assertEquals(1, Vecs.readFvecs(f, 1).length);
        Path i = dir.resolve("t.ivecs");
        Vecs.writeIvecs(i, new int[][] {{7, 8}, {9, 10}});
        assertArrayEquals(new int[] {9, 10}, Vecs.readIvecs(i, 10)[1]);

        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length - 2));
        IOException e = assertThrows(IOException.class, () -> Vecs.readFvecs(f));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("truncated"), e.getMessage());
        Vecs.writeFvecs(f, new float[][] {{1, 2}, {1, 2, 3}});
        e = assertThrows(IOException.class, () -> Vecs.readFvecs(f));
        assertTrue(e.getMessage().contains("row 1 has dimension 3"), e.getMessage());
        Vecs.writeFvecs(f, new float[][] {{1, Float.NaN}});
        e = assertThrows(IOException.class, () -> Vecs.readFvecs(f));
        assertTrue(e.getMessage().contains("component 1"), e.getMessage());
        Files.writeString(f, "hello world, not vectors");
        assertThrows(IOException.class, () -> Vecs.readFvecs(f));
    }
}
