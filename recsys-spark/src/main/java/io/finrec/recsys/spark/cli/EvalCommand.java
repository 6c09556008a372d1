package io.finrec.recsys.spark.cli;

import io.finrec.api.model.ModelFile;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Recommender;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.data.MovieLens;
import io.finrec.recsys.eval.EvaluationReport;
import io.finrec.recsys.eval.Metric;
import io.finrec.recsys.eval.RankingEvaluator;
import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridTrainer;
import io.finrec.recsys.hybrid.LearningSchedule;
import io.finrec.recsys.hybrid.Loss;
import io.finrec.recsys.spark.SparkSupport;
import io.finrec.recsys.spark.als.AlsConfig;
import io.finrec.recsys.spark.als.SparkAls;
import io.finrec.recsys.spark.train.DistributedHybridTrainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code finrec-spark eval}: the MovieLens 100k protocol of {@code finrec recsys eval} for the Spark engines side by
 * side — single-machine hybrid (Hogwild), distributed hybrid, Spark ALS — one JSON object per engine on stdout.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate hybrid (single machine), hybrid (distributed on Spark) and Spark ALS on MovieLens.")
final class EvalCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--movielens", required = true, description = "MovieLens 100k directory") Path movielens;
    @Option(names = "--split", defaultValue = "ua") String split;
    @Option(names = "--min-rating", defaultValue = "4") double minRating;
    @Option(names = "--engines", defaultValue = "hybrid,distributed,als", split = ",",
            description = "Any of hybrid, distributed, als") List<String> engines;
    @Option(names = "-k", defaultValue = "10") int k;
    @Option(names = "--components", defaultValue = "30") int components;
    @Option(names = "--epochs", defaultValue = "30") int epochs;
    @Option(names = "--lr", defaultValue = "0.05") double lr;
    @Option(names = "--loss", defaultValue = "warp", description = "warp, bpr, logistic, warp-kos") String loss;
    @Option(names = "--item-features", defaultValue = "none", description = "none or genres") String itemFeatures;
    @Option(names = "--threads", defaultValue = "2", description = "Hogwild threads of the single-machine run") int threads;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--partitions", defaultValue = "2", description = "User partitions (distributed)") int partitions;
    @Option(names = "--rounds-per-epoch", defaultValue = "1", description = "Merges per epoch (distributed)") int rounds;
    @Option(names = "--merge", defaultValue = "average", description = "average or sum (of changes)") String merge;
    @Option(names = "--als-rank", defaultValue = "30") int alsRank;
    @Option(names = "--als-reg", defaultValue = "0.1") double alsReg;
    @Option(names = "--als-alpha", defaultValue = "1") double alsAlpha;
    @Option(names = "--als-iterations", defaultValue = "15") int alsIter;
    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master when not under spark-submit")
    String master;
    @Option(names = "--quiet", description = "No progress lines") boolean quiet;

    @Override
    public Integer call() throws Exception {
        MovieLens.Split s = MovieLens.load(movielens, split, minRating);
        FeatureMatrix items = switch (itemFeatures) {
            case "none" -> FeatureMatrix.EMPTY;
            case "genres" -> s.genres();
            default -> throw new IllegalArgumentException("--item-features: '" + itemFeatures + "' is not none or genres");
        };
        TrainingData data = TrainingData.of(s.train()).withItemFeatures(items);
        HybridConfig config = HybridConfig.builder().components(components).epochs(epochs).learningRate(lr)
                .schedule(LearningSchedule.ADAGRAD).loss(loss(loss)).seed(seed).threads(threads).build();
        ProgressListener progress = FinrecSpark.progress(spec.commandLine().getErr(), quiet);
        RankingEvaluator ev = RankingEvaluator.atK(k).withThreads(2);
        SparkSession spark = null;
        for (String engine : engines) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("engine", engine);
            out.put("data", "movielens-100k/" + split);
            long t0 = System.nanoTime();
            Recommender model;
            switch (engine) {
                case "hybrid" -> {
                    model = new HybridTrainer(config).fit(data, progress);
                    out.put("threads", threads);
                }
                case "distributed" -> {
                    if (spark == null) spark = SparkSupport.session(master, "finrec-eval", 4);
                    DistributedHybridTrainer.Settings st = new DistributedHybridTrainer.Settings(partitions, rounds,
                            merge.equals("average") ? DistributedHybridTrainer.Merge.AVERAGE
                                    : merge.equals("sum") ? DistributedHybridTrainer.Merge.SUM_OF_CHANGES
                                    : bad("--merge", merge, "average or sum"));
                    model = new DistributedHybridTrainer(config, st).fit(spark, data, progress);
                    out.put("partitions", partitions);
                    out.put("roundsPerEpoch", rounds);
                    out.put("merge", st.merge().name());
                }
                case "als" -> {
                    if (spark == null) spark = SparkSupport.session(master, "finrec-eval", 4);
                    model = SparkAls.fit(spark, s.train(), new AlsConfig(alsRank, alsReg, alsAlpha, alsIter, 2, seed));
                    out.put("rank", alsRank);
                    out.put("regParam", alsReg);
                    out.put("alpha", alsAlpha);
                    out.put("iterations", alsIter);
                }
                default -> throw new IllegalArgumentException("--engines: '" + engine
                        + "' is not one of hybrid, distributed, als");
            }
            double fit = (System.nanoTime() - t0) / 1e9;
            EvaluationReport r = ev.evaluate(model, s.train(), s.test());
            out.put("precision", r.mean(Metric.PRECISION));
            out.put("recall", r.mean(Metric.RECALL));
            out.put("auc", r.mean(Metric.AUC));
            out.put("mrr", r.mean(Metric.RECIPROCAL_RANK));
            out.put("users", r.users().size());
            out.put("fitSeconds", Math.round(fit * 1000) / 1000.0);
            spec.commandLine().getOut().println(ModelFile.json().writeValueAsString(out));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    static Loss loss(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "warp" -> Loss.WARP;
            case "bpr" -> Loss.BPR;
            case "logistic" -> Loss.LOGISTIC;
            case "warp-kos", "kos" -> Loss.WARP_KOS;
            default -> bad("--loss", name, "warp, bpr, logistic, warp-kos");
        };
    }

    static <T> T bad(String option, String value, String allowed) {
        throw new IllegalArgumentException(option + ": '" + value + "' is not one of " + allowed);
    }
}
