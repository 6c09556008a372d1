package io.finrec.benchmarks.app;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.dataset.BankData;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Transaction;
import io.finrec.examples.recommend.BankRecommender;
import io.finrec.examples.recommend.BankRecommenderTrainer;
import io.finrec.examples.recommend.RecommendationData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-request latency of {@code finrec recommend} on a model trained on the built-in bank (2,000 customers, 55
 * products): the hybrid model's top 10 with the customer's holdings excluded and the eligibility filter inside the
 * ranking ({@code rank}), the same with every reason attached ({@code recommendWithReasons}: feature contributions,
 * similar products held, similar customers), user-based CF with reasons, and, as the baseline, the bare hybrid model's
 * top 10 with no exclusions or filter ({@code hybridBare}). Each call serves the next customer in turn.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BankRecommendBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BankRecommendBenchmark {
    private BankRecommender rec;
    private List<String> customers;
    private int next;

    /** Generates the built-in bank in memory and trains the app's recommenders on it (seed 42). */
    @Setup(Level.Trial)
    public void setup() {
        BankData bank = BuiltInBank.generate(BankConfig.defaults());
        Map<String, Map<String, Double>> spending = new HashMap<>();
        for (Transaction t : bank.transactions())
            if (t.amount().isNegative())
                spending.computeIfAbsent(t.customerId(), k -> new HashMap<>())
                        .merge(t.category().orElse("uncategorised"), -t.amount().amount().doubleValue(), Double::sum);
        RecommendationData data = new RecommendationData(bank.customers(), bank.products(), bank.interactions(),
                bank.lifeEvents(), spending, Map.of());
        rec = new BankRecommenderTrainer(BankRecommenderTrainer.Config.defaults(42)).train(data, ProgressListener.NONE);
        customers = bank.customers().stream().map(Customer::id).toList();
    }

    private String nextCustomer() {
        String c = customers.get(next);
        next = next + 1 == customers.size() ? 0 : next + 1;
        return c;
    }

    /** Top 10, holdings excluded, eligibility filter in the ranking, scores only: what {@code recommend} serves. */
    @Benchmark
    public Object rank() {
        return rec.rank(nextCustomer(), 10);
    }

    /** Top 10 with every reason attached. */
    @Benchmark
    public Object recommendWithReasons() {
        return rec.recommend(nextCustomer(), 10);
    }

    /** User-based CF's top 10 with the similar customers behind each. */
    @Benchmark
    public Object userCfWithReasons() {
        return rec.recommendUserCf(nextCustomer(), 10);
    }

    /** Baseline: the hybrid model's top 10 with no exclusions and no filter. */
    @Benchmark
    public Object hybridBare() {
        return rec.hybrid().recommend(nextCustomer(), RecommendQuery.top(10).withExcludeKnown(false));
    }
}
