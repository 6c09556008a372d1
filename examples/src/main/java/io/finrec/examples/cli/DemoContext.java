package io.finrec.examples.cli;

import io.finrec.core.builtin.BankConfig;
import io.finrec.examples.store.BankStore;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What a {@link DemoSection} works with: the bank database (already loaded), where to print, the database path (to
 * place model files beside it) and the config the bank was generated from. Immutable; the store is thread-safe.
 *
 * @param store  the bank database
 * @param out    where the section prints its results
 * @param db     the database file
 * @param config     the built-in bank's config (seed, customers, window)
 * @param customerId the customer the demo profiles and recommends for ({@code --customer}, else the first one)
 */
public record DemoContext(BankStore store, PrintWriter out, Path db, BankConfig config, String customerId) {
    /** A fresh progress display on standard error for one long step; close it when the step ends. */
    public ProgressBar progress() {
        return ProgressBar.onStderr();
    }

    /** One long step of a section, reporting to the progress display it is given. */
    @FunctionalInterface
    public interface Step<T> {
        /** Runs the step. */
        T run(ProgressBar progress) throws Exception;
    }

    /** Runs one long step with a fresh {@link #progress()} display, closed (its line ended) when the step ends. */
    public <T> T withProgress(Step<T> step) throws Exception {
        try (ProgressBar bar = progress()) {
            return step.run(bar);
        }
    }

    /** A directory beside the database for model files and indexes the demo builds (created if needed). */
    public Path workDir() throws java.io.IOException {
        Path dir = io.finrec.examples.app.BankApp.modelDir(db);
        java.nio.file.Files.createDirectories(dir);
        return dir;
    }
}
