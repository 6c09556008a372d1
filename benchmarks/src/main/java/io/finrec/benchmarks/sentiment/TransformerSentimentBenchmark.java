package io.finrec.benchmarks.sentiment;

import io.finrec.nlp.sentiment.FinanceSentiment;
import io.finrec.nlp.sentiment.TransformerSentiment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Texts per second of the fine-tuned transformer sentiment model ({@link TransformerSentiment#builtIn()}, DJL on
 * PyTorch) one text per call and in batches of 32, next to the fast TF-IDF model for the ratio. The texts are every
 * 8th of the 2,120 benchmark sentences (265 texts, ~20 word pieces on average). Each op scores all of them.
 *
 * <p>Run: {@code OMP_WAIT_POLICY=PASSIVE java -jar benchmarks/target/benchmarks.jar TransformerSentiment -f 1 -wi 2 -w 5s -i 5 -r 5s}
 * (PyTorch uses its default intra-op threads: the machine's cores; PASSIVE keeps them from spinning on a busy machine).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class TransformerSentimentBenchmark {
    static final int N = 265;
    List<String> texts;
    TransformerSentiment transformer;
    FinanceSentiment fast;

    @Setup
    public void setup() throws IOException {
        List<String> all = SentimentBenchmark.sentences();
        texts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 8) texts.add(all.get(i));
        if (texts.size() != N) throw new IllegalStateException("expected " + N + " texts, got " + texts.size());
        transformer = TransformerSentiment.builtIn();
        fast = FinanceSentiment.builtIn();
        if (!transformer.score("Shares soar after record quarterly profit").label().equals("bullish"))
            throw new IllegalStateException("transformer sanity check failed");
    }

    /** One text per call (latency-bound use). */
    @Benchmark
    @OperationsPerInvocation(N)
    public void transformerBatch1(Blackhole bh) {
        for (String t : texts) bh.consume(transformer.score(t));
    }

    /** Batches of 32 texts (sorted by length inside the batch, padded to its longest). */
    @Benchmark
    @OperationsPerInvocation(N)
    public void transformerBatch32(Blackhole bh) {
        for (int i = 0; i < N; i += 32) bh.consume(transformer.scoreAll(texts.subList(i, Math.min(N, i + 32))));
    }

    /** The fast TF-IDF + logistic-regression model on the same texts, for the ratio. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void fastBatch1(Blackhole bh) {
        for (String t : texts) bh.consume(fast.score(t));
    }
}
