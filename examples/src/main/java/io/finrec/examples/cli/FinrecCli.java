package io.finrec.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code finrec} command line: the entry point of the example app. Every capability registers its
 * subcommands here. Errors go to stderr with a non-zero exit code: 2 for bad usage, 1 for failures.
 */
@Command(name = "finrec", mixinStandardHelpOptions = true, versionProvider = FinrecCli.Version.class,
        description = "FinRec: personalise what a bank offers each customer.",
        // one command class per line, so that capabilities add theirs without merge conflicts
        subcommands = {
            CommandLine.HelpCommand.class,
            DataCommand.class,
            DemoCommand.class,
            AllocateCommand.class,
            AdviseCommand.class,
            RecsysCommand.class,
            VectorsCommand.class,
            EvaluateCommand.class,
            AlertsCommand.class,
            RecommendCommand.class,
            SpendingCommand.class,
            ReportCommand.class,
            SentimentCommand.class,
            KeywordsCommand.class,
            SocialCommand.class,
            EmbedCommand.class,
            ChatCommand.class,
            CategorizeCommand.class,
        })
public final class FinrecCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the configured command line (exposed for tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new FinrecCli());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("finrec: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (System.getenv("FINREC_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return 1;
        });
        return cl;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Reports the library version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"finrec " + io.finrec.api.model.Provenance.LIBRARY_VERSION};
        }
    }
}
