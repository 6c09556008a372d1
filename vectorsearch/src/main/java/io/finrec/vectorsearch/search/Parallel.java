package io.finrec.vectorsearch.search;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one worker on several threads (the caller's thread is one of them) and rethrows the first failure. The
 * worker pulls its own units from a shared counter. Stateless and thread-safe.
 */
public final class Parallel {
    private Parallel() {}

    /** Runs {@code worker} on {@code threads} threads and waits for all of them. */
    public static void run(int threads, String name, Runnable worker) {
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] ts = new Thread[threads - 1];
        for (int t = 0; t < ts.length; t++) {
            ts[t] = new Thread(worker, name + "-" + t);
            ts[t].setDaemon(true);
            ts[t].setUncaughtExceptionHandler((x, e) -> failure.compareAndSet(null, e));
            ts[t].start();
        }
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
        for (Thread t : ts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name + " threads", e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error err) throw err;
    }
}
