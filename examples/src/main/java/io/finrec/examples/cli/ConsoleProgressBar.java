package io.finrec.examples.cli;

import io.finrec.api.progress.Progress;
import io.finrec.api.progress.ProgressListener;
import java.io.PrintWriter;

/**
 * A {@link ProgressBar} on a given writer (the command's stderr) that ends its line by itself when a task completes,
 * for callers that cannot close the bar. All the drawing is {@link ProgressBar}'s: the CLI has one progress display.
 * New code should use {@code try (ProgressBar bar = ProgressBar.onStderr()) {...}} instead. Thread-safe.
 */
final class ConsoleProgressBar implements ProgressListener {
    private final ProgressBar bar;

    ConsoleProgressBar(PrintWriter out) {
        this.bar = new ProgressBar(out, ProgressBar.defaultMode());
    }

    @Override
    public void onProgress(Progress p) {
        bar.onProgress(p);
        if (p.total() > 0 && p.done() >= p.total()) bar.close();
    }

    @Override
    public boolean isCancelled() {
        return bar.isCancelled();
    }
}
