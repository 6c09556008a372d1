package io.finrec.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.api.random.Seeds;
import io.finrec.api.sentiment.SentimentScore;
import io.finrec.api.sentiment.SentimentScorer;
import io.finrec.nlp.classify.ClassificationMetrics;
import io.finrec.nlp.sentiment.FinanceSentiment;
import io.finrec.nlp.sentiment.FinanceSentimentConfig;
import io.finrec.api.model.ModelFile;
import io.finrec.nlp.sentiment.LabeledText;
import io.finrec.nlp.sentiment.TransformerSentiment;
import io.finrec.nlp.sentiment.TransformerSentimentConfig;
import io.finrec.nlp.sentiment.VaderSentiment;
import io.finrec.nlp.transformer.FineTuneConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code finrec sentiment}: scores stdin lines (VADER or the learned finance model), trains and evaluates the
 * learned model, and checks VADER against golden outputs of the original implementation.
 */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = {"Score the sentiment of each stdin line; prints one JSON object per line:",
            "{text, neg, neu, pos, compound, label}. Labels: negative/neutral/positive (VADER, +-0.05 rule) or",
            "bearish/neutral/bullish (learned finance models: 'learned' is the fine-tuned MiniLM transformer,",
            "'learned-fast' the TF-IDF + logistic-regression model, ~100x faster and less accurate)."},
        subcommands = {SentimentCommand.Train.class, SentimentCommand.Eval.class, SentimentCommand.CheckVader.class})
public final class SentimentCommand implements Callable<Integer> {
    /** Which scorer to use. */
    enum Engine {
        vader, learned, learnedFast;

        @Override
        public String toString() {
            return this == learnedFast ? "learned-fast" : name();
        }
    }

    /** Parses engine names ("learned-fast" included). */
    static final class EngineConverter implements picocli.CommandLine.ITypeConverter<Engine> {
        @Override
        public Engine convert(String v) {
            for (Engine e : Engine.values()) if (e.toString().equals(v)) return e;
            throw new picocli.CommandLine.TypeConversionException("expected vader, learned or learned-fast, got '" + v + "'");
        }
    }

    @Option(names = "--engine", defaultValue = "vader", converter = EngineConverter.class,
            description = "vader, learned (fine-tuned transformer) or learned-fast (TF-IDF) (default: ${DEFAULT-VALUE})")
    Engine engine;

    @Option(names = "--model", description = "a learned model file of either kind (default: the engine's built-in model)")
    Path model;

    static final ObjectMapper JSON = new ObjectMapper();

    /** The learned scorer for an engine: the given model file (its kind decides), else the engine's built-in model. */
    static SentimentScorer learned(Engine engine, Path model) throws IOException {
        if (model != null) {
            String kind = ModelFile.readHeader(model).kind();
            return kind.equals(TransformerSentiment.KIND) ? TransformerSentiment.load(model) : FinanceSentiment.load(model);
        }
        return engine == Engine.learnedFast ? FinanceSentiment.builtIn() : TransformerSentiment.builtIn();
    }

    @Override
    public Integer call() throws Exception {
        SentimentScorer scorer = engine == Engine.vader ? VaderSentiment.create() : learned(engine, model);
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        List<String> batch = new ArrayList<>();
        try { // lines scored before a bad line are still printed
            Utf8Lines.forEach(System.in, "stdin", Utf8Lines.NO_LIMIT, line -> {
                batch.add(line);
                if (batch.size() == 256) flush(scorer, batch, out);
            });
            flush(scorer, batch, out);
        } finally {
            out.flush();
        }
        if (scorer instanceof AutoCloseable c) c.close();
        return 0;
    }

    private static void flush(SentimentScorer scorer, List<String> batch, PrintWriter out) {
        if (batch.isEmpty()) return;
        List<SentimentScore> scores = scorer.scoreAll(batch);
        for (int i = 0; i < batch.size(); i++) {
            SentimentScore s = scores.get(i);
            ObjectNode n = JSON.createObjectNode();
            n.put("text", batch.get(i));
            n.put("neg", s.negative());
            n.put("neu", s.neutral());
            n.put("pos", s.positive());
            n.put("compound", s.compound());
            n.put("label", s.label());
            out.println(n);
        }
        batch.clear();
    }

