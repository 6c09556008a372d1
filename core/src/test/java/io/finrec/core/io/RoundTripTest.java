package io.finrec.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.dataset.BankData;
import io.finrec.core.dataset.BankTable;
import io.finrec.core.domain.Money;
import io.finrec.core.domain.Transaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every bank schema survives a CSV and a JSON-lines round trip unchanged, including awkward text. */
class RoundTripTest {
    private static BankData bank;

    @BeforeAll
    static void bank() {
        bank = BuiltInBank.generate(BankConfig.defaults().withCustomers(25));
    }

    @Test
    void everyTableRoundTripsThroughCsv() throws IOException {
        for (BankTable t : BankTable.values()) {
            List<?> records = bank.table(t);
            assertTrue(!records.isEmpty(), t + " has rows");
            assertEquals(records, csv(t.schema(), records), t.tableName());
        }
    }

    @Test
    void everyTableRoundTripsThroughJsonLines() throws IOException {
        for (BankTable t : BankTable.values()) {
            List<?> records = bank.table(t);
            assertEquals(records, jsonl(t.schema(), records), t.tableName());
        }
    }

    @Test
    void awkwardTextSurvivesBothFormats() throws IOException {
        List<String> texts = List.of("comma, inside", "quote \" inside", "new\nline", "crlf\r\nline", " leading space",
                "trailing space ", "emoji 🎉 and ünïcödé", "tab\tinside", "\"fully quoted\"", "#hash,@at;semi");
        List<Transaction> tx = new ArrayList<>();
        int i = 0;
        for (String s : texts)
            tx.add(new Transaction("T" + (++i), "C1", "A1", Instant.parse("2024-03-01T10:15:30Z"),
                    Money.of(i % 2 == 0 ? "-12.10" : "1234567.005", "USD"), s, Optional.of(s), Optional.empty(),
                    i % 3 == 0 ? OptionalInt.empty() : OptionalInt.of(5411)));
        assertEquals(tx, csv(BankSchemas.TRANSACTION, tx));
        assertEquals(tx, jsonl(BankSchemas.TRANSACTION, tx));
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> csv(RecordSchema<?> schema, List<?> records) throws IOException {
        RecordSchema<T> s = (RecordSchema<T>) schema;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter<T> w = CsvRecords.write(out, s)) {
            for (Object r : records) w.write((T) r);
            assertEquals(records.size(), w.count());
        }
        List<T> back = new ArrayList<>();
        try (RecordReader<T> r = CsvRecords.read(new ByteArrayInputStream(out.toByteArray()), "mem.csv", s)) {
            r.forEachRemaining(back::add);
        }
        return back;
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> jsonl(RecordSchema<?> schema, List<?> records) throws IOException {
        RecordSchema<T> s = (RecordSchema<T>) schema;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter<T> w = JsonLines.write(out, s)) {
            for (Object r : records) w.write((T) r);
        }
        List<T> back = new ArrayList<>();
        try (RecordReader<T> r = JsonLines.read(new ByteArrayInputStream(out.toByteArray()), "mem.jsonl", s)) {
            r.forEachRemaining(back::add);
        }
        return back;
    }
}
