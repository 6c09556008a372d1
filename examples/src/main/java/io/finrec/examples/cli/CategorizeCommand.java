package io.finrec.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.api.categorize.CategorizationExample;
import io.finrec.api.categorize.CategorizationInput;
import io.finrec.api.categorize.CategoryPrediction;
import io.finrec.api.categorize.CategoryScore;
import io.finrec.api.categorize.Taxonomy;
import io.finrec.core.builtin.BankConfig;
import io.finrec.core.util.Checks;
import io.finrec.nlp.categorize.CategorizationData;
import io.finrec.nlp.categorize.CategorizerConfig;
import io.finrec.nlp.categorize.CategorizerModel;
import io.finrec.nlp.categorize.CategorizerTrainer;
import io.finrec.nlp.categorize.OverrideRules;
import io.finrec.nlp.categorize.eval.CategorizerEvaluation;
import io.finrec.nlp.categorize.eval.DirectoryCoverage;
import io.finrec.nlp.categorize.eval.EvaluationReport;
import io.finrec.nlp.categorize.knowledge.CueLexicon;
import io.finrec.nlp.categorize.knowledge.KnowledgeBase;
import io.finrec.nlp.categorize.knowledge.MccTable;
import io.finrec.nlp.categorize.knowledge.MerchantDirectory;
import io.finrec.nlp.classify.ClassificationMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code finrec categorize}: transaction descriptions to categories.
 * <ul>
 *   <li>{@code finrec categorize [--model M] < descriptions.txt}: one JSON line per input line, {@code {description,
 *       category, probability, merchant, top3, source}} (an {@code error} field instead for a blank line, and the
 *       exit code is then 1; invalid UTF-8, a line over {@value Checks#MAX_TEXT_LENGTH} characters or no input at all
 *       stop the command with an error naming the line);</li>
 *   <li>{@code finrec categorize train --train F [--dev F] --out M}: trains a model on labelled CSV files and/or the
 *       built-in bank;</li>
 *   <li>{@code finrec categorize eval --model M --test F}: accuracy, macro-F1, coverage and confusion matrix;</li>
 *   <li>{@code finrec categorize crossval --data F}: accuracy on merchants held out of training;</li>
 *   <li>{@code finrec categorize coverage --test F [--source nsi]}: how many of F's merchants a merchant directory
 *       alone recognises with the right category.</li>
 * </ul>
 */
@Command(name = "categorize", mixinStandardHelpOptions = true,
        description = {"Categorize bank transaction descriptions (one per line on standard input) into spending "
                + "categories, as JSON lines.", "Subcommands train, evaluate and cross-validate models."},
        subcommands = {CategorizeCommand.Train.class, CategorizeCommand.Eval.class, CategorizeCommand.CrossVal.class,
                CategorizeCommand.Coverage.class})
final class CategorizeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 2048;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "Model file (default: the built-in model).")
    Path model;

    @Option(names = "--input", paramLabel = "FILE", description = "Read descriptions from FILE instead of standard input.")
    Path input;

    @Option(names = "--threshold", paramLabel = "P",
            description = "Answer 'uncategorised' below this probability (default: the model's, usually 0.3).")
    Double threshold;

    @Option(names = "--explain", description = "Add what the model saw: cleaned text, prefixes, directory match, cues.")
    boolean explain;

    @Override
    public Integer call() throws Exception {
        CategorizerModel m = loadModel(spec, model, threshold);
        PrintWriter out = spec.commandLine().getOut();
        int errors = 0;
        long lines = 0;
        if (input != null && !Files.isRegularFile(input))
            throw new ParameterException(spec.commandLine(), "--input: " + input + " does not exist");
        try (InputStream in = input == null ? System.in : Files.newInputStream(input)) {
            // strict UTF-8, one line at a time: an invalid or oversized line stops the run with an error naming it
            // (the input is never read whole into memory)
            Utf8Lines r = new Utf8Lines(in, input == null ? "standard input" : input.toString(), Checks.MAX_TEXT_LENGTH);
            List<String> batch = new ArrayList<>(BATCH);
            for (String line; (line = r.next()) != null; ) {
                batch.add(line);
                if (batch.size() == BATCH) {
                    errors += writeBatch(m, batch, lines, out);
                    lines += batch.size();
                    batch.clear();
                }
            }
            errors += writeBatch(m, batch, lines, out);
            lines += batch.size();
        }
        out.flush();
        if (lines == 0) {
            spec.commandLine().getErr().println("finrec categorize: no input (expected one transaction description "
                    + "per line on standard input or in --input FILE)");
            return 1;
        }
        if (errors > 0) {
            spec.commandLine().getErr().printf(Locale.ROOT, "finrec categorize: %d of %d lines could not be categorized "
                    + "(see their \"error\" fields)%n", errors, lines);
            return 1;
        }
        return 0;
    }

    private int writeBatch(CategorizerModel m, List<String> lines, long firstLine, PrintWriter out) throws IOException {
        List<CategorizationInput> inputs = new ArrayList<>(lines.size());
        List<Integer> positions = new ArrayList<>(lines.size());
        String[] errors = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            try {
                inputs.add(CategorizationInput.of(lines.get(i)));
                positions.add(i);
            } catch (IllegalArgumentException e) {
                errors[i] = e.getMessage();
            }
        }
        List<CategoryPrediction> preds = m.categorizeAll(inputs);
        List<CategorizerModel.Analysis> analyses = explain ? m.analyzeAll(inputs) : null;
        int errorCount = 0, k = 0;
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode o = JSON.createObjectNode();
            String d = lines.get(i);
            o.put("description", d.length() > 200 ? d.substring(0, 200) + "..." : d);
            if (errors[i] != null) {
                o.put("line", firstLine + i + 1);
                o.put("error", errors[i]);
                errorCount++;
            } else {
                CategoryPrediction p = preds.get(k);
                o.put("category", p.category());
                o.put("probability", round(p.probability()));
                o.put("merchant", p.merchant());
                ArrayNode top = o.putArray("top3");
                for (CategoryScore s : p.top()) top.addObject().put("category", s.category()).put("probability", round(s.probability()));
                o.put("source", p.source());
                if (analyses != null) o.set("explanation", explanation(analyses.get(k)));
                k++;
            }
            out.println(JSON.writeValueAsString(o));
        }
        return errorCount;
    }

    private static ObjectNode explanation(CategorizerModel.Analysis a) {
        ObjectNode e = JSON.createObjectNode();
        e.put("cleaned", a.text().text());
        ArrayNode prefixes = e.putArray("prefixes");
        a.text().prefixes().forEach(prefixes::add);
        e.put("merchantWords", a.text().merchantKey());
        a.evidence().findings().merchant().ifPresent(m -> e.putObject("directory").put("name", m.entry().name())
                .put("category", m.category()).put("partial", m.partial()));
        ArrayNode cues = e.putArray("cues");
        a.evidence().findings().cues().matched().forEach(c -> cues.add(c.category() + ":" + c.text()));
        a.rule().ifPresent(r -> e.put("rule", r.kind().name().toLowerCase(Locale.ROOT) + " | " + r.pattern() + " | "
                + r.category()));
        return e;
    }

    private static double round(double p) {
        return Math.round(p * 10000) / 10000.0;
    }

    static CategorizerModel loadModel(CommandSpec spec, Path file, Double threshold) throws IOException {
        CategorizerModel m;
        if (file == null) {
            m = CategorizerModel.builtin();
        } else {
            if (!Files.isRegularFile(file)) throw new ParameterException(spec.commandLine(), "--model: " + file + " does not exist");
            m = CategorizerModel.load(file);
        }
        if (threshold != null) {
            if (!(threshold >= 0 && threshold <= 1))
                throw new ParameterException(spec.commandLine(), "--threshold: must be in [0, 1], was " + threshold);
            m = m.withThreshold(threshold);
        }
        return m;
    }

    static List<CategorizationExample> readAll(CommandSpec spec, List<Path> files, String option) throws IOException {
        List<CategorizationExample> out = new ArrayList<>();
        if (files != null) for (Path f : files) {
            if (!Files.isRegularFile(f)) throw new ParameterException(spec.commandLine(), option + ": " + f + " does not exist");
            out.addAll(CategorizationData.readCsv(f));
        }
        return out;
    }

    /** Training settings shared by {@code train} and {@code crossval}. */
    static final class TrainingOptions {
        @Option(names = "--builtin-bank", paramLabel = "CUSTOMERS",
                description = "Also train on the built-in bank's transactions of this many customers.")
        Integer builtinCustomers;

        @Option(names = "--bank-seed", defaultValue = "42", description = "Built-in bank seed (default: ${DEFAULT-VALUE}).")
        long bankSeed;

        @Option(names = "--epochs", defaultValue = "8", description = "Training epochs (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--seed", defaultValue = "42", description = "Training seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--hidden", defaultValue = "0", description = "Hidden units, 0 for a linear model (default: ${DEFAULT-VALUE}).")
        int hidden;

        @Option(names = "--directory", paramLabel = "FILE",
                description = "Extra merchant directory entries ('[category]' then 'Name | ALIAS | ...'); they win over built-in ones.")
        Path directory;

        @Option(names = "--cues", paramLabel = "FILE", description = "Extra cue words ('[category]' then 'WORD | !STRONG ...').")
        Path cues;

        @Option(names = "--mcc", paramLabel = "FILE", description = "MCC overrides ('CODE category' or 'FROM-TO category').")
        Path mcc;

        @Option(names = "--no-knowledge", description = "Train without the built-in directory, cues and MCC table.")
        boolean noKnowledge;

        @Option(names = "--holdout-merchants-of", paramLabel = "FILE",
                description = "Drop from the training data every transaction whose merchant appears in FILE (labelled CSV, "
                        + "repeatable): train for an honest test on FILE's merchants.")
        List<Path> holdoutFiles;

        @Option(names = "--holdout-directory",
                description = "With --holdout-merchants-of, also remove those merchants from the directory (hand-curated "
                        + "and generated entries: nobody knows them).")
        boolean holdoutDirectory;

        @Option(names = "--holdout-curated",
                description = "With --holdout-merchants-of, remove those merchants from the hand-curated directory only; "
                        + "the entries generated from OpenStreetMap's name-suggestion-index stay (independent knowledge).")
        boolean holdoutCurated;

        @Option(names = "--taxonomy", paramLabel = "FILE",
                description = "Bank taxonomy: 'map | label | Category' and 'parent | Category | Parent' lines.")
        Path taxonomy;

        Set<String> heldOut(CommandSpec spec) throws IOException {
            if (holdoutFiles == null || holdoutFiles.isEmpty()) {
                if (holdoutDirectory || holdoutCurated)
                    throw new ParameterException(spec.commandLine(), (holdoutDirectory ? "--holdout-directory" : "--holdout-curated")
                            + " needs --holdout-merchants-of");
                return Set.of();
            }
            if (holdoutDirectory && holdoutCurated)
                throw new ParameterException(spec.commandLine(), "give --holdout-directory or --holdout-curated, not both");
            return CategorizationData.merchantsOf(readAll(spec, holdoutFiles, "--holdout-merchants-of"));
        }

        /** The training data with held-out merchants removed. */
        List<CategorizationExample> trainingData(CommandSpec spec, List<CategorizationExample> data) throws IOException {
            Set<String> held = heldOut(spec);
            return held.isEmpty() ? data : CategorizationData.withoutMerchants(data, held);
        }

        CategorizerConfig.Builder config(CommandSpec spec) throws IOException {
            KnowledgeBase kb = noKnowledge ? KnowledgeBase.none() : KnowledgeBase.builtin();
            if (!heldOut(spec).isEmpty() && (holdoutDirectory || holdoutCurated))
                kb = kb.withDirectory(CategorizationData.withoutKnowledgeOf(kb.directory(),
                        CategorizationData.normalized(readAll(spec, holdoutFiles, "--holdout-merchants-of")),
                        holdoutDirectory ? CategorizationData.DirectoryHoldout.ALL : CategorizationData.DirectoryHoldout.CURATED));
            if (directory != null) {
                MerchantDirectory extra = MerchantDirectory.parse(read(spec, directory, "--directory"), directory.toString());
                MerchantDirectory.Builder b = kb.directory().toBuilder();
                List<MerchantDirectory.Entry> entries = extra.entries();
                for (int i = entries.size() - 1; i >= 0; i--) {
                    MerchantDirectory.Entry e = entries.get(i);
                    b.addFirst(e.name(), e.category(), e.aliases().toArray(new String[0]));
                }
                kb = kb.withDirectory(b.build());
            }
            if (cues != null)
                kb = kb.withCues(kb.cues().with(CueLexicon.parse(read(spec, cues, "--cues"), cues.toString()).cues()));
            if (mcc != null) {
                MccTable t = kb.mcc();
                String text = t.toText() + "\n" + read(spec, mcc, "--mcc");
                kb = kb.withMcc(MccTable.parse(text, mcc.toString()));
            }
            CategorizerConfig.Builder b = CategorizerConfig.builder().knowledge(kb).epochs(epochs).seed(seed).hiddenUnits(hidden);
            if (taxonomy != null) b.taxonomy(parseTaxonomy(spec, read(spec, taxonomy, "--taxonomy"), taxonomy));
            return b;
        }

        /** The labelled files plus the built-in bank's transactions (when asked); fails when there is nothing. */
        List<CategorizationExample> labelled(CommandSpec spec, List<Path> files, String option) throws IOException {
            List<CategorizationExample> out = new ArrayList<>(readAll(spec, files, option));
            if (builtinCustomers != null)
                out.addAll(CategorizationData.builtInBank(BankConfig.defaults().withSeed(bankSeed).withCustomers(builtinCustomers)));
            if (out.isEmpty()) throw new ParameterException(spec.commandLine(), "give " + option + " FILE and/or --builtin-bank N");
            return out;
        }
    }

    static String read(CommandSpec spec, Path file, String option) throws IOException {
        if (!Files.isRegularFile(file)) throw new ParameterException(spec.commandLine(), option + ": " + file + " does not exist");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static Taxonomy parseTaxonomy(CommandSpec spec, String text, Path file) {
        Taxonomy.Builder b = Taxonomy.builder();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            String[] p = s.split("\\|");
            try {
                if (p.length != 3) throw new IllegalArgumentException("expected 'map | label | Category' or 'parent | Category | Parent'");
                switch (p[0].strip()) {
                    case "map" -> b.map(p[1].strip(), p[2].strip());
                    case "parent" -> b.parent(p[1].strip(), p[2].strip());
                    default -> throw new IllegalArgumentException("unknown kind '" + p[0].strip() + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--taxonomy: " + file + ", line " + n + ": " + e.getMessage());
            }
        }
        return b.build();
    }

    /** {@code finrec categorize train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a categorizer on labelled CSV files (description,category[,amount,mcc,customer_id,timestamp]) "
                    + "and/or the built-in bank, and save it.")
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--train", paramLabel = "FILE", description = "Labelled CSV file (repeatable).")
        List<Path> train;

        @Option(names = "--dev", paramLabel = "FILE",
                description = "Labelled CSV file to report accuracy on after training (never used for tuning).")
        Path dev;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Model file to write.")
        Path out;

        @Option(names = "--folds", defaultValue = "3",
                description = "Merchant-grouped folds for calibration and the held-out-merchant measurement; 0 skips (default: ${DEFAULT-VALUE}).")
        int folds;

        @Option(names = "--threshold", defaultValue = "0.3", description = "Uncategorised threshold (default: ${DEFAULT-VALUE}).")
        double threshold;

        @Option(names = "--rules", paramLabel = "FILE",
                description = "Override rules to attach ('merchant | NAME | category' or 'phrase | TEXT | category').")
        Path rules;

        @Mixin
        TrainingOptions training;

        @Override
        public Integer call() throws Exception {
            List<CategorizationExample> data = training.labelled(spec, train, "--train");
            int before = data.size();
            data = training.trainingData(spec, data);
            if (data.size() < before)
                spec.commandLine().getOut().printf(Locale.ROOT, "held out %d transactions of the merchants in %s%n",
                        before - data.size(), training.holdoutFiles);
            if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
            CategorizerConfig cfg = training.config(spec).calibrationFolds(folds).threshold(threshold).build();
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "training on %d labelled transactions (%d directory merchants, %d cues)%n", data.size(),
                    cfg.knowledge().directory().entries().size(), cfg.knowledge().cues().cues().size());
            o.flush();
            long t0 = System.nanoTime();
            CategorizerModel m;
            try (ProgressBar bar = ProgressBar.onStderr()) {
                m = new CategorizerTrainer(cfg).fit(data, bar);
            }
            if (rules != null) m = m.withOverrides(OverrideRules.parse(read(spec, rules, "--rules"), rules.toString()));
            m.save(out);
            o.printf(Locale.ROOT, "trained in %.1fs; saved %s (%,d bytes)%n", (System.nanoTime() - t0) / 1e9, out, Files.size(out));
            for (Map.Entry<String, Double> e : m.metrics().entrySet())
                o.printf(Locale.ROOT, "  %-36s %.4f%n", e.getKey(), e.getValue());
            o.printf(Locale.ROOT, "  %-36s %.4f%n", "temperature", m.temperature());
            if (dev != null) {
                EvaluationReport r = CategorizerEvaluation.evaluate(m, readAll(spec, List.of(dev), "--dev"));
                o.printf(Locale.ROOT, "dev %s: accuracy %.4f, macro-F1 %.4f (merchants shared with training: not a "
                        + "measure of generalisation)%n", dev, r.metrics().accuracy(), r.metrics().macroF1());
            }
            o.flush();
            return 0;
        }
    }

    /** {@code finrec categorize eval}. */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Evaluate a model on labelled CSV files: accuracy, macro-F1, coverage, confusion matrix.")
    static final class Eval implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", paramLabel = "FILE", description = "Model file (default: the built-in model).")
        Path model;

        @Option(names = "--test", required = true, paramLabel = "FILE", description = "Labelled CSV file (repeatable).")
        List<Path> test;

        @Option(names = "--threshold", paramLabel = "P", description = "Override the model's uncategorised threshold.")
        Double threshold;

        @Option(names = "--min-accuracy", paramLabel = "A", description = "Exit with code 1 when accuracy is below A.")
        Double minAccuracy;

        @Option(names = "--json", description = "Print the figures as one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CategorizerModel m = loadModel(spec, model, threshold);
            EvaluationReport r = CategorizerEvaluation.evaluate(m, readAll(spec, test, "--test"));
            PrintWriter o = spec.commandLine().getOut();
            if (json) {
                ObjectNode n = JSON.createObjectNode();
                n.put("transactions", r.metrics().count());
                n.put("accuracy", r.metrics().accuracy());
                n.put("macroF1", r.metrics().macroF1());
                n.put("coverage", r.coverage());
                n.put("answeredAccuracy", r.answeredAccuracy());
                n.put("calibrationError", r.expectedCalibrationError());
                n.put("seconds", r.seconds());
                o.println(JSON.writeValueAsString(n));
            } else {
                o.print(r.text());
            }
            o.flush();
            return check(spec, "accuracy", r.metrics().accuracy(), minAccuracy);
        }
    }

    /** {@code finrec categorize crossval}. */
    @Command(name = "crossval", mixinStandardHelpOptions = true,
            description = "Accuracy on merchants held out of training: merchant-grouped cross-validation, with the "
                    + "held-out merchants known to the directory, and unknown to it too.")
    static final class CrossVal implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "FILE", description = "Labelled CSV file (repeatable).")
        List<Path> data;

        @Option(names = "--folds", defaultValue = "5", description = "Folds (default: ${DEFAULT-VALUE}).")
        int folds;

        @Option(names = "--min-accuracy", paramLabel = "A",
                description = "Exit with code 1 when held-out-merchant accuracy (directory intact) is below A.")
        Double minAccuracy;

        @Option(names = "--min-accuracy-no-directory", paramLabel = "A",
                description = "Exit with code 1 when accuracy on merchants unknown to training and directory is below A.")
        Double minAccuracyNoDirectory;

        @Option(names = "--min-accuracy-independent", paramLabel = "A",
                description = "Exit with code 1 when accuracy on merchants removed from the hand-curated directory "
                        + "(name-suggestion-index entries kept) is below A.")
        Double minAccuracyIndependent;

        @Mixin
        TrainingOptions training;

        @Override
        public Integer call() throws Exception {
            List<CategorizationExample> all = training.labelled(spec, data, "--data");
            CategorizerConfig cfg = training.config(spec).build();
            long t0 = System.nanoTime();
            CategorizerTrainer.HoldoutResult h;
            try (ProgressBar bar = ProgressBar.onStderr()) {
                h = new CategorizerTrainer(cfg).crossValidate(all, folds, bar);
            }
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "%d transactions, %d merchants, %d merchant-grouped folds, %.1fs%n", all.size(),
                    h.merchants(), h.folds(), (System.nanoTime() - t0) / 1e9);
            print(o, "held-out merchants, directory intact", h.withDirectory());
            print(o, "held-out merchants, also removed from the directory", h.withoutDirectory());
            print(o, "held-out merchants, removed from the hand-curated directory only", h.withIndependentKnowledge());
            o.printf(Locale.ROOT, "calibration: temperature %.3f, expected calibration error %.4f%n", h.temperature(),
                    h.expectedCalibrationError());
            o.flush();
            int a = check(spec, "held-out-merchant accuracy", h.withDirectory().accuracy(), minAccuracy);
            int b = check(spec, "held-out-merchant accuracy without directory", h.withoutDirectory().accuracy(), minAccuracyNoDirectory);
            int c = check(spec, "held-out-merchant accuracy with independent knowledge only",
                    h.withIndependentKnowledge().accuracy(), minAccuracyIndependent);
            return Math.max(a, Math.max(b, c));
        }

        private static void print(PrintWriter o, String title, ClassificationMetrics m) {
            o.printf(Locale.ROOT, "%-66s accuracy %.4f  macro-F1 %.4f%n", title + ":", m.accuracy(), m.macroF1());
            StringBuilder sb = new StringBuilder("   ");
            for (int c = 0; c < m.labels().size(); c++)
                sb.append(String.format(Locale.ROOT, " %s %.2f", m.labels().get(c), m.recall(c)));
            o.println(sb.append(" (recall)"));
        }
    }

    /** {@code finrec categorize coverage}. */
    @Command(name = "coverage", mixinStandardHelpOptions = true,
            description = "How many merchants of labelled CSV files a merchant directory alone recognises with the right "
                    + "category (no model): the coverage of a knowledge source.")
    static final class Coverage implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--test", required = true, paramLabel = "FILE", description = "Labelled CSV file (repeatable).")
        List<Path> test;

        @Option(names = "--source", defaultValue = "builtin",
                description = "Directory: builtin (hand-curated then generated), curated (merchants.txt), nsi (generated "
                        + "from OpenStreetMap's name-suggestion-index) (default: ${DEFAULT-VALUE}).")
        String source;

        @Option(names = "--list", description = "List every merchant with its verdict.")
        boolean list;

        @Override
        public Integer call() throws Exception {
            MerchantDirectory d = switch (source) {
                case "builtin" -> MerchantDirectory.builtin();
                case "curated" -> MerchantDirectory.curated();
                case "nsi" -> MerchantDirectory.nameSuggestionIndex();
                default -> throw new ParameterException(spec.commandLine(), "--source: builtin, curated or nsi, was '" + source + "'");
            };
            DirectoryCoverage c = DirectoryCoverage.measure(d, readAll(spec, test, "--test"));
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "directory %s (%d entries)%n", source, d.entries().size());
            o.print(c.text());
            if (list) c.examples().forEach(o::println);
            o.flush();
            return 0;
        }
    }

    static int check(CommandSpec spec, String what, double value, Double floor) {
        if (floor == null || value >= floor) return 0;
        spec.commandLine().getErr().printf(Locale.ROOT, "finrec categorize: %s %.4f is below the floor %.4f%n", what, value, floor);
        return 1;
    }
}
