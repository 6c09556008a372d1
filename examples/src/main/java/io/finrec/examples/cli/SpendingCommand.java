package io.finrec.examples.cli;

import io.finrec.core.domain.Customer;
import io.finrec.examples.app.BankApp;
import io.finrec.examples.charts.BankCharts;
import io.finrec.examples.charts.ChartImages;
import io.finrec.examples.spending.SpendingSummary;
import io.finrec.examples.store.BankStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code finrec spending --customer ID [--chart DIR]}: a customer's spending by category and month (from the
 * categorised transactions when {@code finrec demo} has categorised them, else the data's labels), and the pie chart
 * as PNG and SVG.
 */
@Command(name = "spending", mixinStandardHelpOptions = true,
        description = "A customer's spending by category and month, and a pie chart (PNG and SVG).")
final class SpendingCommand extends CustomerCommand {
    @Option(names = "--chart", paramLabel = "DIR", description = "Write spending-<ID>.png and .svg into DIR.")
    Path chart;

    @Override
    void run(PrintWriter out, BankStore store, BankApp app, Customer c) throws IOException {
        String customer = c.id();
        SpendingSummary s = app.spending(customer);
        BankAppSections.printSpending(out, customer, s, app.categorised());
        if (chart != null) {
            Path[] files = ChartImages.write(BankCharts.spendingPie(s, "Spending of " + customer), 640, 480, chart,
                    "spending-" + customer);
            out.println("pie chart: " + files[0] + ", " + files[1]);
        }
    }

    /** A month as a column header, e.g. 03/24. */
    static String month(YearMonth m) {
        return String.format(Locale.ROOT, "%02d/%02d", m.getMonthValue(), m.getYear() % 100);
    }

    static void table(PrintWriter out, SpendingSummary s) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-14s", "category"));
        for (YearMonth m : s.months()) head.append(String.format(Locale.ROOT, " %7s", month(m)));
        out.println(head.append(String.format(Locale.ROOT, " %9s", "total")));
        for (Map.Entry<String, Double> e : s.byCategory().entrySet()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-14s", e.getKey()));
            for (YearMonth m : s.months())
                row.append(String.format(Locale.ROOT, " %,7.0f", s.byMonth().get(m).getOrDefault(e.getKey(), 0.0)));
            out.println(row.append(String.format(Locale.ROOT, " %,9.0f", e.getValue())));
        }
    }
}
