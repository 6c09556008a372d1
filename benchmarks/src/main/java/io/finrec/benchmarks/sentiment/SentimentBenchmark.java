package io.finrec.benchmarks.sentiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.finrec.api.sentiment.SentimentScore;
import io.finrec.nlp.keywords.KeywordExtractor;
import io.finrec.nlp.sentiment.FinanceSentiment;
import io.finrec.nlp.sentiment.VaderSentiment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * Texts per second, single-threaded, over the same 2,120 mixed sentences (demo/tricky, randomised rule-exercising,
 * templated finance, finance tweets) that {@code docs/sentiment.md} times the original Python VADER on. Each
 * benchmark op scores all sentences; {@link OperationsPerInvocation} turns the score into texts/s.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar sentiment -f 1 -wi 3 -w 2s -i 5 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class SentimentBenchmark {
    static final int N = 2120;
    List<String> sentences;
    VaderSentiment vader;
    FinanceSentiment learned;
    KeywordExtractor keywords;
    double[] out = new double[4];

    /** The 2,120 benchmark sentences (JSON strings, one per line, in {@code sentences.jsonl}). */
    static List<String> sentences() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> all = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SentimentBenchmark.class.getResourceAsStream("sentences.jsonl"), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) all.add(json.readValue(l, String.class));
        }
        if (all.size() != N) throw new IllegalStateException("expected " + N + " sentences, got " + all.size());
        return all;
    }

    @Setup
    public void setup() throws IOException {
        sentences = sentences();
        vader = VaderSentiment.create();
        learned = FinanceSentiment.builtIn();
        keywords = KeywordExtractor.builtIn();
        // sanity: the scorers answer as the tests expect
        if (!vader.score("VADER is smart, handsome, and funny.").label().equals("positive"))
            throw new IllegalStateException("VADER sanity check failed");
    }

    /** VADER through the allocation-light API (fills a double[4]). */
    @Benchmark
    @OperationsPerInvocation(N)
    public void vaderPolarity(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            vader.polarity(sentences.get(i), out);
            bh.consume(out[3]);
        }
    }

    /** VADER through the {@code SentimentScorer} contract (one record per text). */
    @Benchmark
    @OperationsPerInvocation(N)
    public void vaderScore(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            SentimentScore s = vader.score(sentences.get(i));
            bh.consume(s);
        }
    }

    /** The shipped learned finance model (TF-IDF n-grams + VADER features, softmax in plain Java). */
    @Benchmark
    @OperationsPerInvocation(N)
    public void learnedScore(Blackhole bh) {
        for (int i = 0; i < N; i++) bh.consume(learned.score(sentences.get(i)));
    }

    /** Financial keyword extraction. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void keywordExtract(Blackhole bh) {
        for (int i = 0; i < N; i++) bh.consume(keywords.extract(sentences.get(i)));
    }
}
