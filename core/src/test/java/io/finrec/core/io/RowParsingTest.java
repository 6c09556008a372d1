package io.finrec.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast date and instant parsers agree with java.time's and reject what it rejects. */
class RowParsingTest {
    @Test
    void fastPathsAgreeWithJavaTime() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(-2_000_000_000L, 5_000_000_000L));
            assertEquals(t, Row.parseInstant(t.toString()), t.toString());
            LocalDate d = LocalDate.ofEpochDay(r.nextLong(-30_000, 80_000));
            assertEquals(d, Row.parseDate(d.toString()));
        }
        for (String other : List.of("2024-03-01T10:15:30.250Z", "2024-01-01T24:00:00Z", "+12024-03-01T10:15:30Z"))
            assertEquals(Instant.parse(other), Row.parseInstant(other));
    }

    @Test
    void invalidValuesAreRejected() {
        for (String bad : List.of("2024-02-30T10:00:00Z", "2024-13-01T00:00:00Z", "2024-03-01T10:15Z",
                "2024-01-01T10:60:00Z", "2024-01-01T10:00:61Z", "2024-01-01 10:00:00Z", "2024-01-0xT10:00:00Z", "x"))
            assertThrows(DateTimeException.class, () -> Row.parseInstant(bad), bad);
        for (String bad : List.of("2024-02-30", "2023-02-29", "2024-00-10", "20240101", "2024-1-01"))
            assertThrows(DateTimeException.class, () -> Row.parseDate(bad), bad);
        assertEquals(LocalDate.of(2024, 2, 29), Row.parseDate("2024-02-29"));
    }
}
