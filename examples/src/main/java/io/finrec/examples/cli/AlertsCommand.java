package io.finrec.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.finrec.examples.alerts.Alert;
import io.finrec.core.domain.Customer;
import io.finrec.examples.app.BankApp;
import io.finrec.examples.store.BankStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code finrec alerts --customer ID}: runs the alert rules for one customer as of the end of the data, stores the
 * alerts (idempotently: running it again adds nothing) and prints every stored alert of theirs with its evidence.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Alerts for a customer: limits, savings goals, loan payments, unusual spending, low balance.",
                "Alerts are stored in the database; running again never duplicates them."})
final class AlertsCommand extends CustomerCommand {
    @Option(names = "--policy", paramLabel = "FILE", description = "Alert policy JSON (thresholds per segment or customer; see docs/bank-app.md).")
    Path policy;

    @Option(names = "--limit", defaultValue = "30", description = "Most recent alerts to print (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON object per alert instead of text.")
    boolean json;

    @Override
    void run(PrintWriter out, BankStore store, BankApp app, Customer c) throws IOException {
        String customer = c.id();
        long before = store.results().alertCount();
        List<Alert> alerts = app.alerts(customer, AppCommands.engine(spec, policy));
        long added = store.results().alertCount() - before;
        if (json) {
            ObjectMapper m = new ObjectMapper();
            for (Alert a : alerts.subList(0, Math.min(limit, alerts.size()))) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("customer", a.customerId());
                o.put("kind", a.kind().name());
                o.put("key", a.key());
                o.put("severity", a.severity().name());
                o.put("date", a.date().toString());
                o.put("message", a.message());
                o.put("evidence", a.evidence());
                out.println(m.writeValueAsString(o));
            }
        } else {
            out.printf(Locale.ROOT, "%d alert(s) for %s as of %s (%d new this run), most recent first:%n", alerts.size(),
                    customer, app.asOf(), added);
            for (Alert a : alerts.subList(0, Math.min(limit, alerts.size()))) {
                out.printf(Locale.ROOT, "  %s %-8s %-17s %s%n", a.date(), a.severity(), a.kind(), a.message());
                out.println("      evidence: " + a.evidence());
            }
            if (alerts.size() > limit) out.printf(Locale.ROOT, "  ... %d older (--limit)%n", alerts.size() - limit);
        }
    }
}
