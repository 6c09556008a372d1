package io.finrec.recsys.spark.cli;

import static org.apache.spark.sql.functions.expr;

import io.finrec.api.model.ModelFile;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.data.SyntheticInteractions;
import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridModel;
import io.finrec.recsys.hybrid.HybridTrainer;
import io.finrec.recsys.spark.SparkSupport;
import io.finrec.recsys.spark.score.CustomerScorer;
import io.finrec.recsys.spark.score.ScoringOptions;
import io.finrec.recsys.spark.score.SparkBatchScorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code finrec-spark throughput}: batch-scoring speed of the same per-customer work ({@link CustomerScorer}) on
 * Spark ({@code local[N]}, {@code noop} sink) and on plain Java threads, side by side in one JVM, alternating runs.
 * Customers are synthetic and known by features only (the bank-scale path: no identity join).
 */
@Command(name = "throughput", mixinStandardHelpOptions = true,
        description = "Customers scored per second: Spark local mode vs plain Java threads, same kernel.")
final class ThroughputCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--customers", defaultValue = "200000") int customers;
    @Option(names = "--items", defaultValue = "1682") int items;
    @Option(names = "--components", defaultValue = "30") int components;
    @Option(names = {"-k", "--k"}, defaultValue = "10") int k;
    @Option(names = "--reasons", defaultValue = "0", description = "Reasons per item (0: none)") int reasons;
    @Option(names = "--threads", defaultValue = "2", description = "Plain-Java threads (match the Spark cores)") int threads;
    @Option(names = "--partitions", defaultValue = "8", description = "Spark partitions of the customers") int partitions;
    @Option(names = "--repeats", defaultValue = "3") int repeats;
    @Option(names = "--master", defaultValue = "local[2]") String master;

    private static final int SEGMENTS = 6, AGES = 6, SPEND = 10;

    @Override
    public Integer call() throws Exception {
        HybridModel model = model();
        ScoringOptions options = ScoringOptions.builder().k(k).reasons(reasons).useIdentity(false).build();
        SparkSession spark = SparkSupport.session(master, "finrec-spark throughput", 8);
        SparkBatchScorer scorer = SparkBatchScorer.of(model);
        CustomerScorer local = new CustomerScorer(model.withoutUsers(), options);
        int warm = Math.max(1000, customers / 10);
        runJava(local, warm);
        runSpark(spark, scorer, options, warm);
        List<Double> java = new ArrayList<>(), sparkRates = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            java.add(customers / runJava(local, customers));
            sparkRates.add(customers / runSpark(spark, scorer, options, customers));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("customers", customers);
        out.put("items", items);
        out.put("components", components);
        out.put("k", k);
        out.put("reasons", reasons);
        out.put("threads", threads);
        out.put("master", spark.sparkContext().master());
        out.put("javaUsersPerSecond", java);
        out.put("sparkUsersPerSecond", sparkRates);
        double jb = java.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sb = sparkRates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        out.put("bestRatioSparkToJava", Math.round(sb / jb * 1000) / 1000.0);
        out.put("modelShippedBytes", scorer.shippedBytes());
        spec.commandLine().getOut().println(ModelFile.json().writeValueAsString(out));
        return 0;
    }

    private HybridModel model() {
        int users = Math.max(500, items);
        Interactions in = SyntheticInteractions.zipf(users, items, users * 10, 0.9, 42);
        FeatureMatrix.Builder f = FeatureMatrix.builder();
        for (int u = 0; u < users; u++) {
            String id = in.userIds().get(u);
            f.add(id, "segment:" + u % SEGMENTS).add(id, "age:" + u / SEGMENTS % AGES).add(id, "spend:" + u % SPEND, 0.5);
        }
        HybridConfig c = HybridConfig.builder().components(components).epochs(2).threads(2).seed(42).build();
        return new HybridTrainer(c).fit(new TrainingData(in, f.build(), FeatureMatrix.EMPTY), ProgressListener.NONE);
    }

    /** Seconds to score customers 0..n-1 on plain threads. */
    private double runJava(CustomerScorer scorer, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<Long>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) n * t / threads), to = (int) ((long) n * (t + 1) / threads);
                fs.add(pool.submit(() -> {
                    long sink = 0;
                    for (int c = from; c < to; c++) {
                        List<String> names = List.of("segment:" + c % SEGMENTS, "age:" + c / SEGMENTS % AGES,
                                "spend:" + c % SPEND);
                        sink += scorer.score("c" + c, null, names, new double[] {1, 1, 0.5}, List.of(), null)
                                .items().size();
                    }
                    return sink;
                }));
            }
            for (Future<Long> f : fs) if (f.get() != (long) k * (to(n, fs.indexOf(f)) - from(n, fs.indexOf(f))))
                throw new IllegalStateException("a customer got fewer than k items");
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private int from(int n, int t) {
        return (int) ((long) n * t / threads);
    }

    private int to(int n, int t) {
        return (int) ((long) n * (t + 1) / threads);
    }

    /** Seconds to score the same customers on Spark into the noop sink. */
    private double runSpark(SparkSession spark, SparkBatchScorer scorer, ScoringOptions options, int n) {
        Dataset<Row> df = spark.range(0, n, 1, partitions).select(
                expr("concat('c', id)").as("customer_id"),
                expr("map(concat('segment:', id % " + SEGMENTS + "), 1.0D, concat('age:', floor(id / " + SEGMENTS
                        + ") % " + AGES + "), 1.0D, concat('spend:', id % " + SPEND + "), 0.5D)").as("features"));
        long t0 = System.nanoTime();
        scorer.topK(df, options).write().format("noop").mode("overwrite").save();
        return (System.nanoTime() - t0) / 1e9;
    }
}
