package io.finrec.api.recommend;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureMatrixTest {
    @Test
    void buildsNamedWeightedRowsAndHelpers() {
        FeatureMatrix m = FeatureMatrix.builder()
                .addCategory("c1", "segment", "retail")
                .addBucket("c1", "age", 37, 25, 35, 45)
                .add("c1", "spend:travel", 0.25).add("c1", "spend:travel", 0.25)
                .addBucket("c2", "age", 70, 25, 35, 45)
                .build();
        assertEquals(Map.of("segment:retail", 1.0, "age:<45", 1.0, "spend:travel", 0.5), m.featuresOf("c1"));
        assertEquals(Map.of("age:>=45", 1.0), m.featuresOf("c2"));
        assertTrue(m.featureNames().containsAll(List.of("age:<25", "age:<35", "age:<45", "age:>=45")));
        FeatureMatrix n = m.normalizeRows();
        assertEquals(0.5 / 2.5, n.featuresOf("c1").get("spend:travel"), 1e-6);
        assertEquals(Map.of(), m.featuresOf("nobody"));
        assertThrows(IllegalArgumentException.class, () -> FeatureMatrix.builder().add("c1", "x", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> FeatureMatrix.builder().add("c1", ""));
        assertThrows(IllegalArgumentException.class, () -> FeatureMatrix.builder().addBucket("c", "a", 1, 5, 3));
    }

    @Test
    void interactionsValidateAndSubset() {
        Interactions d = Interactions.builder().add("u1", "i1").add("u2", "i2", -1.0, 2.0, 5L).build();
        assertEquals(1, d.positiveCount());
        Interactions s = d.subset(new int[] {1});
        assertEquals(2, s.userCount(), "subsets keep the id space");
        assertEquals(-1f, s.value(0));
        assertEquals(2f, s.weight(0));
        assertEquals(5L, s.timestamp(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Interactions.builder().add("u", "i", 1, Double.NaN));
        assertTrue(e.getMessage().contains("interaction 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.subset(new int[] {7}));
    }
}
