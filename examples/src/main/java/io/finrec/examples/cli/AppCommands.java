package io.finrec.examples.cli;

import io.finrec.core.domain.Customer;
import io.finrec.examples.alerts.AlertEngine;
import io.finrec.examples.alerts.AlertPolicy;
import io.finrec.examples.app.BankApp;
import io.finrec.examples.recommend.ProductRecommendation;
import io.finrec.examples.store.BankStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What the bank-app commands share: checking the customer, reading an alert policy, printing recommendations. */
final class AppCommands {
    private AppCommands() {}

    /** The customer of the store, or a usage error naming {@code --customer} when the id is not in the store. */
    static Customer requireCustomer(CommandSpec spec, BankStore store, String id) {
        return store.customer(id).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "--customer: unknown customer id '" + id + "' in " + store.file() + (store.customers().isEmpty()
                        ? " (it holds no customers)" : " (ids look like " + store.customers().get(0).id() + ")")));
    }

    /** The alert engine of {@code --policy FILE}, or the default policy. */
    static AlertEngine engine(CommandSpec spec, Path policy) throws IOException {
        if (policy == null) return new AlertEngine(AlertPolicy.defaults());
        if (!Files.isRegularFile(policy))
            throw new CommandLine.ParameterException(spec.commandLine(), "--policy: " + policy + " does not exist");
        try {
            return new AlertEngine(AlertPolicy.read(policy));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--policy: " + e.getMessage(), e);
        }
    }

    /** An id for the policy (its file content), for the alerts stage's fingerprint. */
    static String policyId(Path policy) throws IOException {
        return policy == null ? "default" : Integer.toHexString(Files.readString(policy).hashCode());
    }

    /** Prints numbered recommendations, with their reasons when {@code explain}. */
    static void print(PrintWriter out, List<ProductRecommendation> recs, boolean explain) {
        int i = 0;
        for (ProductRecommendation r : recs) {
            out.printf(Locale.ROOT, "  %2d. %-34s %-14s score %7.3f%s%n", ++i, r.productName(), r.productId(), r.score(),
                    explain || r.reasons().isEmpty() ? "" : "   " + r.reasons().get(0));
            if (explain) for (String why : r.reasons()) out.println("        - " + why);
        }
        if (recs.isEmpty()) out.println("  (nothing: every eligible product is held)");
    }

    /**
     * The mean time of one request (the customer's top {@code k}, scores only) in microseconds, after a warm-up of
     * the scoring path.
     */
    static double requestMicros(io.finrec.examples.recommend.BankRecommender rec, String customer, int k) {
        for (int i = 0; i < 300; i++) rec.rank(customer, k);
        int n = 2000;
        long s0 = System.nanoTime();
        for (int i = 0; i < n; i++) rec.rank(customer, k);
        return (System.nanoTime() - s0) / 1e3 / n;
    }

    /** The {@code --customer ID} option of the per-customer commands, as a picocli mixin. */
    static final class CustomerOption {
        @picocli.CommandLine.Option(names = "--customer", required = true, paramLabel = "ID",
                description = "Customer id, e.g. C000042.")
        String id;
    }

    /** The app over a store with default settings. */
    static BankApp app(BankStore store) {
        return new BankApp(store, BankApp.Settings.defaults());
    }
}
