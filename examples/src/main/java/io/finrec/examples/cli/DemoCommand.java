package io.finrec.examples.cli;

import io.finrec.core.builtin.BankConfig;
import io.finrec.core.dataset.BankTable;
import io.finrec.examples.store.BankStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code finrec demo}: builds the built-in bank into SQLite when the database is absent or empty, then runs every
 * {@link DemoSection} on it and prints what each found and how long it took.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the bank demo on the built-in bank (built into the SQLite database on first use).")
final class DemoCommand implements Callable<Integer> {
    /** The demo's sections, in order. Capabilities append theirs here, one per line. */
    static final List<Supplier<DemoSection>> SECTIONS = List.of(
            BankSummarySection::new,
            BankAppSections.Categorise::new,
            BankAppSections.Spending::new,
            BankAppSections.Alerts::new,
            BankAppSections.Recommend::new,
            BankAppSections.Social::new,
            BankAppSections.Chat::new,
            BankAppSections.Evaluate::new,
            BankAppSections.Advise::new,
            BankAppSections.Report::new
    );

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption dbOption;

    @Option(names = "--rebuild", description = "Delete the bank in the database and build it again.")
    boolean rebuild;

    @Option(names = "--customer", paramLabel = "ID", description = "Customer to profile (default: the first one).")
    String customer;

    @Mixin
    DataCommand.BankOptions bank;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Path db = dbOption.path();
        PrintWriter out = spec.commandLine().getOut();
        BankConfig cfg = bank.config(spec);
        int failures = 0;
        try (BankStore store = BankStore.open(db)) {
            if (rebuild && !store.isEmpty()) store.clear();
            if (store.isEmpty()) {
                out.println("== building the built-in bank into " + db + " (first run)");
                out.flush();
                BankLoading.Result r;
                try (ProgressBar bar = ProgressBar.onStderr()) {
                    r = BankLoading.load(store, cfg, Optional.empty(), false, bar);
                }
                r.print(out, "the built-in bank (seed " + cfg.seed() + ")");
                if (!r.integrity().ok()) failures++;
            } else {
                Map<String, String> p = store.properties();
                out.printf(Locale.ROOT, "== using %s: %,d customers (seed %s, generator %s); --rebuild to regenerate%n",
                        db, store.count(BankTable.CUSTOMERS), p.getOrDefault("seed", "?"),
                        p.getOrDefault("generator_version", "?"));
                cfg = configOf(p, cfg);
            }
            String who = customer != null ? customer : store.customers().get(0).id();
            if (store.customer(who).isEmpty())
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--customer: no customer '" + who
                        + "' in " + db);
            DemoContext ctx = new DemoContext(store, out, db, cfg, who);
            for (Supplier<DemoSection> s : SECTIONS) {
                DemoSection section = s.get();
                out.println();
                out.println("== " + section.title());
                out.flush();
                long s0 = System.nanoTime();
                long c0 = processCpuNanos();
                try {
                    section.run(ctx);
                    out.printf(Locale.ROOT, "   (%s: %.2fs; CPU %.2fs)%n", section.title(), (System.nanoTime() - s0) / 1e9,
                            (processCpuNanos() - c0) / 1e9);
                } catch (Exception e) {
                    failures++;
                    spec.commandLine().getErr().println("finrec: demo section '" + section.title() + "' failed: "
                            + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    if (System.getenv("FINREC_DEBUG") != null) e.printStackTrace(spec.commandLine().getErr());
                }
                out.flush();
            }
        }
        out.printf(Locale.ROOT, "%n== demo finished in %.2fs (CPU %.2fs on %d cores)%s%n", (System.nanoTime() - t0) / 1e9,
                processCpuNanos() / 1e9, Runtime.getRuntime().availableProcessors(),
                failures == 0 ? "" : " with " + failures + " failure(s)");
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    /**
     * CPU time of this process so far, in nanoseconds (all threads), or 0 where the JVM does not report it. On a
     * shared machine it says what a stage cost better than the wall clock.
     */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) return Math.max(0, os.getProcessCpuTime());
        return 0;
    }

    /** The generator config recorded in the database's properties (falls back to {@code fallback}'s values). */
    static BankConfig configOf(Map<String, String> p, BankConfig fallback) {
        try {
            return new BankConfig(Long.parseLong(p.getOrDefault("seed", Long.toString(fallback.seed()))),
                    Integer.parseInt(p.getOrDefault("customers", Integer.toString(fallback.customers()))),
                    java.time.LocalDate.parse(p.getOrDefault("start", fallback.start().toString())),
                    Integer.parseInt(p.getOrDefault("months", Integer.toString(fallback.months()))),
                    Integer.parseInt(p.getOrDefault("market_years", Integer.toString(fallback.marketYears()))));
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
