package io.finrec.examples.cli;

import io.finrec.examples.app.BankApp;
import io.finrec.examples.recommend.BankRecommender;
import io.finrec.examples.store.BankStore;
import io.finrec.core.domain.Customer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code finrec recommend --customer ID [--k 10] [--explain]}: the hybrid model's products for a customer (held and
 * ineligible ones excluded) and user-based CF's, with reasons. The models are trained on first use and saved beside
 * the database ({@code <db>-models/}), then loaded.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Recommend products to a customer (hybrid model + similar customers), with reasons.")
final class RecommendCommand extends CustomerCommand {
    @Option(names = {"--k", "-k"}, defaultValue = "10", description = "How many products (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--explain", description = "Print every reason (features, similar products, similar customers).")
    boolean explain;

    @Override
    void validate() {
        if (k < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--k: must be >= 1, was " + k);
    }

    @Override
    void run(PrintWriter out, BankStore store, BankApp app, Customer c) throws IOException {
        String customer = c.id();
        long t0 = System.nanoTime();
        BankRecommender rec;
        try (ProgressBar bar = ProgressBar.onStderr()) {
            rec = app.recommender(BankApp.modelDir(db.path()), bar);
        }
        double ready = (System.nanoTime() - t0) / 1e9;
        double micros = AppCommands.requestMicros(rec, customer, k);
        out.printf(Locale.ROOT, "%s: %s, age %d, income %,.0f, risk profile %s; holds %d product(s)%n", c.id(),
                c.segment(), c.age(), c.annualIncome().doubleValue(), c.riskProfile(), rec.holdings(customer).size());
        out.println("hybrid model (held and ineligible products excluded):");
        AppCommands.print(out, rec.recommend(customer, k), explain);
        out.println("similar customers (user-based collaborative filtering):");
        AppCommands.print(out, rec.recommendUserCf(customer, k), explain);
        out.printf(Locale.ROOT, "model ready in %.2fs (%s); one request (top %d, no reasons) takes %.1f µs on average%n",
                ready, BankRecommender.isSaved(BankApp.modelDir(db.path())) ? "saved in " + BankApp.modelDir(db.path()) : "",
                k, micros);
    }
}
