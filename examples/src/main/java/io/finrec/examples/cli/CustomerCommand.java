package io.finrec.examples.cli;

import io.finrec.core.domain.Customer;
import io.finrec.examples.app.BankApp;
import io.finrec.examples.store.BankStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The skeleton of the per-customer bank-app commands ({@code recommend}, {@code spending}, {@code alerts}): the
 * {@code --db FILE} and {@code --customer ID} options, opening the bank (building the built-in one when the database
 * is empty), checking the customer with a usage error naming {@code --customer}, the app with default settings,
 * and flushing the output. A subclass checks its own options in {@link #validate()} and does its work in
 * {@link #run}. One instance per command line, as picocli makes them; not thread-safe.
 */
abstract class CustomerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    AppCommands.CustomerOption who;

    /** Checks the command's own options before the database is opened; throws a picocli usage error. */
    void validate() {}

    /** The command's work for one known customer of an open store. */
    abstract void run(PrintWriter out, BankStore store, BankApp app, Customer customer) throws Exception;

    @Override
    public final Integer call() throws Exception {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        try (BankStore store = db.openOrBuild(spec)) {
            Customer customer = AppCommands.requireCustomer(spec, store, who.id);
            run(out, store, AppCommands.app(store), customer);
        }
        out.flush();
        return 0;
    }
}
