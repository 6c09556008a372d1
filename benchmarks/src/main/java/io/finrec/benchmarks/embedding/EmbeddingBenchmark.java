package io.finrec.benchmarks.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.finrec.nlp.embedding.MiniLmConfig;
import io.finrec.nlp.embedding.MiniLmEmbedder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sentence-embedding throughput: FinRec's {@link MiniLmEmbedder} against langchain4j's
 * {@link AllMiniLmL6V2EmbeddingModel} (same model, same ONNX file), in one run.
 *
 * <p>One operation embeds {@code batch} distinct texts (so sentences/s = ops/s × batch); every invocation takes the
 * next {@code batch} texts of a pool of 2048 generated texts, so neither side can profit from repeated input
 * (FinRec's embedder runs without its cache here). {@code length}: {@code short} texts average ~12 word pieces,
 * {@code medium} ~60 (both counted with [CLS]/[SEP]; the setup prints the measured averages). Both sides use their defaults: FinRec batches rows with dynamic padding; langchain4j embeds one
 * text per model call, spread over its default executor.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EmbeddingBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class EmbeddingBenchmark {
    private static final String[] SUBJECTS = {"I", "My wife", "We", "My son", "Our company", "My partner", "She", "He"};
    private static final String[] VERBS = {"want to save", "need to borrow", "would like to invest", "plan to spend",
            "hope to transfer", "must pay", "am trying to set aside", "expect to receive"};
    private static final String[] OBJECTS = {"for a new car", "for college", "for our holiday in Spain",
            "for retirement", "for the rent", "for a wedding", "to buy a flat", "for emergencies"};
    private static final String[] TAILS = {"next year", "within six months", "by 2030", "every month",
            "as soon as possible", "without much risk", "in small amounts", "before the summer"};

    @Param({"finrec", "langchain4j"})
    public String impl;

    @Param({"1", "32", "128"})
    public int batch;

    @Param({"short", "medium"})
    public String length;

    private MiniLmEmbedder finrec;
    private AllMiniLmL6V2EmbeddingModel langchain4j;
    private List<String> pool;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        // DJL must create ONNX Runtime's environment before langchain4j does (see docs/embeddings-and-chat.md).
        finrec = MiniLmEmbedder.create(MiniLmConfig.defaults());
        if (impl.equals("langchain4j")) langchain4j = new AllMiniLmL6V2EmbeddingModel();
        pool = length.equals("short") ? texts(2048, 1, false, new Random(42)) : texts(2048, 4, true, new Random(42));
        long pieces = 0;
        for (String t : pool) pieces += finrec.countTokens(t);
        System.out.printf("%n[embedding] %s texts: %.1f word pieces on average (with [CLS]/[SEP])%n", length,
                (double) pieces / pool.size());
        float[] a = finrec.embed(pool.get(0));
        if (langchain4j != null) {
            float[] b = langchain4j.embed(pool.get(0)).content().vector();
            double dot = 0;
            for (int i = 0; i < a.length; i++) dot += a[i] * b[i];
            if (dot < 0.9999) throw new IllegalStateException("implementations disagree: cosine " + dot);
        }
    }

    /**
     * Distinct texts of {@code sentences} generated sentences each: ~12 word pieces for one sentence without its tail
     * ("I want to save 4500 euros for a new car."), ~60 for four with tails.
     */
    static List<String> texts(int n, int sentences, boolean tails, Random rnd) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            for (int s = 0; s < sentences; s++) {
                if (s > 0) b.append(' ');
                b.append(SUBJECTS[rnd.nextInt(SUBJECTS.length)]).append(' ').append(VERBS[rnd.nextInt(VERBS.length)])
                        .append(' ').append(100 * (1 + rnd.nextInt(99))).append(" euros ")
                        .append(OBJECTS[rnd.nextInt(OBJECTS.length)]);
                if (tails) b.append(' ').append(TAILS[rnd.nextInt(TAILS.length)]);
                b.append('.');
            }
            out.add(b.toString());
        }
        return out;
    }

    private List<String> nextBatch() {
        if (next + batch > pool.size()) next = 0;
        List<String> b = pool.subList(next, next + batch);
        next += batch;
        return b;
    }

    @Benchmark
    public Object embedBatch() {
        List<String> texts = nextBatch();
        if (langchain4j == null) return finrec.embedAll(texts);
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) segments.add(TextSegment.from(t));
        List<Embedding> out = langchain4j.embedAll(segments).content();
        return out;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        finrec.close();
    }
}
