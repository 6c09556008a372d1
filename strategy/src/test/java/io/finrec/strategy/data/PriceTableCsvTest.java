package io.finrec.strategy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.allocation.PriceTable;
import io.finrec.core.io.DataFormatException;
import io.finrec.strategy.SyntheticPrices;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PriceTableCsvTest {
    static PriceTable read(String csv) throws IOException {
        return PriceTableCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "prices.csv");
    }

    @Test
    void readsGapsAsMissing() throws IOException {
        PriceTable t = read("date,AAA,BBB\n2020-01-02,,10\n2020-01-03,5,10.5\n");
        assertEquals(2, t.dateCount());
        assertTrue(Double.isNaN(t.price(0, 0)));
        assertEquals(10.5, t.price(1, 1));
        assertEquals(1, t.completeRowCount());
    }

    @Test
    void roundTrips() throws IOException {
        PriceTable t = SyntheticPrices.generate(1, 3, 20);
        StringWriter w = new StringWriter();
        PriceTableCsv.write(t, w);
        assertEquals(t.contentHash(), read(w.toString()).contentHash());
    }

    @Test
    void errorsNameRowAndField() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> read("date,AAA\n2020-01-02,1\n2020-01-03,abc\n"));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("AAA"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> read("date,AAA\n2020-01-02,-1\n"));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> read("date,AAA\n2020-01-02,NaN\n"));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> read("date,AAA\n2020-01-03,1\n2020-01-02,1\n"));
        assertTrue(e.getMessage().contains("ascending"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> read("date,AAA\n2020-13-01,1\n"));
        assertTrue(e.getMessage().contains("ISO date"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> read("date,AAA,AAA\n2020-01-02,1,2\n"));
        assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> read("date,AAA\n2020-01-02,1,2\n"));
        assertTrue(e.getMessage().contains("fields"), e.getMessage());
        assertThrows(DataFormatException.class, () -> read(""));
        assertThrows(DataFormatException.class, () -> read("date,AAA\n"));
    }
}
