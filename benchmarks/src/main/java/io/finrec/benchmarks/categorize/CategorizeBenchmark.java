package io.finrec.benchmarks.categorize;

import io.finrec.api.categorize.CategorizationExample;
import io.finrec.api.categorize.CategorizationInput;
import io.finrec.api.categorize.CategoryPrediction;
import io.finrec.core.builtin.BankConfig;
import io.finrec.nlp.categorize.CategorizationData;
import io.finrec.nlp.categorize.CategorizerModel;
import io.finrec.nlp.categorize.knowledge.KnowledgeBase;
import io.finrec.nlp.categorize.text.DescriptionNormalizer;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Transaction-categorizer throughput with the default model, stage by stage, in one run:
 * <ul>
 *   <li>{@code normalize}: {@link DescriptionNormalizer} alone (the floor any categorizer pays);</li>
 *   <li>{@code lookup}: normalisation plus the knowledge base (directory trie, cue words);</li>
 *   <li>{@code categorize}: the whole answer ({@link CategorizerModel#categorize} for {@code batch=1},
 *       {@link CategorizerModel#categorizeAll} over {@code batch} transactions otherwise, which also runs
 *       recurrence detection).</li>
 * </ul>
 * One operation handles {@code batch} transactions, so transactions/s = ops/s × batch. Inputs cycle through 4,096
 * descriptions of the built-in bank (20 customers; amount, MCC, customer and time included), so caches cannot help.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CategorizeBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CategorizeBenchmark {
    @Param({"normalize", "lookup", "categorize"})
    public String stage;

    @Param({"1", "1000"})
    public int batch;

    private CategorizerModel model;
    private KnowledgeBase knowledge;
    private DescriptionNormalizer normalizer;
    private List<CategorizationInput> pool;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        model = CategorizerModel.builtin();
        knowledge = model.knowledge();
        normalizer = new DescriptionNormalizer();
        List<CategorizationExample> ex = CategorizationData.builtInBank(BankConfig.defaults().withCustomers(20));
        pool = new ArrayList<>(4096);
        for (int i = 0; pool.size() < 4096; i++) pool.add(ex.get(i % ex.size()).input());
        long right = 0;
        for (int i = 0; i < 1000; i++) if (model.categorize(ex.get(i).input()).category().equals(ex.get(i).category())) right++;
        if (right < 900) throw new IllegalStateException("the default model got only " + right + "/1000 right");
    }

    private List<CategorizationInput> nextBatch() {
        if (next + batch > pool.size()) next = 0;
        List<CategorizationInput> b = pool.subList(next, next + batch);
        next += batch;
        return b;
    }

    @Benchmark
    public void run(Blackhole bh) {
        List<CategorizationInput> in = nextBatch();
        switch (stage) {
            case "normalize" -> {
                for (CategorizationInput x : in) bh.consume(normalizer.normalize(x.description()));
            }
            case "lookup" -> {
                for (CategorizationInput x : in) {
                    NormalizedDescription d = normalizer.normalize(x.description());
                    bh.consume(knowledge.lookup(d, x.mcc()));
                }
            }
            default -> {
                if (batch == 1) {
                    bh.consume(model.categorize(in.get(0)));
                } else {
                    List<CategoryPrediction> out = model.categorizeAll(in);
                    bh.consume(out);
                }
            }
        }
    }
}
