/**
 * Progress reporting and cancellation for long jobs: {@link io.finrec.api.progress.ProgressListener} is what callers
 * pass in, {@link io.finrec.api.progress.ProgressTracker} is what jobs use to report to it.
 */
package io.finrec.api.progress;
