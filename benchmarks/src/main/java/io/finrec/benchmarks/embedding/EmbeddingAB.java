package io.finrec.benchmarks.embedding;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.finrec.nlp.embedding.MiniLmConfig;
import io.finrec.nlp.embedding.MiniLmEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Interleaved A/B companion of {@link EmbeddingBenchmark} for shared, noisy machines: for each setting it alternates
 * short slices of FinRec and langchain4j (A, B, A, B, ...) so both see the same background load, and reports each
 * side's sentences/s and the median of the per-round ratios. Same texts and defaults as the JMH benchmark.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.finrec.benchmarks.embedding.EmbeddingAB [rounds]
 * [sliceSeconds]} (defaults 6 rounds of 2 s per side and setting).
 */
public final class EmbeddingAB {
    private EmbeddingAB() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        double slice = args.length > 1 ? Double.parseDouble(args[1]) : 2.0;
        try (MiniLmEmbedder finrec = MiniLmEmbedder.create(MiniLmConfig.defaults())) {
            AllMiniLmL6V2EmbeddingModel l4j = new AllMiniLmL6V2EmbeddingModel();
            System.out.printf(Locale.ROOT, "%-6s %-6s %5s %12s %12s %8s%n", "length", "", "batch", "finrec s/s",
                    "l4j s/s", "ratio");
            for (String length : List.of("short", "medium")) {
                List<String> pool = length.equals("short") ? EmbeddingBenchmark.texts(4096, 1, false, new Random(7))
                        : EmbeddingBenchmark.texts(4096, 4, true, new Random(7));
                for (int batch : new int[] {1, 32, 128}) {
                    int[] next = {0};
                    Consumer<Boolean> one = useFinrec -> {
                        if (next[0] + batch > pool.size()) next[0] = 0;
                        List<String> texts = pool.subList(next[0], next[0] + batch);
                        next[0] += batch;
                        if (useFinrec) finrec.embedAll(texts);
                        else {
                            List<TextSegment> segs = new ArrayList<>(batch);
                            for (String t : texts) segs.add(TextSegment.from(t));
                            l4j.embedAll(segs);
                        }
                    };
                    run(one, true, slice / 2, batch); // warm-up
                    run(one, false, slice / 2, batch);
                    double[] ratios = new double[rounds];
                    double fSum = 0, lSum = 0;
                    for (int r = 0; r < rounds; r++) {
                        double f = run(one, true, slice, batch), l = run(one, false, slice, batch);
                        fSum += f;
                        lSum += l;
                        ratios[r] = f / l;
                    }
                    Arrays.sort(ratios);
                    double median = rounds % 2 == 1 ? ratios[rounds / 2] : (ratios[rounds / 2 - 1] + ratios[rounds / 2]) / 2;
                    System.out.printf(Locale.ROOT, "%-6s %-6s %5d %12.1f %12.1f %7.2fx  (per-round ratios %.2f..%.2f)%n",
                            length, "", batch, fSum / rounds, lSum / rounds, median, ratios[0], ratios[rounds - 1]);
                }
            }
        }
    }

    /** Sentences per second over one slice of at least {@code seconds}. */
    private static double run(Consumer<Boolean> one, boolean finrec, double seconds, int batch) {
        long t0 = System.nanoTime(), deadline = t0 + (long) (seconds * 1e9);
        long sentences = 0;
        do {
            one.accept(finrec);
            sentences += batch;
        } while (System.nanoTime() < deadline);
        return sentences / ((System.nanoTime() - t0) / 1e9);
    }
}
