package io.finrec.api.progress;

import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of a long job's progress (training, index build, batch scoring). Immutable and thread-safe.
 *
 * @param task           what is running, e.g. "train hybrid (warp)"
 * @param done           units done so far
 * @param total          total units, or -1 when unknown
 * @param unit           what a unit is, e.g. "epoch", "vector", "transaction"
 * @param elapsedSeconds wall time since the job started
 * @param metrics        latest figures worth showing (loss, recall...), possibly empty
 */
public record Progress(String task, long done, long total, String unit, double elapsedSeconds,
                       Map<String, Double> metrics) {
    public Progress {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(unit, "unit");
        if (done < 0) throw new IllegalArgumentException("done: must be >= 0, was " + done);
        if (total < -1) throw new IllegalArgumentException("total: must be >= -1, was " + total);
        metrics = Map.copyOf(metrics);
    }

    /** Fraction done in [0, 1], or NaN when the total is unknown. */
    public double fraction() {
        return total <= 0 ? Double.NaN : Math.min(1.0, (double) done / total);
    }
}
