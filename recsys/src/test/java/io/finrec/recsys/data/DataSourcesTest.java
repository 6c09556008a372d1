package io.finrec.recsys.data;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.recommend.Interactions;
import io.finrec.core.io.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
    @Test
    void movieLensLayoutIsReadLikeLightFm(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("u.genre"), "unknown|0\nAction|1\nDrama|2\n\n");
        Files.writeString(dir.resolve("u.item"), "1|A (1995)|01-Jan-1995||url|0|1|0\n2|B (1995)|01-Jan-1995||url|0|0|1\n"
                + "3|C (1995)|01-Jan-1995||url|0|1|1\n");
        Files.writeString(dir.resolve("ua.base"), "1\t1\t5\t100\n1\t2\t3\t101\n2\t1\t4\t102\n");
        Files.writeString(dir.resolve("ua.test"), "1\t3\t4\t103\n2\t2\t2\t104\n");
        MovieLens.Split s = MovieLens.load(dir, "ua", 4);
        assertEquals(2, s.train().size(), "ratings below 4 dropped");
        assertEquals(1, s.test().size());
        assertEquals(3, s.train().itemCount(), "every u.item movie is in the catalogue");
        assertEquals(java.util.Map.of("genre:Action", 1.0, "genre:Drama", 1.0), s.genres().featuresOf("3"));
        assertEquals(100L, s.train().timestamp(0));
        Files.writeString(dir.resolve("ua.base"), "1\t1\tfive\t100\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> MovieLens.load(dir, "ua", 4));
        assertTrue(e.getMessage().contains("rating"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MovieLens.load(dir, "zz", 4));
    }

    @Test
    void csvReaderNamesTheBadRowAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("i.tsv");
        Files.writeString(f, "customer\tproduct\tstrength\tts\nc1\tp1\t2\t10\nc2\t\"p2\"\t0.5\t11\nc3\tp3\t-1\t12\n");
        InteractionCsv.Format fmt = InteractionCsv.Format.csv("customer", "product").withDelimiter('\t')
                .withValue("strength", 0).withTimestamp("ts");
        Interactions d = InteractionCsv.read(f, fmt);
        assertEquals(2, d.size(), "value below minValue skipped");
        assertEquals("p2", d.itemIds().get(1));
        assertEquals(11L, d.timestamp(1));
        Files.writeString(f, "customer\tproduct\tstrength\tts\nc1\tp1\tNaN\t10\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> InteractionCsv.read(f, fmt));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("strength"), e.getMessage());
        Files.writeString(f, "customer\tproduct\tstrength\tts\n-bad\tp1\t1\t10\n");
        assertThrows(DataFormatException.class, () -> InteractionCsv.read(f, fmt));
        assertThrows(DataFormatException.class, () -> InteractionCsv.read(f, InteractionCsv.Format.csv("nope", "product")));
    }

    @Test
    void syntheticSetIsSeededDistinctAndSkewed() {
        Interactions a = SyntheticInteractions.zipf(200, 100, 2_000, 1.0, 9);
        Interactions b = SyntheticInteractions.zipf(200, 100, 2_000, 1.0, 9);
        assertEquals(2_000, a.size());
        assertArrayEquals(a.itemArray(), b.itemArray());
        java.util.Set<Long> pairs = new java.util.HashSet<>();
        int[] count = new int[100];
        for (int i = 0; i < a.size(); i++) {
            assertTrue(pairs.add((long) a.user(i) << 32 | a.item(i)), "distinct pairs");
            count[a.item(i)]++;
        }
        java.util.Arrays.sort(count);
        assertTrue(count[99] > 5 * Math.max(1, count[50]), "Zipf: the top item is far more popular than the median");
    }
}
