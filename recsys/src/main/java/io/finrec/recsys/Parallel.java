package io.finrec.recsys;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one work loop on {@code threads} threads (the loop pulls its own units, e.g. from an atomic counter) and waits
 * for all of them; with one thread it runs in the caller. Worker exceptions are rethrown in the caller. Stateless and
 * thread-safe.
 */
public final class Parallel {
    private Parallel() {}

    /** Runs {@code work} on {@code threads} threads and waits; {@code task} names the job in errors. */
    public static void run(int threads, String task, Runnable work) {
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        if (threads == 1) {
            work.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "finrec-" + task);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) fs.add(pool.submit(work));
            for (Future<?> f : fs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.finrec.api.progress.OperationCancelledException(task);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(task + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
