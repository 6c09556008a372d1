package io.finrec.recsys.spark.cli;

import io.finrec.api.model.Provenance;
import io.finrec.api.progress.Progress;
import io.finrec.api.progress.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code finrec-spark}: FinRec's Spark jobs from the command line, for {@code spark-submit --class
 * io.finrec.recsys.spark.cli.FinrecSpark finrec-recsys-spark_2.12-*-spark.jar ...} or the repository's
 * {@code ./finrec-spark} launcher (local mode). Errors go to stderr with exit code 1 (2 for bad usage).
 */
@Command(name = "finrec-spark", mixinStandardHelpOptions = true, versionProvider = FinrecSpark.Version.class,
        description = "FinRec on Apache Spark: batch scoring, data preparation, distributed training, evaluation.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ScoreCommand.class,
            PrepareCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            ThroughputCommand.class,
        })
public final class FinrecSpark implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The configured command line (tests use it). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new FinrecSpark());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            Throwable root = ex;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String msg = root.getMessage() == null ? root.toString() : root.getMessage();
            cmd.getErr().println("finrec-spark: " + msg);
            if (System.getenv("FINREC_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return 1;
        });
        return cl;
    }

    /** Runs and exits with the command's code. */
    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }

    /** A progress listener printing one line per update to {@code err} (or nothing when quiet). */
    static ProgressListener progress(PrintWriter err, boolean quiet) {
        if (quiet) return ProgressListener.NONE;
        return (Progress p) -> {
            err.printf(Locale.ROOT, "%s: %d/%d %s (%.1fs)%n", p.task(), p.done(), p.total(), p.unit(), p.elapsedSeconds());
            err.flush();
        };
    }

    /** Reports the library version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"finrec-spark " + Provenance.LIBRARY_VERSION + " (Spark "
                    + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ")"};
        }
    }
}
