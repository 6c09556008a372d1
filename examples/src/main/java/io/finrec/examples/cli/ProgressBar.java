package io.finrec.examples.cli;

import io.finrec.api.progress.Progress;
import io.finrec.api.progress.ProgressListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The command line's progress display, a {@link ProgressListener} every long job can report to. On a terminal it
 * redraws one line in place ({@code \r}):
 * <pre>
 * generate bank [##########..........]  52%  1,040/2,000 customers  1.9s  ETA 1.7s
 * </pre>
 * Otherwise (output redirected to a file or CI log) it prints a plain line at most every 10 % or 5 seconds, plus the
 * last one, so logs stay short. {@link #cancel()} makes the job stop at its next check.
 *
 * <p>Choose the mode with the environment variable {@code FINREC_PROGRESS} (or the system property
 * {@code finrec.progress}): {@code bar}, {@code plain} or {@code none}; by default a bar when a console is attached,
 * plain lines otherwise.
 *
 * <p>Thread-safe: {@link #onProgress} and {@link #close} are synchronized; {@link #isCancelled} is lock-free.
 */
public final class ProgressBar implements ProgressListener, AutoCloseable {
    /** Display modes. */
    public enum Mode {
        /** A bar redrawn in place with carriage returns. */
        BAR,
        /** Occasional plain lines. */
        PLAIN,
        /** Nothing. */
        NONE
    }

    private static final int WIDTH = 24;
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final Mode mode;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private boolean lineOpen;
    private int lastLength;
    private double lastPlainFraction = -1;
    private long lastPlainNanos;
    private Progress last;

    /** A progress display on {@code out} in the given mode. */
    public ProgressBar(PrintStream out, Mode mode) {
        this(new PrintWriter(Objects.requireNonNull(out, "out"), true), mode);
    }

    /** A progress display on {@code out} (e.g. picocli's {@code spec.commandLine().getErr()}) in the given mode. */
    public ProgressBar(PrintWriter out, Mode mode) {
        this.out = Objects.requireNonNull(out, "out");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** A progress display on standard error, in the mode {@link #defaultMode()} picks. */
    public static ProgressBar onStderr() {
        return new ProgressBar(System.err, defaultMode());
    }

    /**
     * The system property {@code finrec.progress} or else the environment variable {@code FINREC_PROGRESS} if set
     * ({@code bar}, {@code plain}, {@code none}), else a bar when a console is attached, else plain lines.
     */
    public static Mode defaultMode() {
        String env = System.getProperty("finrec.progress", System.getenv("FINREC_PROGRESS"));
        if (env != null) {
            for (Mode m : Mode.values()) if (m.name().equalsIgnoreCase(env.trim())) return m;
        }
        String term = System.getenv("TERM");
        return System.console() != null && !"dumb".equals(term) ? Mode.BAR : Mode.PLAIN;
    }

    /** The display mode. */
    public Mode mode() {
        return mode;
    }

    @Override
    public synchronized void onProgress(Progress p) {
        last = p;
        switch (mode) {
            case NONE -> { }
            case BAR -> {
                String line = render(p);
                StringBuilder sb = new StringBuilder(line.length() + 8).append('\r').append(line);
                for (int i = line.length(); i < lastLength; i++) sb.append(' ');
                lastLength = line.length();
                out.print(sb);
                out.flush();
                lineOpen = true;
            }
            case PLAIN -> {
                long now = System.nanoTime();
                double f = p.fraction();
                boolean finished = p.total() > 0 && p.done() >= p.total();
                boolean due = lastPlainNanos == 0 || finished || now - lastPlainNanos >= PLAIN_INTERVAL_NANOS
                        || (!Double.isNaN(f) && f - lastPlainFraction >= 0.1);
                if (!due || (finished && lastPlainFraction >= 1)) return;
                out.println(render(p));
                out.flush();
                lastPlainNanos = now;
                lastPlainFraction = Double.isNaN(f) ? lastPlainFraction : f;
            }
        }
    }

    /** The text of one progress line (without a carriage return or line end). */
    public static String render(Progress p) {
        StringBuilder sb = new StringBuilder(p.task()).append(' ');
        double f = p.fraction();
        if (!Double.isNaN(f)) {
            int filled = (int) Math.round(f * WIDTH);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
            sb.append(String.format(Locale.ROOT, "%3d%%  %,d/%,d %s", (int) Math.floor(f * 100), p.done(), p.total(),
                    p.unit()));
        } else {
            sb.append(String.format(Locale.ROOT, "%,d %s", p.done(), p.unit()));
        }
        sb.append(String.format(Locale.ROOT, "  %.1fs", p.elapsedSeconds()));
        if (!Double.isNaN(f) && f > 0.02 && f < 1) {
            double eta = p.elapsedSeconds() * (1 - f) / f;
            sb.append(String.format(Locale.ROOT, "  ETA %.1fs", eta));
        }
        for (Map.Entry<String, Double> m : new TreeMap<>(p.metrics()).entrySet())
            sb.append(String.format(Locale.ROOT, "  %s=%.4g", m.getKey(), m.getValue()));
        return sb.toString();
    }

    /** Asks the job to stop at its next cancellation check. Safe from any thread. */
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    /** The last progress received, if any. */
    public synchronized java.util.Optional<Progress> last() {
        return java.util.Optional.ofNullable(last);
    }

    /** Ends the bar's line (so the next output starts on a fresh line). */
    @Override
    public synchronized void close() {
        if (lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
        }
    }
}
