package io.finrec.examples.spending;

import io.finrec.api.categorize.CategorizationInput;
import io.finrec.api.categorize.CategoryPrediction;
import io.finrec.api.categorize.TransactionCategorizer;
import io.finrec.api.progress.OperationCancelledException;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.progress.ProgressTracker;
import io.finrec.core.domain.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Categorises every transaction of a bank with a {@link TransactionCategorizer}: the transactions arrive from a scan
 * ordered by customer (e.g. {@code store.forEach(BankTable.TRANSACTIONS, ...)}), each customer's transactions go to
 * {@link TransactionCategorizer#categorizeAll} as one batch (so the categorizer can use recurrence within a
 * customer's statement), and batches run on {@code threads} worker threads while the scan goes on. The result keeps
 * the scan's order, so a run is deterministic whatever the thread count.
 *
 * <pre>{@code
 * TransactionCategorisation job = new TransactionCategorisation(CategorizerModel.builtin(), 2);
 * List<CategorisedTransaction> out = job.run(sink -> store.forEach(BankTable.TRANSACTIONS, sink),
 *         store.count(BankTable.TRANSACTIONS), progressBar);
 * }</pre>
 *
 * <p>Immutable and thread-safe (each {@link #run} uses its own worker threads); the categorizer must be thread-safe,
 * as the {@code TransactionCategorizer} contract requires.
 */
public final class TransactionCategorisation {
    private final TransactionCategorizer categorizer;
    private final int threads;

    /**
     * @param categorizer the categorizer (thread-safe)
     * @param threads     worker threads, {@code >= 1}
     */
    public TransactionCategorisation(TransactionCategorizer categorizer, int threads) {
        this.categorizer = Objects.requireNonNull(categorizer, "categorizer");
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        this.threads = threads;
    }

    /** The categorizer. */
    public TransactionCategorizer categorizer() {
        return categorizer;
    }

    /**
     * Runs the job.
     *
     * @param scan     calls its argument once per transaction, customers contiguous
     * @param expected number of transactions (for progress), or {@code -1}
     * @param progress progress listener; cancelling it stops the job with {@link OperationCancelledException}
     * @return one result per transaction, in scan order
     */
    public List<CategorisedTransaction> run(Consumer<Consumer<Transaction>> scan, long expected,
                                            ProgressListener progress) {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(progress, "progress");
        ProgressTracker tracker = ProgressTracker.start("categorise transactions", expected, "transactions", progress);
        AtomicLong done = new AtomicLong();
        long[] reported = {0};
        List<Future<List<CategorisedTransaction>>> parts = new ArrayList<>();
        Semaphore inFlight = new Semaphore(threads * 8);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "finrec-categorise");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Transaction> batch = new ArrayList<>();
            Consumer<List<Transaction>> submit = b -> {
                try {
                    inFlight.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OperationCancelledException("categorise transactions");
                }
                parts.add(pool.submit(() -> {
                    try {
                        if (progress.isCancelled()) return List.of();
                        List<CategorisedTransaction> out = categorise(b);
                        done.addAndGet(b.size());
                        return out;
                    } finally {
                        inFlight.release();
                    }
                }));
                long d = done.get();
                tracker.advance(d - reported[0]);
                reported[0] = d;
            };
            scan.accept(t -> {
                if (!batch.isEmpty() && !batch.get(batch.size() - 1).customerId().equals(t.customerId())) {
                    submit.accept(List.copyOf(batch));
                    batch.clear();
                }
                batch.add(t);
            });
            if (!batch.isEmpty()) submit.accept(List.copyOf(batch));
            List<CategorisedTransaction> out = new ArrayList<>(expected > 0 ? (int) Math.min(expected, 1 << 26) : 1024);
            for (Future<List<CategorisedTransaction>> f : parts) {
                out.addAll(f.get());
                long d = done.get();
                tracker.advance(d - reported[0]);
                reported[0] = d;
            }
            tracker.checkCancelled();
            tracker.finish(java.util.Map.of());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCancelledException("categorise transactions");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new IllegalStateException("categorisation failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Categorises one customer's transactions (one batch), in order. */
    public List<CategorisedTransaction> categorise(List<Transaction> transactions) {
        List<CategorizationInput> inputs = new ArrayList<>(transactions.size());
        for (Transaction t : transactions) inputs.add(CategorizationInput.of(t));
        List<CategoryPrediction> predictions = categorizer.categorizeAll(inputs);
        if (predictions.size() != inputs.size())
            throw new IllegalStateException("categorizer answered " + predictions.size() + " predictions for "
                    + inputs.size() + " transactions");
        List<CategorisedTransaction> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) out.add(CategorisedTransaction.of(transactions.get(i), predictions.get(i)));
        return out;
    }
}