    /** {@code finrec sentiment train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train a learned finance sentiment model on a CSV with columns text,label.",
                "--engine learned (default) fine-tunes all-MiniLM-L6-v2 (minutes to hours); learned-fast trains",
                "TF-IDF + logistic regression (seconds to minutes)."})
    static final class Train implements Callable<Integer> {
        @Option(names = "--train", required = true, description = "training CSV (text,label)")
        Path train;

        @Option(names = "--out", required = true, description = "model file to write")
        Path out;

        @Option(names = "--engine", defaultValue = "learned", converter = EngineConverter.class,
                description = "learned or learned-fast (default: ${DEFAULT-VALUE})")
        Engine engine;

        @Option(names = "--embeddings", description = "learned-fast: also use MiniLM sentence embeddings (slower)")
        boolean embeddings;

        @Option(names = "--epochs", description = "maximum epochs (default: 5 for learned, 40 for learned-fast)")
        Integer epochs;

        @Option(names = "--layers", description = "learned: top encoder layers to fine-tune, 1-6 (default: 6)")
        Integer layers;

        @Option(names = "--learning-rate", description = "learned: peak AdamW learning rate (default: 1e-4)")
        Double learningRate;

        @Option(names = "--batch-size", description = "learned: texts per step (default: 16)")
        Integer batchSize;

        @Option(names = "--max-tokens", description = "learned: word pieces per text (default: 96)")
        Integer maxTokens;

        @Option(names = "--no-blend", description = "learned: the transformer alone, without the TF-IDF companion model")
        boolean noBlend;

        @Option(names = "--validation", description = "held-out share for picking the epoch (default: ${DEFAULT-VALUE})",
                defaultValue = "0.15")
        double validation;

        @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})", defaultValue = "" + Seeds.DEFAULT_SEED)
        long seed;

        @Override
        public Integer call() throws Exception {
            if (engine == Engine.vader) throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "--engine: vader is not trainable; use learned or learned-fast");
            List<LabeledText> data = LabeledText.readCsv(train);
            Map<String, String> d;
            if (engine == Engine.learned) {
                TransformerSentimentConfig base = TransformerSentimentConfig.defaults();
                FineTuneConfig d0 = base.fineTune();
                FineTuneConfig ft = d0.toBuilder().trainableLayers(layers == null ? d0.trainableLayers() : layers)
                        .epochs(epochs == null ? d0.epochs() : epochs)
                        .learningRate(learningRate == null ? d0.learningRate() : learningRate)
                        .batchSize(batchSize == null ? d0.batchSize() : batchSize)
                        .maxTokens(maxTokens == null ? d0.maxTokens() : maxTokens).validationFraction(validation)
                        .seed(seed).build();
                TransformerSentiment m;
                try (ProgressBar bar = ProgressBar.onStderr()) {
                    m = TransformerSentiment.train(data, base.withFineTune(ft).withCompanion(noBlend ? null : base.companion()), bar);
                }
                try (TransformerSentiment named = m.withDetails(Map.of("trainFile", train.getFileName().toString()))) {
                    named.save(out);
                    d = named.provenance().details();
                } finally {
                    m.close();
                }
            } else {
                FinanceSentimentConfig base = FinanceSentimentConfig.defaults();
                FinanceSentimentConfig cfg = base.withEmbeddings(embeddings, base.embeddingWeight())
                        .withClassifier(base.classifier().toBuilder().epochs(epochs == null ? 40 : epochs)
                                .validationFraction(validation).seed(seed).build());
                FinanceSentiment m;
                try (ProgressBar bar = ProgressBar.onStderr()) {
                    m = FinanceSentiment.train(data, cfg, bar);
                }
                m = m.withDetails(Map.of("trainFile", train.getFileName().toString()));
                m.save(out);
                d = m.provenance().details();
            }
            System.out.printf(Locale.ROOT, "trained on %d rows (%s for gradient steps), best epoch %s of %s, validation accuracy %s, macro-F1 %s; saved %s%n",
                    data.size(), d.get("trainingRows"), d.get("bestEpoch"), d.get("epochsRun"),
                    d.getOrDefault("validationAccuracy", "n/a"), d.getOrDefault("validationMacroF1", "n/a"), out);
            return 0;
        }
    }

    /** {@code finrec sentiment eval}. */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Evaluate a learned model on a CSV with columns text,label: accuracy, macro-F1, texts/s.")
    static final class Eval implements Callable<Integer> {
        @Option(names = "--model", description = "model file of either kind (default: the engine's built-in model)")
        Path model;

