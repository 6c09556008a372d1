package io.finrec.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.finrec.api.progress.Progress;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.Recommender;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.RecommenderFiles;
import io.finrec.recsys.cf.PopularityModel;
import io.finrec.recsys.cf.Similarity;
import io.finrec.recsys.cf.UserKnnTrainer;
import io.finrec.recsys.data.InteractionCsv;
import io.finrec.recsys.data.MovieLens;
import io.finrec.recsys.eval.EvaluationReport;
import io.finrec.recsys.eval.MmrReranker;
import io.finrec.recsys.eval.RankingEvaluator;
import io.finrec.recsys.eval.Splits;
import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridModel;
import io.finrec.recsys.hybrid.HybridTrainer;
import io.finrec.recsys.hybrid.LearningSchedule;
import io.finrec.recsys.hybrid.Loss;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code finrec recsys}: train, evaluate and query recommenders (LightFM-style hybrid factorization, user-based CF,
 * popularity) on MovieLens 100k or any delimited interaction file. Each subcommand prints one JSON object on stdout;
 * progress goes to stderr.
 */
@Command(name = "recsys", mixinStandardHelpOptions = true,
        description = "Recommenders: hybrid factorization (LightFM-style), user-based CF, popularity.",
        subcommands = {RecsysCommand.Eval.class, RecsysCommand.Train.class, RecsysCommand.Recommend.class})
