package io.finrec.benchmarks.core;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.domain.Transaction;
import io.finrec.core.io.BankSchemas;
import io.finrec.core.io.CsvRecords;
import io.finrec.core.io.JsonLines;
import io.finrec.core.io.RecordReader;
import io.finrec.core.io.RecordWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading the built-in bank's transactions (about 17,000 rows of 100 customers): FinRec's validated readers, which
 * build a checked {@link Transaction} per row, against Jackson's CSV parser producing raw {@code String[]} rows (the
 * floor: parsing without any validation or object building). Time per whole file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CsvReadBenchmark {
    private byte[] csv;
    private byte[] jsonl;
    private int rows;
    private final CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    @Setup
    public void setUp() throws IOException {
        List<Transaction> tx = BuiltInBank.generate(BankConfig.defaults().withCustomers(100)).transactions();
        rows = tx.size();
        ByteArrayOutputStream c = new ByteArrayOutputStream(), j = new ByteArrayOutputStream();
        try (RecordWriter<Transaction> w = CsvRecords.write(c, BankSchemas.TRANSACTION);
             RecordWriter<Transaction> v = JsonLines.write(j, BankSchemas.TRANSACTION)) {
            for (Transaction t : tx) {
                w.write(t);
                v.write(t);
            }
        }
        csv = c.toByteArray();
        jsonl = j.toByteArray();
    }

    @Benchmark
    public int finrecCsvValidated(Blackhole bh) throws IOException {
        return drain(CsvRecords.read(new ByteArrayInputStream(csv), "tx.csv", BankSchemas.TRANSACTION), bh);
    }

    @Benchmark
    public int finrecJsonLinesValidated(Blackhole bh) throws IOException {
        return drain(JsonLines.read(new ByteArrayInputStream(jsonl), "tx.jsonl", BankSchemas.TRANSACTION), bh);
    }

    /** Reads every record (checking the count), then closes the reader. */
    private int drain(RecordReader<Transaction> reader, Blackhole bh) throws IOException {
        int n = 0;
        try (RecordReader<Transaction> r = reader) {
            while (r.hasNext()) {
                bh.consume(r.next());
                n++;
            }
        }
        if (n != rows) throw new IllegalStateException(n + " rows, expected " + rows);
        return n;
    }

    @Benchmark
    public int jacksonCsvRawRowsBaseline(Blackhole bh) throws IOException {
        int n = 0;
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class)
                .readValues(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
            while (it.hasNextValue()) {
                bh.consume(it.nextValue());
                n++;
            }
        }
        if (n != rows + 1) throw new IllegalStateException(n + " rows, expected " + (rows + 1));
        return n;
    }
}