        @Option(names = "--engine", defaultValue = "learned", converter = EngineConverter.class,
                description = "built-in model to evaluate without --model: learned or learned-fast (default: ${DEFAULT-VALUE})")
        Engine engine;

        @Option(names = "--test", required = true, description = "test CSV (text,label)")
        Path test;

        @Option(names = "--min-accuracy", description = "exit 1 if accuracy is below this", defaultValue = "0")
        double minAccuracy;

        @Option(names = "--min-macro-f1", description = "exit 1 if macro-F1 is below this", defaultValue = "0")
        double minMacroF1;

        @Override
        public Integer call() throws Exception {
            if (engine == Engine.vader) throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "--engine: use learned or learned-fast (check VADER with check-vader)");
            SentimentScorer scorer = learned(engine, model);
            List<LabeledText> data = LabeledText.readCsv(test);
            ClassificationMetrics r;
            double secs;
            String what;
            try {
                java.util.function.Function<List<LabeledText>, ClassificationMetrics> eval = scorer instanceof TransformerSentiment t
                        ? t::evaluate : ((FinanceSentiment) scorer)::evaluate;
                eval.apply(data.subList(0, Math.min(50, data.size()))); // warm-up
                long t0 = System.nanoTime();
                r = eval.apply(data);
                secs = (System.nanoTime() - t0) / 1e9;
                what = scorer instanceof TransformerSentiment t ? "fine-tuned MiniLM, batches of 32, PyTorch"
                        : ((FinanceSentiment) scorer).usesEmbeddings() ? "with MiniLM embeddings" : "n-grams + VADER features";
            } finally {
                if (scorer instanceof AutoCloseable c) c.close();
            }
            System.out.print(r.report());
            System.out.printf(Locale.ROOT, "throughput: %.0f texts/s (calling thread, %s)%n", data.size() / secs, what);
            boolean ok = r.accuracy() >= minAccuracy && r.macroF1() >= minMacroF1;
            if (!ok) System.err.printf(Locale.ROOT, "finrec: below the floor (accuracy %.4f < %.4f or macro-F1 %.4f < %.4f)%n",
                    r.accuracy(), minAccuracy, r.macroF1(), minMacroF1);
            return ok ? 0 : 1;
        }
    }

    /** {@code finrec sentiment check-vader}. */
    @Command(name = "check-vader", mixinStandardHelpOptions = true,
            description = {"Compare VADER against golden outputs of the original Python implementation",
                "(JSON lines {text, neg, neu, pos, compound}); exit 1 on any difference beyond",
                "1e-4 (compound) or 1e-3 (neg/neu/pos)."})
    static final class CheckVader implements Callable<Integer> {
        @Option(names = "--golden", required = true, description = "JSON-lines file of expected scores")
        Path golden;

        @Override
        public Integer call() throws Exception {
            VaderSentiment v = VaderSentiment.create();
            int n = 0, bad = 0;
            try (BufferedReader r = Files.newBufferedReader(golden, StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    n++;
                    if (line.isBlank()) continue;
                    var node = JSON.readTree(line);
                    for (String f : new String[] {"text", "neg", "neu", "pos", "compound"})
                        if (!node.has(f)) throw new IOException(golden + " line " + n + ": missing field '" + f + "'");
                    SentimentScore s = v.score(node.get("text").asText());
                    if (Math.abs(s.compound() - node.get("compound").asDouble()) > 1e-4
                            || Math.abs(s.negative() - node.get("neg").asDouble()) > 1e-3
                            || Math.abs(s.neutral() - node.get("neu").asDouble()) > 1e-3
                            || Math.abs(s.positive() - node.get("pos").asDouble()) > 1e-3) {
                        bad++;
                        System.out.println("MISMATCH line " + n + ": " + line + " -> " + s);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "vader: %d of %d sentences match the original%n", n - bad, n);
            return bad == 0 && n > 0 ? 0 : 1;
        }
    }
}
