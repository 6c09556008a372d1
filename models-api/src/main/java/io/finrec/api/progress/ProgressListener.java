package io.finrec.api.progress;

/**
 * Receives progress from long jobs and can ask them to stop. Jobs call {@link #onProgress} from the thread that
 * coordinates them (never concurrently for one job) and poll {@link #isCancelled()} between units of work; when it
 * returns true the job stops promptly and throws {@link OperationCancelledException}, leaving any model it was
 * given unchanged.
 *
 * <p>Implementations must be cheap and thread-safe for {@code isCancelled()}, which workers may poll.
 */
public interface ProgressListener {
    /** A listener that ignores progress and never cancels. */
    ProgressListener NONE = p -> {};

    /** Called with the latest progress. */
    void onProgress(Progress progress);

    /** Whether the job should stop as soon as possible. */
    default boolean isCancelled() {
        return false;
    }
}