public final class RecsysCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** Where the interactions come from. */
    static final class Source {
        @Option(names = "--movielens", description = "MovieLens 100k directory (u.item, u.genre, ua.base, ...)")
        Path movielens;

        @Option(names = "--csv", description = "Delimited interactions file with a header row")
        Path csv;
    }

    /** Data options shared by eval and train. */
    static final class DataOptions {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        @Option(names = "--split", defaultValue = "ua",
                description = "MovieLens split (ua, ub, u1..u5), or for --csv: leave-k-out, time, random (default: ${DEFAULT-VALUE})")
        String split;

        @Option(names = "--min-rating", defaultValue = "-Infinity", description = "Drop interactions whose value is below this")
        double minRating;

        @Option(names = "--test-csv", description = "Held-out interactions for --csv (instead of splitting)")
        Path testCsv;

        @Option(names = "--test-fraction", defaultValue = "0.2", description = "Test share for time/random splits")
        double testFraction;

        @Option(names = "--leave-out", defaultValue = "1", description = "k for the leave-k-out split")
        int leaveOut;

        @Option(names = "--delimiter", defaultValue = ",", description = "CSV field separator (use '\\t' for tab)")
        String delimiter;

        @Option(names = "--user-col", defaultValue = "user") String userCol;
        @Option(names = "--item-col", defaultValue = "item") String itemCol;
        @Option(names = "--value-col", defaultValue = "", description = "Value column (>0 positive); empty: all positive")
        String valueCol;
        @Option(names = "--weight-col", defaultValue = "") String weightCol;
        @Option(names = "--time-col", defaultValue = "") String timeCol;

        @Option(names = "--item-features", defaultValue = "none",
                description = "Item features: none, or genres (MovieLens)")
        String itemFeatures;

        record Loaded(Interactions train, Interactions test, FeatureMatrix itemFeatures, String name) {}

        Loaded load(long seed) throws Exception {
            if (source.movielens != null) {
                MovieLens.Split s = MovieLens.load(source.movielens, split, minRating);
                FeatureMatrix f = switch (itemFeatures) {
                    case "none" -> FeatureMatrix.EMPTY;
                    case "genres" -> s.genres();
                    default -> throw new IllegalArgumentException("--item-features: '" + itemFeatures
                            + "' is not one of none, genres");
                };
                return new Loaded(s.train(), s.test(), f, "movielens-100k/" + split);
            }
            if (!itemFeatures.equals("none"))
                throw new IllegalArgumentException("--item-features: only MovieLens has built-in genres");
            char d = delimiter.equals("\\t") || delimiter.equals("tab") ? '\t' : delimiter.charAt(0);
            InteractionCsv.Format fmt = new InteractionCsv.Format(d, userCol, itemCol, valueCol, weightCol, timeCol,
                    minRating);
            if (testCsv != null) {
                Interactions.Builder b = Interactions.builder();
                Interactions train = InteractionCsv.read(source.csv, fmt, b).build();
                int n = train.size();
                Interactions all = InteractionCsv.read(testCsv, fmt, b).build();
                int[] tr = new int[n];
                int[] te = new int[all.size() - n];
                for (int i = 0; i < n; i++) tr[i] = i;
                for (int i = n; i < all.size(); i++) te[i - n] = i;
                return new Loaded(all.subset(tr), all.subset(te), FeatureMatrix.EMPTY, source.csv.getFileName().toString());
            }
            Interactions all = InteractionCsv.read(source.csv, fmt);
            Splits.Split s = switch (split) {
                case "leave-k-out" -> Splits.leaveKOut(all, leaveOut, !timeCol.isEmpty(), seed);
                case "time" -> Splits.byTimeFraction(all, testFraction);
                case "random" -> Splits.random(all, testFraction, seed);
                default -> throw new IllegalArgumentException("--split: '" + split
                        + "' is not one of leave-k-out, time, random for --csv");
            };
            return new Loaded(s.train(), s.test(), FeatureMatrix.EMPTY, source.csv.getFileName().toString());
        }
    }

    /** Model options shared by eval and train. */
    static final class ModelOptions {
        @Option(names = "--model", defaultValue = "hybrid", description = "hybrid, user-cf or popularity")
        String model;
        @Option(names = "--loss", defaultValue = "warp", description = "logistic, bpr, warp, warp-kos")
        String loss;
        @Option(names = "--components", defaultValue = "30") int components;
        @Option(names = "--epochs", defaultValue = "30") int epochs;
        @Option(names = "--lr", defaultValue = "0.05") double lr;
        @Option(names = "--schedule", defaultValue = "adagrad", description = "adagrad or adadelta") String schedule;
        @Option(names = "--max-sampled", defaultValue = "10") int maxSampled;
        @Option(names = "--user-alpha", defaultValue = "0") double userAlpha;
        @Option(names = "--item-alpha", defaultValue = "0") double itemAlpha;
        @Option(names = "--kos-k", defaultValue = "5") int kosK;
        @Option(names = "--kos-n", defaultValue = "10") int kosN;
        @Option(names = "--threads", defaultValue = "1", description = "Training threads (1 = deterministic)") int threads;
        @Option(names = "--seed", defaultValue = "42") long seed;
        @Option(names = "--similarity", defaultValue = "cosine", description = "user-cf: cosine or jaccard") String similarity;
        @Option(names = "--neighbours", defaultValue = "50", description = "user-cf neighbourhood size") int neighbours;
        @Option(names = "--shrinkage", defaultValue = "10", description = "user-cf shrinkage") double shrinkage;

        HybridConfig hybrid() {
            return HybridConfig.builder().loss(Loss.parse(loss)).components(components).epochs(epochs).learningRate(lr)
                    .schedule(LearningSchedule.parse(schedule)).maxSampled(maxSampled).userAlpha(userAlpha)
                    .itemAlpha(itemAlpha).kosK(kosK).kosN(kosN).threads(threads).seed(seed).build();
        }

        record Fitted(Recommender model, List<Double> secondsPerEpoch, double fitSeconds) {}

        Fitted fit(TrainingData data, ProgressListener progress) {
            long t0 = System.nanoTime();
            List<Double> perEpoch = new ArrayList<>();
            Recommender m;
            switch (model) {
                case "hybrid" -> {
                    HybridConfig c = hybrid();
                    try (HybridTrainer.Session s = new HybridTrainer(c).session(null, data, progress)) {
                        for (int e = 0; e < c.epochs(); e++) {
                            long t = System.nanoTime();
                            s.runEpoch();
                            perEpoch.add((System.nanoTime() - t) / 1e9);
                            progress.onProgress(new Progress("train hybrid (" + loss + ")", e + 1, c.epochs(), "epoch",
                                    (System.nanoTime() - t0) / 1e9, Map.of()));
                        }
                        m = s.model();
                    }
                }
                case "user-cf" -> m = new UserKnnTrainer(new UserKnnTrainer.Config(Similarity.parse(similarity),
                        neighbours, shrinkage, false, threads)).fit(data, progress);
                case "popularity" -> m = PopularityModel.trainer().fit(data, progress);
                default -> throw new IllegalArgumentException("--model: '" + model
                        + "' is not one of hybrid, user-cf, popularity");
            }
            return new Fitted(m, perEpoch, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** A one-line progress bar on stderr. Not thread-safe (jobs report from one thread). */
    static final class ProgressBar implements ProgressListener {
        private final PrintStream err;
        private boolean drawn;

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void onProgress(Progress p) {
            double f = p.fraction();
            int filled = Double.isNaN(f) ? 0 : (int) Math.round(f * 30);
            err.printf("\r%-28s [%s%s] %d/%s %s %.1fs", p.task(), "#".repeat(filled), " ".repeat(30 - filled), p.done(),
                    p.total() < 0 ? "?" : Long.toString(p.total()), p.unit(), p.elapsedSeconds());
            drawn = true;
            if (p.total() > 0 && p.done() >= p.total()) finish();
        }

        void finish() {
            if (drawn) err.println();
            drawn = false;
        }
    }

    /** {@code finrec recsys eval}. */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Train on a split and print ranking metrics (LightFM's protocol) as one JSON object.")
    static final class Eval implements Callable<Integer> {
        @Mixin DataMixin data;
        @Mixin ModelMixin modelOptions;
        @Option(names = "-k", defaultValue = "10", description = "Cut-off for precision, recall, NDCG, hit rate") int k;
        @Option(names = "--mmr", defaultValue = "-1", description = "MMR re-ranking lambda in [0,1] (hybrid only; default off)")
        double mmr;
        @Option(names = "--quiet", description = "No progress bar") boolean quiet;

        @Override
        public Integer call() throws Exception {
            ProgressBar bar = new ProgressBar(System.err);
            ProgressListener progress = quiet ? ProgressListener.NONE : bar;
            DataOptions.Loaded d = data.options.load(modelOptions.options.seed);
            TrainingData td = TrainingData.of(d.train()).withItemFeatures(d.itemFeatures());
            ModelOptions.Fitted f = modelOptions.options.fit(td, progress);
            bar.finish();
            RankingEvaluator ev = RankingEvaluator.atK(k).withThreads(Math.max(1, modelOptions.options.threads));
            if (mmr >= 0) {
                if (!(f.model() instanceof HybridModel hm))
                    throw new IllegalArgumentException("--mmr: needs --model hybrid (item representations)");
                ev = ev.withReranker(new MmrReranker(mmr, hm.itemRepresentations()), Math.max(50, k));
            }
            long t0 = System.nanoTime();
            EvaluationReport r = ev.evaluate(f.model(), d.train(), d.test());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("data", d.name());
            out.put("trainInteractions", d.train().size());
            out.put("testInteractions", d.test().size());
            out.put("model", modelOptions.options.model);
            if (modelOptions.options.model.equals("hybrid")) {
                HybridConfig c = modelOptions.options.hybrid();
                out.put("loss", c.loss().name().toLowerCase());
                out.put("components", c.components());
                out.put("epochs", c.epochs());
                out.put("learningRate", c.learningRate());
                out.put("schedule", c.schedule().name().toLowerCase());
                out.put("itemFeatures", data.options.itemFeatures);
                out.put("threads", c.threads());
                out.put("seed", c.seed());
            }
            out.putAll(r.summary());
            if (mmr >= 0) out.put("mmrLambda", mmr);
            out.put("secondsPerEpoch", f.secondsPerEpoch());
            if (!f.secondsPerEpoch().isEmpty()) {
                List<Double> sorted = new ArrayList<>(f.secondsPerEpoch());
                sorted.sort(null);
                out.put("secondsPerEpochMin", sorted.get(0));
                out.put("secondsPerEpochMedian", sorted.get(sorted.size() / 2));
            }
            out.put("fitSeconds", f.fitSeconds());
            out.put("evalSeconds", (System.nanoTime() - t0) / 1e9);
            System.out.println(JSON.writeValueAsString(out));
            return 0;
        }
    }

    /** {@code finrec recsys train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train on all interactions of a file (or a split's train part) and save the model.")
    static final class Train implements Callable<Integer> {
        @Mixin DataMixin data;
        @Mixin ModelMixin modelOptions;
        @Option(names = "--out", required = true, description = "Model file to write") Path out;

        @Override
        public Integer call() throws Exception {
            ProgressBar bar = new ProgressBar(System.err);
            DataOptions.Loaded d = data.options.load(modelOptions.options.seed);
            ModelOptions.Fitted f = modelOptions.options.fit(
                    TrainingData.of(d.train()).withItemFeatures(d.itemFeatures()), bar);
            bar.finish();
            f.model().save(out);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("model", out.toString());
            o.put("users", f.model().userIds().size());
            o.put("items", f.model().itemIds().size());
            o.put("ramBytes", f.model().ramBytesUsed());
            o.put("fitSeconds", f.fitSeconds());
            System.out.println(JSON.writeValueAsString(o));
            return 0;
        }
    }

    /** {@code finrec recsys recommend}. */
    @Command(name = "recommend", mixinStandardHelpOptions = true,
            description = "Top-k recommendations for a user from a saved model.")
    static final class Recommend implements Callable<Integer> {
        @Option(names = "--model", required = true) Path model;
        @Option(names = "--user", required = true) String user;
        @Option(names = "-k", defaultValue = "10") int k;
        @Option(names = "--include-known", description = "Also return items the user already has") boolean includeKnown;
        @Option(names = "--no-item-bias", description = "Rank without item biases (less popularity-driven)")
        boolean noItemBias;
        @Option(names = "--explain", description = "Explain each recommendation (hybrid models)") boolean explain;

        @Override
        public Integer call() throws Exception {
            Recommender m = RecommenderFiles.load(model);
            RecommendQuery q = RecommendQuery.top(k).withExcludeKnown(!includeKnown).withItemBias(!noItemBias);
            List<Object> items = new ArrayList<>();
            for (RecommendedItem r : m.recommend(user, q)) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("item", r.itemId());
                o.put("score", r.score());
                if (explain && m instanceof HybridModel hm) o.put("explanation", hm.explain(user, r.itemId(), 3));
                items.add(o);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("user", user);
            out.put("recommendations", items);
            System.out.println(JSON.writeValueAsString(out));
            return 0;
        }
    }

    /** Picocli mixin wrapper for {@link DataOptions}. */
    static final class DataMixin {
        @picocli.CommandLine.ArgGroup(exclusive = false, multiplicity = "1")
        DataOptions options;
    }

    /** Picocli mixin wrapper for {@link ModelOptions}. */
    static final class ModelMixin {
        @picocli.CommandLine.ArgGroup(exclusive = false)
        ModelOptions options = new ModelOptions();
    }
}
