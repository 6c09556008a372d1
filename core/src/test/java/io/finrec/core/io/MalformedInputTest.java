package io.finrec.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Transaction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bad input gives errors that name the source, row, line and field, and lenient reading keeps the good rows. */
class MalformedInputTest {
    private static final String HEADER = "id,age,annual_income,segment,risk_profile,region\n";
    private static final String GOOD = "C1,34,55000,FAMILY,BALANCED,TX\n";

    private static List<Customer> csv(String text) throws IOException {
        return csv(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Customer> csv(byte[] bytes) throws IOException {
        List<Customer> out = new ArrayList<>();
        try (RecordReader<Customer> r = CsvRecords.read(new ByteArrayInputStream(bytes), "customers.csv",
                BankSchemas.CUSTOMER)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<Customer> jsonl(String text) throws IOException {
        List<Customer> out = new ArrayList<>();
        try (RecordReader<Customer> r = JsonLines.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "customers.jsonl", BankSchemas.CUSTOMER)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    private static DataFormatException csvError(String text) {
        return assertThrows(DataFormatException.class, () -> csv(text));
    }

    @Test
    void badNumberNamesRowLineAndField() {
        DataFormatException e = csvError(HEADER + GOOD + "C2,abc,1000,STUDENT,CONSERVATIVE,CA\n");
        assertEquals(2, e.row());
        assertEquals(3, e.line());
        assertEquals(Optional.of("age"), e.field());
        assertEquals("customers.csv: row 2 (line 3), field 'age': 'abc' is not an integer", e.getMessage());
    }

    @Test
    void badDecimalAndDomainViolationsNameTheColumn() {
        assertEquals(Optional.of("annual_income"), csvError(HEADER + "C2,30,12x,STUDENT,1,CA\n").field());
        DataFormatException e = csvError(HEADER + "C2,300,1000,STUDENT,1,CA\n");
        assertEquals(Optional.of("age"), e.field());
        assertTrue(e.getMessage().contains("300 is outside [16, 120]"), e.getMessage());
        DataFormatException neg = csvError(HEADER + "C2,30,-5,STUDENT,1,CA\n");
        assertEquals(Optional.of("annual_income"), neg.field(), neg.getMessage());
        DataFormatException seg = csvError(HEADER + "C2,30,5,ASTRONAUT,1,CA\n");
        assertTrue(seg.getMessage().contains("'ASTRONAUT' is not one of STUDENT"), seg.getMessage());
        DataFormatException risk = csvError(HEADER + "C2,30,5,STUDENT,9,CA\n");
        assertEquals(Optional.of("risk_profile"), risk.field());
        DataFormatException id = csvError(HEADER + "bad id!,30,5,STUDENT,1,CA\n");
        assertEquals(Optional.of("id"), id.field());
        DataFormatException empty = csvError(HEADER + "C2,,5,STUDENT,1,CA\n");
        assertEquals(Optional.of("age"), empty.field());
        assertTrue(empty.getMessage().contains("required"), empty.getMessage());
    }

    @Test
    void nanAndInfinityAreRejected() {
        String header = "series,asset_class,date,price\n";
        for (String bad : List.of("NaN", "Infinity", "-Infinity")) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> {
                try (RecordReader<?> r = CsvRecords.read(new ByteArrayInputStream((header + "S,STOCKS,2024-01-31," + bad
                        + "\n").getBytes(StandardCharsets.UTF_8)), "prices.csv", BankSchemas.PRICE)) {
                    r.next();
                }
            });
            assertEquals(Optional.of("price"), e.field(), bad);
        }
    }

    @Test
    void missingUnknownAndDuplicateColumnsAreWholeFileErrors() {
        DataFormatException missing = csvError("id,age,annual_income,segment,region\n" + GOOD);
        assertEquals(Optional.of("risk_profile"), missing.field());
        assertEquals(0, missing.row());
        assertFalse(missing.recoverable());
        DataFormatException unknown = csvError("id,age,annual_income,segment,risk_profile,region,shoe_size\n");
        assertEquals(Optional.of("shoe_size"), unknown.field());
        DataFormatException dup = csvError("id,age,age,annual_income,segment,risk_profile,region\n");
        assertEquals(Optional.of("age"), dup.field());
    }

    @Test
    void columnsMayComeInAnyOrderWithBomAndCrlf() throws IOException {
        List<Customer> c = csv("\uFEFFregion,risk_profile,segment,annual_income,age,id\r\nTX,BALANCED,FAMILY,55000,34,C1\r\n");
        assertEquals(csv(HEADER + GOOD), c);
    }

    @Test
    void emptyFilesAreReported() throws IOException {
        assertTrue(csvError("").getMessage().contains("file is empty"));
        assertEquals(List.of(), csv(HEADER));
        assertEquals(List.of(), jsonl(""));
        assertEquals(List.of(), jsonl("\n  \n"));
    }

    @Test
    void raggedRowsAreRecoverable() throws IOException {
        DataFormatException e = csvError(HEADER + "C2,30,5,STUDENT\n");
        assertEquals(1, e.row());
        assertTrue(e.getMessage().contains("has 4 fields but the header has 6"), e.getMessage());
        assertTrue(e.recoverable());
    }

    @Test
    void brokenQuoteIsFatalAndNamesTheRow() {
        DataFormatException e = csvError(HEADER + GOOD + "C2,30,5,\"STUDENT,1,CA\nC3,40,5,FAMILY,1,CA\n");
        assertFalse(e.recoverable());
        assertEquals(2, e.row());
        assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
    }

    @Test
    void invalidUtf8IsReported() {
        byte[] head = (HEADER + GOOD + "C2,30,5,STUDENT,1,").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = (byte) 0x28; // invalid continuation byte
        bytes[head.length + 2] = '\n';
        DataFormatException e = assertThrows(DataFormatException.class, () -> csv(bytes));
        assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
    }

    @Test
    void hugeFieldsAreRejectedNotTruncated() {
        String huge = "x".repeat(CsvRecords.MAX_FIELD_LENGTH + 10);
        DataFormatException e = csvError(HEADER + "C2,30,5,STUDENT,1," + huge + "\n");
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
        DataFormatException j = assertThrows(DataFormatException.class,
                () -> jsonl("{\"id\":\"C1\",\"region\":\"" + huge + "\"}\n"));
        assertTrue(j.getMessage().contains("longer than"), j.getMessage());
        // a long but legal field is fine (domain text limit is 100,000 characters)
        String longRegion = "y".repeat(50_000);
        assertEquals(longRegion, assertDoesNotThrowCsv(HEADER + "C2,30,5,STUDENT,1," + longRegion + "\n").get(0).region());
    }

    private static List<Customer> assertDoesNotThrowCsv(String text) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> csv(text));
    }

    @Test
    void jsonWrongTypesUnknownFieldsAndBadLinesNameTheLine() {
        DataFormatException type = assertThrows(DataFormatException.class, () -> jsonl(
                "{\"id\":\"C1\",\"age\":true,\"annual_income\":5,\"segment\":\"FAMILY\",\"risk_profile\":1,\"region\":\"TX\"}\n"));
        assertEquals(Optional.of("age"), type.field());
        assertTrue(type.getMessage().contains("'true' is not an integer"), type.getMessage());
        DataFormatException nested = assertThrows(DataFormatException.class, () -> jsonl("{\"id\":{\"a\":1}}\n"));
        assertEquals(Optional.of("id"), nested.field());
        DataFormatException unknown = assertThrows(DataFormatException.class, () -> jsonl("\n{\"shoe\":1}\n"));
        assertEquals(Optional.of("shoe"), unknown.field());
        assertEquals(2, unknown.line());
        assertTrue(assertThrows(DataFormatException.class, () -> jsonl("[1,2]\n")).getMessage().contains("JSON object"));
        assertTrue(assertThrows(DataFormatException.class, () -> jsonl("{\"id\": \n")).getMessage().contains("invalid JSON"));
    }

    @Test
    void lenientReadingKeepsGoodRowsAndReportsBadOnesWithTheirLine() throws IOException {
        String text = HEADER + GOOD + "C2,abc,1,STUDENT,1,CA\n" + "C3,20,1,STUDENT\n" + "C4,40,7,RETIREE,2,FL\n";
        List<Customer> good = new ArrayList<>();
        List<DataFormatException> bad = new ArrayList<>();
        try (RecordReader<Customer> r = CsvRecords.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "customers.csv", BankSchemas.CUSTOMER)) {
            assertEquals(2, r.forEachLenient(good::add, bad::add));
            assertEquals(4, r.rowsRead());
        }
        assertEquals(List.of("C1", "C4"), good.stream().map(Customer::id).toList());
        assertEquals(List.of(3L, 4L), bad.stream().map(DataFormatException::line).toList());
        assertEquals(Optional.of("age"), bad.get(0).field());
    }

