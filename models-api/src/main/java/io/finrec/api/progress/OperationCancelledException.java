package io.finrec.api.progress;

/**
 * Thrown by a long job when its {@link ProgressListener} asked it to stop. Whatever the job was producing is
 * discarded; inputs are left unchanged.
 */
public class OperationCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param task the job that was cancelled */
    public OperationCancelledException(String task) {
        super(task + ": cancelled");
    }
}
