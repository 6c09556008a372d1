package io.finrec.api.progress;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A {@link ProgressListener} that forwards progress to a consumer and cancels when {@link #cancel()} is called
 * (from any thread, e.g. a UI or a signal handler). Thread-safe.
 */
public final class CancellationFlag implements ProgressListener {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Consumer<Progress> sink;

    /** A flag that forwards progress to {@code sink}. */
    public CancellationFlag(Consumer<Progress> sink) {
        this.sink = java.util.Objects.requireNonNull(sink, "sink");
    }

    /** A flag that ignores progress. */
    public CancellationFlag() {
        this(p -> {});
    }

    /** Requests cancellation. */
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public void onProgress(Progress progress) {
        sink.accept(progress);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