    @Test
    void lenientJsonSkipsInvalidJsonAndInvalidUtf8Lines() throws IOException {
        String ok = "{\"id\":\"C1\",\"age\":34,\"annual_income\":55000,\"segment\":\"FAMILY\",\"risk_profile\":\"BALANCED\","
                + "\"region\":\"TX\"}\n";
        byte[] a = (ok + "{not json}\n").getBytes(StandardCharsets.UTF_8);
        byte[] b = ok.replace("C1", "C9").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + 3 + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        all[a.length] = (byte) 0xFF;
        all[a.length + 1] = (byte) 0xFE;
        all[a.length + 2] = '\n';
        System.arraycopy(b, 0, all, a.length + 3, b.length);
        List<Customer> good = new ArrayList<>();
        List<DataFormatException> bad = new ArrayList<>();
        try (RecordReader<Customer> r = JsonLines.read(new ByteArrayInputStream(all), "c.jsonl", BankSchemas.CUSTOMER)) {
            r.forEachLenient(good::add, bad::add);
        }
        assertEquals(List.of("C1", "C9"), good.stream().map(Customer::id).toList());
        assertEquals(List.of(2L, 3L), bad.stream().map(DataFormatException::line).toList());
        assertTrue(bad.get(1).getMessage().contains("invalid UTF-8"), bad.get(1).getMessage());
    }

