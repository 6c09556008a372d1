package io.finrec.recsys.spark.cli;

import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridModel;
import io.finrec.recsys.hybrid.HybridTrainer;
import io.finrec.recsys.spark.SparkSupport;
import io.finrec.recsys.spark.prepare.PreparedData;
import io.finrec.recsys.spark.train.DistributedHybridTrainer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code finrec-spark train}: a hybrid model from prepared inputs, distributed (experimental) or on the driver. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a hybrid model from 'prepare' output: distributed on Spark (experimental) or on the driver.")
final class TrainCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--prepared", required = true, description = "Directory written by 'prepare'") String prepared;
    @Option(names = "--out", required = true, description = "Model file to write") Path out;
    @Option(names = "--single-machine", description = "Collect to the driver and train there (Hogwild)") boolean single;
    @Option(names = "--loss", defaultValue = "warp") String loss;
    @Option(names = "--components", defaultValue = "30") int components;
    @Option(names = "--epochs", defaultValue = "30") int epochs;
    @Option(names = "--lr", defaultValue = "0.05") double lr;
    @Option(names = "--threads", defaultValue = "2", description = "Driver threads with --single-machine") int threads;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--no-user-identity", description = "Represent users by their features only") boolean noUserIdentity;
    @Option(names = "--partitions", defaultValue = "2") int partitions;
    @Option(names = "--rounds-per-epoch", defaultValue = "1") int rounds;
    @Option(names = "--merge", defaultValue = "average", description = "average or sum") String merge;
    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master when not under spark-submit")
    String master;
    @Option(names = "--quiet", description = "No progress lines") boolean quiet;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSupport.session(master, "finrec-spark train", 8);
        PreparedData p = PreparedData.read(spark, prepared);
        HybridConfig c = HybridConfig.builder().loss(EvalCommand.loss(loss)).components(components).epochs(epochs)
                .learningRate(lr).threads(threads).seed(seed).userIdentity(!noUserIdentity).build();
        var progress = FinrecSpark.progress(spec.commandLine().getErr(), quiet);
        HybridModel m;
        if (single) {
            m = new HybridTrainer(c).fit(p.toTrainingData(), progress);
        } else {
            DistributedHybridTrainer.Merge mg = switch (merge) {
                case "average" -> DistributedHybridTrainer.Merge.AVERAGE;
                case "sum" -> DistributedHybridTrainer.Merge.SUM_OF_CHANGES;
                default -> EvalCommand.bad("--merge", merge, "average, sum");
            };
            m = new DistributedHybridTrainer(c, new DistributedHybridTrainer.Settings(partitions, rounds, mg))
                    .fit(p.interactions(), p.userFeatures(), p.catalogue(), p.itemFeatureMatrix(), progress);
        }
        m.save(out);
        spec.commandLine().getErr().println("finrec-spark train: " + m + " -> " + out);
        return 0;
    }
}
