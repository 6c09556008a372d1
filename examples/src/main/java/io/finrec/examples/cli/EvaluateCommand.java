package io.finrec.examples.cli;

import io.finrec.examples.app.BankApp;
import io.finrec.examples.recommend.RecommendationEvaluation;
import io.finrec.examples.store.BankStore;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code finrec evaluate}: the bank's recommenders on a time split of the bank (train before the middle of the
 * window, test on the products opened after it): precision@k, recall@k, NDCG@k, hit rate and coverage for
 * popularity, user-based CF and the hybrid model.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate the bank's recommenders offline on a time split (precision@k, recall@k, NDCG, coverage).")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Option(names = "--k", defaultValue = "5", description = "Cut-off (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--min-lift", paramLabel = "X", defaultValue = "0",
            description = "Fail (exit 1) unless the hybrid's NDCG@k is at least X times popularity's (0: no check).")
    double minLift;

    @Override
    public Integer call() throws Exception {
        if (k < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--k: must be >= 1, was " + k);
        PrintWriter out = spec.commandLine().getOut();
        try (BankStore store = db.openOrBuild(spec); ProgressBar bar = ProgressBar.onStderr()) {
            RecommendationEvaluation.Report r = new BankApp(store, BankApp.Settings.defaults()).evaluate(k, bar);
            bar.close();
            print(out, r);
            if (minLift > 0) {
                double lift = r.row("hybrid").ndcg() / Math.max(1e-12, r.row("popularity").ndcg());
                if (lift < minLift) {
                    out.printf(Locale.ROOT, "FAIL: hybrid NDCG@%d is %.2fx popularity's, below %.2fx%n", k, lift, minLift);
                    return 1;
                }
            }
        }
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, RecommendationEvaluation.Report r) {
        out.printf(Locale.ROOT, "time split at %s: %,d training pairs; %,d products opened after the cutoff (not held at it)%n",
                r.cutoff().toString().substring(0, 10), r.trainPairs(), r.testOpenings());
        out.printf(Locale.ROOT, "  %-16s %8s %8s %8s %8s %9s %6s%n", "model", "P@" + r.k(), "R@" + r.k(), "NDCG@" + r.k(),
                "hit@" + r.k(), "coverage", "users");
        for (RecommendationEvaluation.Row x : r.rows())
            out.printf(Locale.ROOT, "  %-16s %8.4f %8.4f %8.4f %8.4f %9.3f %6d%n", x.model(), x.precision(), x.recall(),
                    x.ndcg(), x.hitRate(), x.coverage(), x.users());
        double lift = r.row("hybrid").ndcg() / Math.max(1e-12, r.row("popularity").ndcg());
        out.printf(Locale.ROOT, "  hybrid vs popularity: NDCG@%d %.2fx, recall@%d %.2fx%n", r.k(), lift, r.k(),
                r.row("hybrid").recall() / Math.max(1e-12, r.row("popularity").recall()));
    }
}
