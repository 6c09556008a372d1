package io.finrec.api.vector;

import java.util.ArrayList;
import java.util.List;

/** Runs one worker on several threads and rethrows the first failure. Stateless and thread-safe. */
final class BatchRunner {
    private BatchRunner() {}

    static void run(int threads, Runnable worker) {
        if (threads == 1) {
            worker.run();
            return;
        }
        List<Thread> started = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(worker, "finrec-search-" + t);
            th.setDaemon(true);
            th.setUncaughtExceptionHandler((x, e) -> {
                synchronized (failure) {
                    if (failure[0] == null) failure[0] = e;
                }
            });
            th.start();
            started.add(th);
        }
        for (Thread th : started) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while searching", e);
            }
        }
        synchronized (failure) {
            if (failure[0] instanceof RuntimeException re) throw re;
            if (failure[0] instanceof Error err) throw err;
        }
    }
}
