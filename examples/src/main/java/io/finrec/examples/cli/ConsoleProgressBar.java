package io.finrec.examples.cli;

import io.finrec.api.progress.Progress;
import io.finrec.api.progress.ProgressListener;
import java.io.PrintWriter;

/**
 * A one-line text progress bar on stderr for long CLI jobs ({@code [#####-----] 52% 52,000/100,000 vectors 12s}).
 * Redraws in place on a terminal; when stderr is not a console it prints a line at most every 10 %. Thread-safe.
 */
final class ConsoleProgressBar implements ProgressListener {
    private final PrintWriter out;
    private final boolean console = System.console() != null;
    private int lastDecile = -1;

    ConsoleProgressBar(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void onProgress(Progress p) {
        double f = p.total() > 0 ? Math.min(1, (double) p.done() / p.total()) : 0;
        int width = 30;
        int filled = (int) Math.round(f * width);
        String line = String.format("%s [%s%s] %3d%% %,d/%,d %s %.0fs", p.task(), "#".repeat(filled),
                "-".repeat(width - filled), Math.round(f * 100), p.done(), p.total(), p.unit(), p.elapsedSeconds());
        if (console) {
            out.print("\r" + line + (p.done() >= p.total() && p.total() > 0 ? "\n" : ""));
        } else {
            int decile = (int) (f * 10);
            if (decile != lastDecile) {
                lastDecile = decile;
                out.println(line);
            }
        }
        out.flush();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
