package io.finrec.api.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ProgressTrackerTest {
    @Test
    void reportsFirstAndLastAndRateLimitsTheRest() {
        List<Progress> seen = new ArrayList<>();
        ProgressTracker t = ProgressTracker.start("train", 1000, "epoch", seen::add);
        for (int i = 0; i < 1000; i++) t.advance(1, Map.of("loss", 1.0 / (i + 1)));
        assertTrue(seen.size() >= 2 && seen.size() < 50, "reports: " + seen.size());
        assertEquals(0, seen.get(0).done());
        Progress last = seen.get(seen.size() - 1);
        assertEquals(1000, last.done());
        assertEquals(1.0, last.fraction());
        assertEquals(0.001, last.metrics().get("loss"), 1e-12);
        assertEquals(1000, t.done());
    }

    @Test
    void finishForcesAReportForUnknownTotals() {
        List<Progress> seen = new ArrayList<>();
        ProgressTracker t = ProgressTracker.start("scan", -1, "row", seen::add);
        t.advance(5);
        t.finish(Map.of());
        assertEquals(5, seen.get(seen.size() - 1).done());
        assertTrue(Double.isNaN(seen.get(0).fraction()));
    }

    @Test
    void cancellationStopsTheJobAndIsVisibleFromOtherThreads() throws Exception {
        CancellationFlag flag = new CancellationFlag();
        ProgressTracker t = ProgressTracker.start("index", 100, "vector", flag);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            started.countDown();
            try {
                while (true) t.checkCancelled();
            } catch (OperationCancelledException e) {
                stopped.set(e.getMessage().equals("index: cancelled"));
            }
        });
        worker.start();
        started.await();
        flag.cancel();
        worker.join(5_000);
        assertTrue(stopped.get());
        assertThrows(OperationCancelledException.class, () -> t.advance(1));
    }

    @Test
    void alreadyCancelledListenersStopTheJobBeforeItStarts() {
        CancellationFlag flag = new CancellationFlag();
        flag.cancel();
        assertThrows(OperationCancelledException.class, () -> ProgressTracker.start("x", 1, "u", flag));
    }

    @Test
    void invalidValuesAreRejected() {
        ProgressTracker t = ProgressTracker.start("x", 10, "u", ProgressListener.NONE);
        assertThrows(IllegalArgumentException.class, () -> t.advance(-1));
        assertThrows(IllegalArgumentException.class, () -> new Progress("x", -1, 10, "u", 0, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new Progress("x", 1, -2, "u", 0, Map.of()));
        assertThrows(NullPointerException.class, () -> ProgressTracker.start(null, 1, "u", ProgressListener.NONE));
    }
}
