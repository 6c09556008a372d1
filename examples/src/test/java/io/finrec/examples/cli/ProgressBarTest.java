package io.finrec.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.progress.OperationCancelledException;
import io.finrec.api.progress.Progress;
import io.finrec.api.progress.ProgressTracker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static String capture(ProgressBar.Mode mode, int steps) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
             ProgressBar bar = new ProgressBar(ps, mode)) {
            for (int i = 0; i <= steps; i++)
                bar.onProgress(new Progress("train", i, steps, "epoch", i * 0.5, Map.of("loss", 1.0 / (i + 1))));
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rendersFractionCountsEtaAndMetrics() {
        String line = ProgressBar.render(new Progress("train", 25, 100, "epoch", 5.0, Map.of("loss", 0.123456)));
        assertEquals("train [######..................]  25%  25/100 epoch  5.0s  ETA 15.0s  loss=0.1235", line);
        assertEquals("scan 1,234 rows  2.0s", ProgressBar.render(new Progress("scan", 1234, -1, "rows", 2.0, Map.of())));
    }

    @Test
    void barRedrawsOneLineInPlace() {
        String out = capture(ProgressBar.Mode.BAR, 50);
        assertEquals(51, out.chars().filter(c -> c == '\r').count());
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "one line end, when closed");
        assertTrue(out.contains("100%  50/50 epoch"));
    }

    @Test
    void plainModePrintsFewLinesIncludingTheLast() {
        String out = capture(ProgressBar.Mode.PLAIN, 1000);
        long lines = out.lines().count();
        assertTrue(lines >= 10 && lines <= 12, "one line per 10 %: " + lines);
        assertTrue(out.lines().reduce((a, b) -> b).orElseThrow().contains("100%  1,000/1,000"));
        assertTrue(!out.contains("\r"));
        assertEquals("", capture(ProgressBar.Mode.NONE, 10));
    }

    @Test
    void cancelStopsAJobThroughTheTracker() {
        ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream(), true), ProgressBar.Mode.NONE);
        ProgressTracker t = ProgressTracker.start("job", 10, "step", bar);
        t.advance(1);
        bar.cancel();
        assertTrue(bar.isCancelled());
        assertThrows(OperationCancelledException.class, () -> t.advance(1));
        assertEquals(0, bar.last().orElseThrow().done(), "reports are rate-limited: only the first one so far");
    }
}
