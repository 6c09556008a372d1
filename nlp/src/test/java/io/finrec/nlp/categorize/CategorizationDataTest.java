package io.finrec.nlp.categorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.categorize.CategorizationExample;
import io.finrec.core.io.DataFormatException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategorizationDataTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsPlainAndRichFiles() throws Exception {
        List<CategorizationExample> plain = CategorizationData.readCsv(write("a.csv",
                "description,category\n\"ELECTRONIC PMT-WEB, DUKE-ENERGY PAYMENT\",utilities\nSQ *HULU,entertainment\n"));
        assertEquals(2, plain.size());
        assertEquals("ELECTRONIC PMT-WEB, DUKE-ENERGY PAYMENT", plain.get(0).input().description());
        List<CategorizationExample> rich = CategorizationData.readCsv(write("b.csv",
                "category,description,amount,mcc,customer_id,timestamp\nrent,GREYSTAR RENT,-1850.00,,C1,2024-03-01\n"
                        + "groceries,KROGER #12,-54.10,5411,C1,2024-03-02T10:00:00Z\n"));
        assertEquals(new BigDecimal("-1850.00"), rich.get(0).input().amount().orElseThrow());
        assertTrue(rich.get(0).input().mcc().isEmpty());
        assertEquals(5411, rich.get(1).input().mcc().getAsInt());
        assertEquals("C1", rich.get(1).input().customerId().orElseThrow());
    }

    @Test
    void errorsNameFileRowAndField() throws Exception {
        DataFormatException e = assertThrows(DataFormatException.class, () -> CategorizationData.readCsv(
                write("c.csv", "description,category\nSQ *HULU,entertainment\n,dining\n")));
        assertTrue(e.getMessage().contains("c.csv") && e.getMessage().contains("description"), e.getMessage());
        assertEquals(2, e.row());
        e = assertThrows(DataFormatException.class, () -> CategorizationData.readCsv(
                write("d.csv", "description,category,amount\nSQ *HULU,entertainment,twelve\n")));
        assertTrue(e.getMessage().contains("amount") && e.getMessage().contains("twelve"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> CategorizationData.readCsv(write("e.csv", "description,label\nX,y\n")));
        assertTrue(e.getMessage().contains("label"), e.getMessage());
        assertThrows(DataFormatException.class, () -> CategorizationData.readCsv(write("f.csv", "")));
        assertThrows(DataFormatException.class, () -> CategorizationData.readCsv(write("g.csv", "description,category\n")));
        e = assertThrows(DataFormatException.class, () -> CategorizationData.readCsv(
                write("h.csv", "description,category\nSQ *HULU,uncategorised\n")));
        assertTrue(e.getMessage().contains("category"), e.getMessage());
    }

    @Test
    void builtInBankCarriesEverySignal() {
        List<CategorizationExample> ex = CategorizationData.builtInBank(
                io.finrec.core.builtin.BankConfig.defaults().withCustomers(3));
        assertTrue(ex.size() > 100, "transactions: " + ex.size());
        assertTrue(ex.stream().allMatch(e -> e.input().amount().isPresent() && e.input().customerId().isPresent()
                && e.input().timestamp().isPresent()));
        assertTrue(ex.stream().anyMatch(e -> e.input().mcc().isPresent()));
    }
}
