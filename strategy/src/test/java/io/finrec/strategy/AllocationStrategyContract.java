package io.finrec.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.allocation.Allocation;
import io.finrec.api.allocation.AllocationRequest;
import io.finrec.api.allocation.AllocationStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract every {@link AllocationStrategy} of this module honours; implementations' tests extend it. */
public abstract class AllocationStrategyContract {
    /** The strategy under test. */
    protected abstract AllocationStrategy strategy();

    /** A request it can serve. */
    protected abstract AllocationRequest request();

    static double[] weights(Allocation a) {
        return a.weights().values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void weightsCoverTheAssetsInOrderAndSumToOne() {
        Allocation a = strategy().allocate(request());
        assertEquals(request().prices().assets(), new ArrayList<>(a.weights().keySet()));
        assertEquals(request().prices().assets(), new ArrayList<>(a.riskContributions().keySet()));
        double sum = 0;
        for (double w : weights(a)) {
            assertTrue(Double.isFinite(w));
            sum += w;
        }
        assertEquals(1, sum, 1e-10);
        assertTrue(a.volatility() > 0 && Double.isFinite(a.expectedReturn()) && Double.isFinite(a.sharpe()));
    }

    @Test
    void auditIdentifiesTheInputAndTheSolver() {
        Allocation a = strategy().allocate(request());
        assertEquals(request().prices().contentHash(), a.audit().inputHash());
        assertEquals("optimal", a.audit().solver().status());
        assertTrue(a.audit().solver().maxResidual() < 1e-9, a.audit().solver().toString());
        assertFalse(a.audit().settings().isEmpty());
        assertFalse(a.audit().windowEnd().isBefore(a.audit().windowStart()));
        assertTrue(a.audit().observations() > 0);
    }

    @Test
    void deterministicAcrossThreads() throws Exception {
        AllocationStrategy s = strategy();
        double[] ref = weights(s.allocate(request()));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Allocation>> fs = new ArrayList<>();
            for (int i = 0; i < 6; i++) fs.add(pool.submit(() -> s.allocate(request())));
            for (Future<Allocation> f : fs) assertArrayEquals(ref, weights(f.get()), 0.0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> strategy().allocate(null));
        assertFalse(strategy().name().isBlank());
    }
}
