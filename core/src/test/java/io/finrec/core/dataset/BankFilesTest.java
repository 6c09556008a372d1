package io.finrec.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.io.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankFilesTest {
    private static final BankConfig CFG = BankConfig.defaults().withCustomers(30);

    @Test
    void directoryRoundTripsInBothFormats(@TempDir Path tmp) throws Exception {
        BankData bank = BuiltInBank.generate(CFG);
        for (BankFiles.Format f : BankFiles.Format.values()) {
            Path dir = tmp.resolve(f.extension());
            Map<BankTable, Long> written = BuiltInBank.writeFiles(CFG, dir, f);
            assertEquals(bank.counts(), written);
            BankManifest m = BankFiles.manifest(dir).orElseThrow();
            assertEquals(f, m.format());
            assertEquals("42", m.properties().get("seed"));
            BankData.Collector back = BankData.collector();
            assertEquals(bank.counts(), BankFiles.read(dir, back));
            assertEquals(bank, back.build(), f.name());
        }
    }

    @Test
    void truncatedTableIsCaughtByTheManifest(@TempDir Path tmp) throws Exception {
        BuiltInBank.writeFiles(CFG, tmp, BankFiles.Format.CSV);
        Path tx = tmp.resolve("transactions.csv");
        List<String> lines = Files.readAllLines(tx);
        Files.write(tx, lines.subList(0, lines.size() - 5));
        DataFormatException e = assertThrows(DataFormatException.class, () -> BankFiles.read(tmp, BankData.collector()));
        assertTrue(e.getMessage().startsWith("transactions.csv: has "), e.getMessage());
        assertTrue(e.getMessage().contains("manifest.json says"), e.getMessage());
    }

    @Test
    void missingTableListedInTheManifestIsAnError(@TempDir Path tmp) throws Exception {
        BuiltInBank.writeFiles(CFG, tmp, BankFiles.Format.CSV);
        Files.delete(tmp.resolve("loans.csv"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> BankFiles.read(tmp, BankData.collector()));
        assertTrue(e.getMessage().contains("loans.csv: is missing"), e.getMessage());
    }

    @Test
    void withoutManifestMissingTablesAreSkippedAndBadRowsReportedLeniently(@TempDir Path tmp) throws Exception {
        BuiltInBank.writeFiles(CFG, tmp, BankFiles.Format.CSV);
        Files.delete(tmp.resolve(BankFiles.MANIFEST));
        Files.delete(tmp.resolve("social_posts.csv"));
        Path customers = tmp.resolve("customers.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(customers));
        lines.set(3, lines.get(3).replaceFirst(",\\d+,", ",old,"));
        Files.write(customers, lines);
        List<DataFormatException> bad = new ArrayList<>();
        Map<BankTable, Long> counts = BankFiles.readLenient(tmp, BankData.collector(), bad::add);
        assertEquals(29, counts.get(BankTable.CUSTOMERS));
        assertEquals(1, bad.size());
        assertEquals(4, bad.get(0).line());
        assertTrue(!counts.containsKey(BankTable.SOCIAL_POSTS));
        assertThrows(DataFormatException.class, () -> BankFiles.read(tmp, BankData.collector()));
    }

    @Test
    void notADatasetDirectory(@TempDir Path tmp) throws Exception {
        DataFormatException e = assertThrows(DataFormatException.class, () -> BankFiles.read(tmp, BankData.collector()));
        assertTrue(e.getMessage().contains("is not a bank dataset"), e.getMessage());
        Files.writeString(tmp.resolve(BankFiles.MANIFEST), "{\"format\":\"xml\",\"tables\":{}}");
        assertTrue(assertThrows(DataFormatException.class, () -> BankFiles.manifest(tmp)).getMessage().contains("xml"));
    }

    @Test
    void sinkRejectsRecordsOfTheWrongTable() {
        BankData.Collector c = BankData.collector();
        assertThrows(IllegalArgumentException.class, () -> c.accept(BankTable.CUSTOMERS, "not a customer"));
    }
}
