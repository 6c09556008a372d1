package io.finrec.examples.cli;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.progress.ProgressTracker;
import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.dataset.BankFiles;
import io.finrec.core.dataset.BankSink;
import io.finrec.core.dataset.BankTable;
import io.finrec.core.io.DataFormatException;
import io.finrec.examples.store.BankStore;
import io.finrec.examples.store.IntegrityReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the bank database: streams the built-in bank (or a dataset directory) into a {@link BankStore} loader
 * with a progress bar, measures the stages and checks integrity. Shared by {@code data load} and {@code demo}.
 */
final class BankLoading {
    /** Time spent per stage, in seconds, and the outcome. */
    record Result(double produceSeconds, double insertSeconds, double commitSeconds, double checkSeconds,
                  Map<BankTable, Long> counts, IntegrityReport integrity, List<DataFormatException> badRows) {
        double totalSeconds() {
            return produceSeconds + insertSeconds + commitSeconds + checkSeconds;
        }

        void print(PrintWriter out, String source) {
            out.printf(Locale.ROOT, "loaded %,d customers, %,d transactions (%,d rows in all) from %s%n",
                    counts.getOrDefault(BankTable.CUSTOMERS, 0L), counts.getOrDefault(BankTable.TRANSACTIONS, 0L),
                    counts.values().stream().mapToLong(Long::longValue).sum(), source);
            boolean builtIn = source.startsWith("the built-in");
            out.printf(Locale.ROOT, "  stages: %s %.2fs (%s), index+commit %.2fs, integrity check %.2fs"
                    + " (total %.2fs)%n", builtIn ? "generate+insert" : "read+insert", produceSeconds + insertSeconds,
                    builtIn ? "generator and SQLite on two threads" : String.format(Locale.ROOT, "of which insert %.2fs",
                            insertSeconds), commitSeconds, checkSeconds, totalSeconds());
            out.println("  integrity: " + (integrity.ok() ? "ok" : integrity.problems().size() + " problem(s)"));
            for (String p : integrity.problems()) out.println("    " + p);
            if (!badRows.isEmpty()) {
                out.printf(Locale.ROOT, "  skipped %,d bad rows, e.g.:%n", badRows.size());
                badRows.stream().limit(5).forEach(e -> out.println("    " + e.getMessage()));
            }
        }
    }

    private static final int CHUNK = 2_048;
    private static final Object[] END = new Object[0];

    private BankLoading() {}

    /**
     * Generates the built-in bank on a background thread and delivers it to {@code sink} on the calling thread, in
     * the generator's order, through a bounded queue of record chunks: generation and SQLite insertion overlap on two
     * cores. A failure on either side stops both and is rethrown here.
     */
    static void generateInBackground(BankConfig config, BankSink sink) throws IOException {
        java.util.concurrent.BlockingQueue<Object[]> queue = new java.util.concurrent.ArrayBlockingQueue<>(16);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Throwable[] failure = {null};
        Thread producer = new Thread(() -> {
            Object[][] chunk = {new Object[2 * CHUNK]};
            int[] n = {0};
            try {
                BuiltInBank.generate(config, (table, record) -> {
                    if (stop.get()) throw new java.util.concurrent.CancellationException("stopped");
                    chunk[0][n[0]++] = table;
                    chunk[0][n[0]++] = record;
                    if (n[0] == chunk[0].length) {
                        put(queue, chunk[0], stop);
                        chunk[0] = new Object[2 * CHUNK];
                        n[0] = 0;
                    }
                });
                put(queue, java.util.Arrays.copyOf(chunk[0], n[0]), stop);
            } catch (Throwable t) {
                if (!(t instanceof java.util.concurrent.CancellationException)) failure[0] = t;
            } finally {
                try {
                    put(queue, END, stop);
                } catch (RuntimeException ignored) {
                    // the consumer has stopped; nobody waits for the end marker
                }
            }
        }, "finrec-bank-generator");
        producer.setDaemon(true);
        producer.start();
        try {
            while (true) {
                Object[] chunk = queue.take();
                if (chunk == END) break;
                for (int i = 0; i < chunk.length; i += 2) sink.accept((BankTable) chunk[i], chunk[i + 1]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading the bank", e);
        } catch (IOException | RuntimeException e) {
            stop.set(true);
            queue.clear();
            throw e;
        } finally {
            stop.set(true);
            queue.clear();
            try {
                producer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure[0] instanceof IOException io) throw io;
        if (failure[0] instanceof RuntimeException re) throw re;
        if (failure[0] instanceof Error er) throw er;
    }

    private static void put(java.util.concurrent.BlockingQueue<Object[]> queue, Object[] chunk,
                            java.util.concurrent.atomic.AtomicBoolean stop) {
        try {
            while (!queue.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (stop.get()) throw new java.util.concurrent.CancellationException("stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        }
    }

    /**
     * Loads the built-in bank, or the dataset directory {@code from} when present, into {@code store}.
     *
     * @param lenient skip (and report) bad rows of a dataset directory instead of failing
     */
    static Result load(BankStore store, BankConfig config, Optional<Path> from, boolean lenient, ProgressListener progress)
            throws IOException {
        List<DataFormatException> bad = new ArrayList<>();
        Map<String, String> props = from.isPresent() ? BankFiles.manifest(from.get())
                .map(m -> m.properties()).orElse(Map.of("source", from.get().toString()))
                : BuiltInBank.manifestProperties(config);
        long t0 = System.nanoTime();
        long[] insertNanos = {0};
        BankStore.Loader loader = store.loader(props);
        try {
            long expected = from.isPresent() ? BankFiles.manifest(from.get())
                    .map(m -> m.count(BankTable.CUSTOMERS)).filter(n -> n > 0).orElse(-1L) : config.customers();
            ProgressTracker tracker = ProgressTracker.start(from.isPresent() ? "load " + from.get().getFileName()
                    : "build bank", expected, "customers", progress);
            BankSink sink = (table, record) -> {
                if (table == BankTable.CUSTOMERS) tracker.advance(1);
                long s = System.nanoTime();
                loader.accept(table, record);
                insertNanos[0] += System.nanoTime() - s;
            };
            if (from.isPresent()) {
                if (lenient) BankFiles.readLenient(from.get(), sink, bad::add);
                else BankFiles.read(from.get(), sink);
            } else {
                generateInBackground(config, sink);
            }
        } catch (IOException | RuntimeException e) {
            loader.abort();
            throw e;
        }
        Map<BankTable, Long> counts = loader.counts();
        long t1 = System.nanoTime();
        loader.close();
        long t2 = System.nanoTime();
        IntegrityReport report = store.checkIntegrity();
        long t3 = System.nanoTime();
        double insert = insertNanos[0] / 1e9;
        return new Result((t1 - t0) / 1e9 - insert, insert, (t2 - t1) / 1e9, (t3 - t2) / 1e9, counts, report, bad);
    }
}
