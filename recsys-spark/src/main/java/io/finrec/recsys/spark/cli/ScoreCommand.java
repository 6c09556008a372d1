package io.finrec.recsys.spark.cli;

import io.finrec.recsys.hybrid.HybridModel;
import io.finrec.recsys.spark.SparkSupport;
import io.finrec.recsys.spark.score.EligibilityTable;
import io.finrec.recsys.spark.score.ScoringOptions;
import io.finrec.recsys.spark.score.SparkBatchScorer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code finrec-spark score}: top-k for every customer of a file or table, written to a sink. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Top-k recommendations for every customer with a FinRec hybrid model, on Spark.")
final class ScoreCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--model", required = true, description = "Hybrid model file (finrec recsys train --out)") Path model;
    @Option(names = "--customers", required = true,
            description = "Customers: Parquet/ORC directory, .json/.jsonl or .csv (columns: customer_id, features, held,"
                    + " and age, annual_income, segment, risk_profile with --products)") String customers;
    @Option(names = "--out", required = true, description = "Output path") String out;
    @Option(names = "--format", defaultValue = "parquet", description = "parquet, json or orc") String format;
    @Option(names = {"-k", "--k"}, defaultValue = "10", description = "Items per customer") int k;
    @Option(names = "--reasons", defaultValue = "3", description = "Contributions explained per item (0: none)") int reasons;
    @Option(names = "--products", description = "products.csv (bank schema): apply its eligibility rules") Path products;
    @Option(names = "--exclude", split = ",", description = "Products never to recommend") List<String> exclude;
    @Option(names = "--no-item-bias", description = "Rank without item biases") boolean noItemBias;
    @Option(names = "--no-identity", description = "Score every customer from features alone") boolean noIdentity;
    @Option(names = "--ignore-unknown-features", description = "Skip features the model does not know (default: fail)")
    boolean ignoreUnknown;
    @Option(names = "--partitions", defaultValue = "0", description = "Repartition customers first (0: keep)") int partitions;
    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master when not under spark-submit")
    String master;

    @Override
    public Integer call() throws Exception {
        HybridModel m = HybridModel.load(model);
        ScoringOptions.Builder o = ScoringOptions.builder().k(k).reasons(reasons).useItemBias(!noItemBias)
                .useIdentity(!noIdentity).unknownFeatures(ignoreUnknown ? ScoringOptions.UnknownFeatures.IGNORE
                        : ScoringOptions.UnknownFeatures.FAIL);
        if (products != null) o.eligibility(EligibilityTable.readCsv(products));
        if (exclude != null) o.exclude(new HashSet<>(exclude));
        SparkSession spark = SparkSupport.session(master, "finrec-spark score", 8);
        Dataset<Row> in = read(spark, customers);
        if (partitions > 0) in = in.repartition(partitions);
        long t0 = System.nanoTime();
        SparkBatchScorer.of(m).topK(in, o.build()).write().mode("errorifexists").format(format(format)).save(out);
        double s = (System.nanoTime() - t0) / 1e9;
        long n = spark.read().format(format(format)).load(out).count();
        spec.commandLine().getErr().printf(Locale.ROOT, "finrec-spark score: %d customers scored in %.1fs -> %s%n",
                n, s, out);
        return 0;
    }

    static String format(String f) {
        return switch (f) {
            case "parquet", "json", "orc" -> f;
            default -> EvalCommand.bad("--format", f, "parquet, json, orc");
        };
    }

    /** Reads a table by extension: .csv (header), .json/.jsonl, else Parquet (or ORC for .orc). */
    static Dataset<Row> read(SparkSession spark, String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".csv")) return spark.read().option("header", "true").option("mode", "FAILFAST").csv(path);
        if (p.endsWith(".json") || p.endsWith(".jsonl"))
            return spark.read().option("mode", "FAILFAST").json(path);
        if (p.endsWith(".orc")) return spark.read().orc(path);
        return spark.read().parquet(path);
    }
}
