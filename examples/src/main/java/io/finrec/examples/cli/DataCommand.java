package io.finrec.examples.cli;

import io.finrec.api.progress.ProgressTracker;
import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.dataset.BankFiles;
import io.finrec.core.dataset.BankTable;
import io.finrec.examples.store.BankStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code finrec data}: generate the built-in bank as files, and load a bank into the SQLite database. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Generate and load bank data.",
        subcommands = {DataCommand.Generate.class, DataCommand.Load.class, DataCommand.Check.class})
final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: generate, load or check");
    }

    /** Options shared by the commands that generate the built-in bank. */
    static final class BankOptions {
        @Option(names = "--seed", description = "Generator seed (default: ${DEFAULT-VALUE}).", defaultValue = "42")
        long seed;

        @Option(names = "--customers", description = "Number of customers, 1..1000000 (default: ${DEFAULT-VALUE}).",
                defaultValue = "2000")
        int customers;

        BankConfig config(CommandSpec spec) {
            if (customers < 1 || customers > BankConfig.MAX_CUSTOMERS)
                throw new ParameterException(spec.commandLine(), "--customers: " + customers + " is outside [1, "
                        + BankConfig.MAX_CUSTOMERS + "]");
            return BankConfig.defaults().withSeed(seed).withCustomers(customers);
        }
    }

    /** {@code finrec data generate --out DIR}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write the built-in bank (deterministic for a seed) as CSV or JSON-lines files.")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write (created if needed).")
        Path out;

        @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default: ${DEFAULT-VALUE}).")
        String format;

        @Mixin
        BankOptions bank;

        @Override
        public Integer call() throws Exception {
            BankFiles.Format f;
            try {
                f = BankFiles.Format.parse(format);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--format: '" + format + "' is not csv or jsonl");
            }
            if (Files.exists(out) && !Files.isDirectory(out))
                throw new ParameterException(spec.commandLine(), "--out: " + out + " exists and is not a directory");
            BankConfig cfg = bank.config(spec);
            PrintWriter o = spec.commandLine().getOut();
            long t0 = System.nanoTime();
            Map<BankTable, Long> counts;
            try (ProgressBar bar = ProgressBar.onStderr();
                 BankFiles.DirectoryWriter w = BankFiles.writer(out, f, BuiltInBank.manifestProperties(cfg))) {
                ProgressTracker tracker = ProgressTracker.start("generate bank", cfg.customers(), "customers", bar);
                BuiltInBank.generate(cfg, (table, record) -> {
                    if (table == BankTable.CUSTOMERS) tracker.advance(1);
                    w.accept(table, record);
                });
                counts = w.counts();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            o.printf(Locale.ROOT, "wrote the built-in bank (seed %d) to %s in %.2fs%n", cfg.seed(), out, secs);
            printCounts(o, counts);
            o.flush();
            return 0;
        }
    }

    /** {@code finrec data load --db FILE [--from DIR]}. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Load a bank into the SQLite database: the built-in bank, or a directory written by "
                    + "'data generate' (or your own files in the same format).")
    static final class Load implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db;

        @Option(names = "--from", paramLabel = "DIR", description = "Dataset directory to load; without it the built-in "
                + "bank is generated straight into the database.")
        Path from;

        @Option(names = "--replace", description = "Delete the bank already in the database first.")
        boolean replace;

        @Option(names = "--lenient", description = "Skip rows that fail validation (and report them) instead of "
                + "stopping at the first one.")
        boolean lenient;

        @Mixin
        BankOptions bank;

        @Override
        public Integer call() throws Exception {
            if (from != null && !Files.isDirectory(from))
                throw new ParameterException(spec.commandLine(), "--from: " + from + " is not a directory");
            BankConfig cfg = bank.config(spec);
            PrintWriter o = spec.commandLine().getOut();
            BankLoading.Result result;
            try (BankStore store = BankStore.open(db.path())) {
                if (!store.isEmpty()) {
                    if (!replace) {
                        spec.commandLine().getErr().println("finrec: " + db.path() + " already holds a bank ("
                                + store.count(BankTable.CUSTOMERS) + " customers); use --replace to load it again");
                        return 1;
                    }
                    store.clear();
                }
                try (ProgressBar bar = ProgressBar.onStderr()) {
                    result = BankLoading.load(store, cfg, Optional.ofNullable(from), lenient, bar);
                }
            }
            result.print(o, from == null ? "the built-in bank (seed " + cfg.seed() + ")" : from.toString());
            o.println("database: " + db.path().toAbsolutePath());
            o.flush();
            return result.integrity().ok() ? 0 : 1;
        }
    }

    /** {@code finrec data check --db FILE}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check the database: SQLite structure, foreign keys, account ownership and row counts.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(db.path())) {
                spec.commandLine().getErr().println("finrec: " + db.path() + " does not exist; run 'finrec data load' first");
                return 1;
            }
            PrintWriter o = spec.commandLine().getOut();
            long t0 = System.nanoTime();
            io.finrec.examples.store.IntegrityReport r;
            try (BankStore store = BankStore.open(db.path())) {
                r = store.checkIntegrity();
            }
            printCounts(o, r.counts());
            o.printf(Locale.ROOT, "integrity: %s (%.2fs)%n", r.ok() ? "ok" : r.problems().size() + " problem(s)",
                    (System.nanoTime() - t0) / 1e9);
            r.problems().forEach(p -> o.println("  " + p));
            o.flush();
            return r.ok() ? 0 : 1;
        }
    }

    static void printCounts(PrintWriter o, Map<BankTable, Long> counts) {
        for (Map.Entry<BankTable, Long> e : counts.entrySet())
            o.printf(Locale.ROOT, "  %-16s %,10d%n", e.getKey().tableName(), e.getValue());
    }
}
