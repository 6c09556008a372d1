package io.finrec.api.progress;

import java.util.Map;
import java.util.Objects;

/**
 * The helper jobs use to report to a {@link ProgressListener}: counts units, rate-limits reports (at most one per
 * {@code minIntervalNanos}, plus the first and the last), and turns a cancellation request into
 * {@link OperationCancelledException}.
 *
 * <p>Not thread-safe: owned by the coordinating thread of one job. Workers should only call
 * {@link #checkCancelled()}, which is safe from any thread.
 */
public final class ProgressTracker {
    private static final long DEFAULT_INTERVAL_NANOS = 200_000_000L;

    private final String task;
    private final long total;
    private final String unit;
    private final ProgressListener listener;
    private final long start = System.nanoTime();
    private final long minIntervalNanos;
    private long lastReport = Long.MIN_VALUE;
    private long done;

    private ProgressTracker(String task, long total, String unit, ProgressListener listener, long minIntervalNanos) {
        this.task = Objects.requireNonNull(task, "task");
        this.total = total;
        this.unit = Objects.requireNonNull(unit, "unit");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.minIntervalNanos = minIntervalNanos;
    }

    /** Starts tracking a job of {@code total} units ({@code -1} if unknown), reporting at most 5 times a second. */
    public static ProgressTracker start(String task, long total, String unit, ProgressListener listener) {
        ProgressTracker t = new ProgressTracker(task, total, unit, listener, DEFAULT_INTERVAL_NANOS);
        t.checkCancelled();
        t.report(Map.of(), true);
        return t;
    }

    /** Throws {@link OperationCancelledException} if the listener asked to stop. Safe from any thread. */
    public void checkCancelled() {
        if (listener.isCancelled()) throw new OperationCancelledException(task);
    }

    /** Adds {@code units} done, reports if due, and checks for cancellation. */
    public void advance(long units) {
        advance(units, Map.of());
    }

    /** Adds {@code units} done with the latest metrics, reports if due, and checks for cancellation. */
    public void advance(long units, Map<String, Double> metrics) {
        if (units < 0) throw new IllegalArgumentException("units: must be >= 0, was " + units);
        done += units;
        report(metrics, total > 0 && done >= total);
        checkCancelled();
    }

    /**
     * Reports the final state now, whatever the rate limit (useful when the total was unknown or the job ended
     * early).
     */
    public void finish(Map<String, Double> metrics) {
        report(metrics, true);
    }

    /** Units done so far. */
    public long done() {
        return done;
    }

    /** Seconds since the job started. */
    public double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void report(Map<String, Double> metrics, boolean force) {
        long now = System.nanoTime();
        if (!force && lastReport != Long.MIN_VALUE && now - lastReport < minIntervalNanos) return;
        lastReport = now;
        listener.onProgress(new Progress(task, done, total, unit, (now - start) / 1e9, metrics));
    }
}
