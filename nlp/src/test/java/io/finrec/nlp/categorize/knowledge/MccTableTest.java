package io.finrec.nlp.categorize.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MccTableTest {
    @Test
    void builtinMapsCommonCodes() {
        MccTable t = MccTable.builtin();
        assertEquals(Optional.of("groceries"), t.categoryOf(5411));
        assertEquals(Optional.of("dining"), t.categoryOf(5812));
        assertEquals(Optional.of("fuel"), t.categoryOf(5541));
        assertEquals(Optional.of("travel"), t.categoryOf(3058)); // an airline code inside the 3000-3350 range
        assertEquals(Optional.of("healthcare"), t.categoryOf(5912));
        assertEquals(Optional.empty(), t.categoryOf(1));
        assertEquals(Optional.empty(), t.categoryOf(-5));
        assertEquals(Optional.empty(), t.categoryOf(12000));
    }

    @Test
    void editsRangesAndRoundTrip() {
        MccTable t = MccTable.parse("5000-5999 shopping\n5411 groceries\n", "m");
        assertEquals(Optional.of("shopping"), t.categoryOf(5412));
        assertEquals(Optional.of("groceries"), t.categoryOf(5411));
        MccTable edited = t.with(5412, "dining");
        assertEquals(Optional.of("dining"), edited.categoryOf(5412));
        assertEquals(Optional.of("shopping"), t.categoryOf(5412), "the original is unchanged");
        assertEquals(edited, MccTable.parse(edited.toText(), "round trip"));
        assertEquals(MccTable.builtin(), MccTable.parse(MccTable.builtin().toText(), "round trip"));
    }

    @Test
    void parseErrorsNameTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MccTable.parse("5411 groceries\nabc x\n", "mcc.txt"));
        assertTrue(e.getMessage().contains("mcc.txt, line 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MccTable.parse("9000-12000 x\n", "mcc.txt"));
        assertTrue(e.getMessage().contains("outside 0-9999"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MccTable.parse("5411\n", "mcc.txt"));
    }
}
