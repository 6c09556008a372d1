package io.finrec.benchmarks.core;

import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.dataset.BankTable;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The built-in bank generator streaming into a sink that only counts (no IO): time to generate a bank of
 * {@code customers} customers; divide by the customer count for the cost per customer (about 176 transactions).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GeneratorBenchmark {
    @Param({"50", "500"})
    int customers;

    @Benchmark
    public long generate() throws IOException {
        long[] tx = {0};
        BuiltInBank.generate(BankConfig.defaults().withCustomers(customers), (table, record) -> {
            if (table == BankTable.TRANSACTIONS) tx[0]++;
        });
        if (tx[0] < 100L * customers) throw new IllegalStateException("only " + tx[0] + " transactions");
        return tx[0];
    }
}
