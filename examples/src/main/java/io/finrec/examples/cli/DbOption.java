package io.finrec.examples.cli;

import io.finrec.core.builtin.BankConfig;
import io.finrec.examples.store.BankStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --db FILE} option every command that reads the bank takes (default {@code finrec.db} in the working
 * directory), as a picocli mixin: {@code @Mixin DbOption db;} then {@code db.openOrBuild(spec)} or
 * {@code db.openExisting(spec)}.
 */
public final class DbOption {
    @Option(names = "--db", defaultValue = "finrec.db", paramLabel = "FILE",
            description = "SQLite bank database (default: ${DEFAULT-VALUE}).")
    Path path;

    /** The database path. */
    public Path path() {
        return path;
    }

    /** Opens the database, which must exist and hold a bank; otherwise a usage error says how to create one. */
    public BankStore openExisting(CommandLine.Model.CommandSpec spec) {
        if (!Files.isRegularFile(path))
            throw new CommandLine.ParameterException(spec.commandLine(), "--db: " + path
                    + " does not exist; create it with 'finrec data load' (or run 'finrec demo')");
        BankStore store = BankStore.open(path);
        if (store.isEmpty()) {
            store.close();
            throw new CommandLine.ParameterException(spec.commandLine(), "--db: " + path
                    + " holds no bank; load one with 'finrec data load'");
        }
        return store;
    }

    /**
     * Opens the database, first building the default built-in bank into it (with a progress bar and a summary on
     * stderr) when it is absent or empty.
     */
    public BankStore openOrBuild(CommandLine.Model.CommandSpec spec) throws IOException {
        BankStore store = BankStore.open(path);
        if (store.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("finrec: " + path + " holds no bank yet; building the built-in bank into it");
            err.flush();
            try (ProgressBar bar = ProgressBar.onStderr()) {
                BankLoading.load(store, BankConfig.defaults(), Optional.empty(), false, bar)
                        .print(err, "the built-in bank (seed " + BankConfig.DEFAULT_SEED + ")");
            } catch (IOException | RuntimeException e) {
                store.close();
                throw e;
            }
        }
        return store;
    }
}
