package io.finrec.examples.cli;

import io.finrec.examples.app.BankApp;
import io.finrec.examples.charts.BankCharts;
import io.finrec.examples.charts.ChartImages;
import io.finrec.examples.recommend.BankRecommender;
import io.finrec.examples.report.CustomerReport;
import io.finrec.examples.store.BankStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import io.finrec.api.progress.ProgressTracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code finrec report [--db FILE] --customer ID --out DIR}: one self-contained HTML page per customer (spending pie
 * and monthly chart, alerts with evidence, recommendations with reasons, allocation chart and explanation), plus the
 * spending pie as PNG and SVG files.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report per customer (opens offline in any browser).")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @picocli.CommandLine.ArgGroup(multiplicity = "1")
    Who who;

    /** Which customers: a list, or all. */
    static final class Who {
        @Option(names = "--customer", required = true, paramLabel = "ID", split = ",",
                description = "Customer id(s), e.g. C000042 or C000001,C000002.")
        List<String> customers;

        @Option(names = "--all", required = true, description = "Every customer of the bank (with a progress bar).")
        boolean all;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the pages (created if needed).")
    Path outDir;

    @Option(names = "--policy", paramLabel = "FILE", description = "Alert policy JSON (default thresholds otherwise).")
    Path policy;

    @Option(names = {"--k", "-k"}, defaultValue = "10", description = "Products to recommend (default ${DEFAULT-VALUE}).")
    int k;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (BankStore store = db.openOrBuild(spec)) {
            List<String> customers = who.all ? store.customers().stream().map(c -> c.id()).toList() : who.customers;
            for (String c : customers) AppCommands.requireCustomer(spec, store, c);
            BankApp app = AppCommands.app(store);
            BankRecommender rec;
            try (ProgressBar bar = ProgressBar.onStderr()) {
                rec = app.recommender(BankApp.modelDir(db.path()), bar);
            }
            var engine = AppCommands.engine(spec, policy);
            try (ProgressBar bar = who.all ? ProgressBar.onStderr() : new ProgressBar(System.err, ProgressBar.Mode.NONE)) {
                ProgressTracker tracker = ProgressTracker.start("reports", customers.size(), "customers", bar);
                for (String c : customers) {
                    CustomerReport r = app.report(c, rec, engine, k);
                    Path page = r.write(outDir);
                    Path[] pie = ChartImages.write(BankCharts.spendingPie(r.spending(), "Spending of " + c), 640, 480,
                            outDir, "spending-" + c);
                    if (!who.all)
                        out.printf(Locale.ROOT, "%s: %s (%,d bytes), %s, %s%n", c, page, Files.size(page),
                                pie[0].getFileName(), pie[1].getFileName());
                    tracker.advance(1);
                }
            }
            if (who.all) out.printf(Locale.ROOT, "wrote %,d reports with their pie charts to %s%n", customers.size(), outDir);
        }
        out.flush();
        return 0;
    }
}