    @Test
    void lenientReadingStillStopsOnFatalErrors() {
        String text = "id,age\n" + GOOD;
        assertThrows(DataFormatException.class, () -> {
            try (RecordReader<Customer> r = CsvRecords.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    "customers.csv", BankSchemas.CUSTOMER)) {
                r.forEachLenient(x -> {}, x -> {});
            }
        });
    }

    @Test
    void transactionsRejectZeroAmountsAndBadCurrencies() {
        String header = "id,customer_id,account_id,timestamp,amount,currency,description,merchant,category,mcc\n";
        DataFormatException zero = assertThrows(DataFormatException.class, () -> readTx(header
                + "T1,C1,A1,2024-01-01T00:00:00Z,0.00,USD,X,,,\n"));
        assertEquals(Optional.of("amount"), zero.field());
        DataFormatException cur = assertThrows(DataFormatException.class, () -> readTx(header
                + "T1,C1,A1,2024-01-01T00:00:00Z,1.00,XYZ1,X,,,\n"));
        assertEquals(Optional.of("currency"), cur.field());
        DataFormatException ts = assertThrows(DataFormatException.class, () -> readTx(header
                + "T1,C1,A1,yesterday,1.00,USD,X,,,\n"));
        assertEquals(Optional.of("timestamp"), ts.field());
        DataFormatException mcc = assertThrows(DataFormatException.class, () -> readTx(header
                + "T1,C1,A1,2024-01-01T00:00:00Z,1.00,USD,X,,,123456\n"));
        assertEquals(Optional.of("mcc"), mcc.field());
    }

    private static List<Transaction> readTx(String text) throws IOException {
        List<Transaction> out = new ArrayList<>();
        try (RecordReader<Transaction> r = CsvRecords.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "transactions.csv", BankSchemas.TRANSACTION)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }
}
