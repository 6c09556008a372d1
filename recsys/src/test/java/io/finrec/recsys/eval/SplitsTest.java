package io.finrec.recsys.eval;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.recommend.Interactions;
import io.finrec.recsys.TestData;
import org.junit.jupiter.api.Test;

class SplitsTest {
    @Test
    void leaveLatestOutTakesTheNewestPositivePerUser() {
        Interactions d = TestData.blocks(6, 5, false); // timestamps grow with the item index
        Splits.Split s = Splits.leaveKOut(d, 2, true, 1);
        assertEquals(12, s.test().size());
        assertEquals(d.size() - 12, s.train().size());
        for (int i = 0; i < s.test().size(); i++) {
            String item = s.test().itemIds().get(s.test().item(i));
            assertTrue(item.endsWith("3") || item.endsWith("4"), item);
        }
        assertEquals(d.userIds(), s.train().userIds(), "one id space");
    }

    @Test
    void randomSplitsAreSeededAndDisjoint() {
        Interactions d = TestData.blocks(10, 10, false);
        Splits.Split a = Splits.random(d, 0.3, 5);
        Splits.Split b = Splits.random(d, 0.3, 5);
        assertArrayEquals(a.test().itemArray(), b.test().itemArray());
        assertEquals(d.size(), a.train().size() + a.test().size());
        assertNotEquals(0, a.test().size());
        assertThrows(IllegalArgumentException.class, () -> Splits.random(d, 1.5, 1));
    }

    @Test
    void timeSplitPutsTheLatestInTest() {
        Interactions d = TestData.blocks(4, 5, false);
        Splits.Split s = Splits.byTime(d, 2000);
        for (int i = 0; i < s.test().size(); i++) assertTrue(s.test().timestamp(i) >= 2000);
        for (int i = 0; i < s.train().size(); i++) assertTrue(s.train().timestamp(i) < 2000);
        assertTrue(Splits.byTimeFraction(d, 0.25).test().size() >= 5);
    }
}
