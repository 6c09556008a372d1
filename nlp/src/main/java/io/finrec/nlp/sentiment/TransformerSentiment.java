package io.finrec.nlp.sentiment;

import io.finrec.api.model.Fingerprint;
import io.finrec.api.model.ModelFile;
import io.finrec.api.model.ModelFormatException;
import io.finrec.api.model.ModelHeader;
import io.finrec.api.model.Provenance;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.sentiment.SentimentScore;
import io.finrec.api.sentiment.SentimentScorer;
import io.finrec.nlp.classify.ClassificationMetrics;
import io.finrec.nlp.classify.StratifiedSplit;
import io.finrec.nlp.transformer.BertConfig;
import io.finrec.nlp.transformer.BertWeights;
import io.finrec.nlp.transformer.FineTuneConfig;
import io.finrec.nlp.transformer.FineTuner;
import io.finrec.nlp.transformer.MiniLmBase;
import io.finrec.nlp.transformer.PooledClassifierBlock;
import io.finrec.nlp.transformer.TensorPayload;
import io.finrec.nlp.transformer.TransformerClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Learned sentiment of short finance posts from a fine-tuned transformer: all-MiniLM-L6-v2 (the weights of the ONNX
 * file in the langchain4j MiniLM jar, rebuilt as DJL blocks on the PyTorch engine) whose upper layers and a
 * mean-pooled linear head were fine-tuned on labelled posts ({@link FineTuner}). As a {@link SentimentScorer} it
 * reports {@code negative = P(bearish)}, {@code neutral = 1 - P(bullish) - P(bearish)} (= P(neutral) with three
 * classes), {@code positive = P(bullish)}, {@code compound = P(bullish) - P(bearish)} and the most probable class.
 *
 * <p>Optionally the transformer's probabilities are blended with those of a fast TF-IDF companion
 * ({@link FinanceSentiment}, trained on the same rows) with a weight picked on the validation split
 * ({@link #withCompanion}); the default configuration does this, and so does the shipped model.
 *
 * <p>{@link #builtIn()} is the model shipped in this jar (more accurate and ~50× slower than
 * {@link FinanceSentiment#builtIn()}; figures in {@code docs/sentiment.md} and {@link #provenance()}). A model file
 * holds only the fine-tuned tensors (float16 by default), the companion (a nested model file) and the SHA-256 of the
 * base ONNX file, which is checked at load: a model never runs on top of different base weights.
 *
 * <p>Thread-safe: score from any number of threads. Instances from {@link #load} / {@link #train} hold native
 * PyTorch memory (~90 MB): {@link #close()} them when done; closing {@link #builtIn()} does nothing.
 */
public final class TransformerSentiment implements SentimentScorer, AutoCloseable {
    /** Model-file kind. */
    public static final String KIND = "finrec.transformer-sentiment";
    static final int VERSION = 1;
    static final String RESOURCE = "/io/finrec/nlp/sentiment/transformer-sentiment.frm";
    static final String BASE_NAME = "all-MiniLM-L6-v2";

    private static volatile TransformerSentiment builtIn;

    private final ClassScores scores;
    private final Map<String, float[]> tuned;
    private final int fromLayer, maxTokens, batchSize;
    private final Provenance provenance;
    private final MiniLmBase base;
    private final TransformerClassifier classifier;
    private final boolean shared;
    private final FinanceSentiment companion;
    private final double companionWeight;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private TransformerSentiment(ClassScores scores, Map<String, float[]> tuned, int fromLayer, int maxTokens,
                                 int batchSize, Provenance provenance, MiniLmBase base, boolean shared,
                                 FinanceSentiment companion, double companionWeight) {
        this(scores, tuned, fromLayer, maxTokens, batchSize, provenance, base, shared, companion, companionWeight,
                new TransformerClassifier(base, tuned, scores.labels().size(), maxTokens, batchSize));
    }

    private TransformerSentiment(ClassScores scores, Map<String, float[]> tuned, int fromLayer, int maxTokens,
                                 int batchSize, Provenance provenance, MiniLmBase base, boolean shared,
                                 FinanceSentiment companion, double companionWeight, TransformerClassifier classifier) {
        if (companion != null && !companion.labels().equals(scores.labels()))
            throw new IllegalArgumentException("companion labels " + companion.labels() + " differ from " + scores.labels());
        if (!(companionWeight >= 0 && companionWeight < 1))
            throw new IllegalArgumentException("companionWeight must be in [0, 1), was " + companionWeight);
        this.companion = companionWeight > 0 ? companion : null;
        this.companionWeight = this.companion == null ? 0 : companionWeight;
        this.scores = scores;
        this.tuned = tuned;
        this.fromLayer = fromLayer;
        this.maxTokens = maxTokens;
        this.batchSize = batchSize;
        this.provenance = provenance;
        this.base = base;
        this.shared = shared;
        this.classifier = classifier;
    }

    /** The model shipped with FinRec (loaded once per JVM; never closed). */
    public static TransformerSentiment builtIn() {
        TransformerSentiment b = builtIn;
        if (b != null) return b;
        synchronized (TransformerSentiment.class) {
            if (builtIn == null) {
                try {
                    builtIn = ModelFiles.loadResource(TransformerSentiment.class, RESOURCE,
                            f -> read(f, MiniLmBase.shared(), true));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot load the built-in transformer sentiment model: " + e.getMessage(), e);
                }
            }
            return builtIn;
        }
    }

    /** Class names, by class id. */
    public List<String> labels() {
        return scores.labels();
    }

    /** Where the model came from: seed, data fingerprint, base model hash, validation (and test) metrics. */
    public Provenance provenance() {
        return provenance;
    }

    /** First fine-tuned encoder layer (the layers below are the base model's). */
    public int fromLayer() {
        return fromLayer;
    }

    /** Word pieces read per text. */
    public int maxTokens() {
        return maxTokens;
    }

    /** Weight of the fast companion model in the blended probabilities (0: the transformer alone). */
    public double companionWeight() {
        return companionWeight;
    }

    @Override
    public SentimentScore score(String text) {
        Objects.requireNonNull(text, "text");
        return scores.toScore(probabilities(text));
    }

    @Override
    public List<SentimentScore> scoreAll(List<String> texts) {
        double[][] p = probabilitiesAll(texts);
        List<SentimentScore> out = new ArrayList<>(p.length);
        for (double[] row : p) out.add(scores.toScore(row));
        return out;
    }

    /** Class probabilities of a text, by class id. */
    public double[] probabilities(String text) {
        Objects.requireNonNull(text, "text");
        return probabilitiesAll(List.of(text))[0];
    }

    /** Class probabilities of texts (batched), by class id: the transformer's, blended with the companion's if any. */
    public double[][] probabilitiesAll(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        for (int i = 0; i < texts.size(); i++) Objects.requireNonNull(texts.get(i), "texts: null at index " + i);
        if (closed.get()) throw new IllegalStateException("this TransformerSentiment is closed");
        return blend(classifier.probabilities(texts), texts, companion, companionWeight);
    }

    private static double[][] blend(double[][] p, List<String> texts, FinanceSentiment companion, double w) {
        if (companion == null || w == 0) return p;
        for (int i = 0; i < p.length; i++) {
            double[] q = companion.probabilities(texts.get(i));
            for (int c = 0; c < p[i].length; c++) p[i][c] = (1 - w) * p[i][c] + w * q[c];
        }
        return p;
    }

    /** Candidate companion weights tried on the validation split. */
    static final double[] BLEND_GRID = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7};

    /**
     * A copy blended with a fast companion model, its weight (from 0 to 0.7 by 0.1) chosen by macro-F1 on
     * {@code validation} (rows neither model was trained on; ties keep the smaller weight). The provenance records
     * the chosen weight and the blend's validation figures. Shares this model's native weights (freed when both are
     * closed).
     */
    public TransformerSentiment withCompanion(FinanceSentiment fast, List<LabeledText> validation) {
        Objects.requireNonNull(fast, "fast");
        Objects.requireNonNull(validation, "validation");
        if (validation.isEmpty()) throw new IllegalArgumentException("validation: no rows");
        List<String> texts = validation.stream().map(LabeledText::text).toList();
        double[][] own = classifier.probabilities(texts);
        double bestW = 0;
        ClassificationMetrics best = null;
        for (double w : BLEND_GRID) {
            double[][] p = blend(copy(own), texts, fast, w);
            List<SentimentScore> s = new ArrayList<>(p.length);
            for (double[] row : p) s.add(scores.toScore(row));
            ClassificationMetrics m = scores.evaluate(validation, x -> s);
            if (best == null || m.macroF1() > best.macroF1() + 1e-9) {
                best = m;
                bestW = w;
            }
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("companion", "FinanceSentiment (TF-IDF + VADER, logistic regression), data " + fast.provenance().dataFingerprint());
        d.put("companionWeight", String.format(Locale.ROOT, "%.1f", bestW));
        d.put("validationAccuracy", String.format(Locale.ROOT, "%.4f", best.accuracy()));
        d.put("validationMacroF1", String.format(Locale.ROOT, "%.4f", best.macroF1()));
        return new TransformerSentiment(scores, tuned, fromLayer, maxTokens, batchSize, provenance.withDetails(d), base,
                false, fast, bestW, classifier.retain());
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    /** Accuracy, macro-F1 and per-class figures on labelled texts (labels must be among {@link #labels()}). */
    public ClassificationMetrics evaluate(List<LabeledText> data) {
        return scores.evaluate(data, this::scoreAll);
    }

    /**
     * Fine-tunes MiniLM on labelled texts (the labels become the classes; the configuration names which are positive
     * and negative). A validation split carved from {@code data} picks the epoch; test data is never touched.
     * Takes minutes to hours depending on data size, layers and machine (see {@code docs/sentiment.md}).
     */
    public static TransformerSentiment train(List<LabeledText> data, TransformerSentimentConfig config,
                                             ProgressListener listener) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        if (data.size() < 10) throw new IllegalArgumentException("data: need at least 10 labelled texts, got " + data.size());
        List<String> labels = new ArrayList<>(new TreeSet<>(data.stream().map(LabeledText::label).toList()));
        if (labels.size() < 2) throw new IllegalArgumentException("data: need at least 2 distinct labels, got " + labels);
        List<String> texts = data.stream().map(LabeledText::text).toList();
        int[] y = data.stream().mapToInt(r -> labels.indexOf(r.label())).toArray();
        MiniLmBase base = MiniLmBase.shared();
        FineTuneConfig ft = config.fineTune();
        FineTuner.Result r = new FineTuner(ft).fit(base, texts, y, labels, listener);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("trainer", "TransformerSentiment.train (DJL PyTorch fine-tuning of " + BASE_NAME + ")");
        details.put("rows", Integer.toString(data.size()));
        details.put("trainingRows", Integer.toString(r.trainingRows()));
        details.put("trainableLayers", Integer.toString(ft.trainableLayers()));
        details.put("learningRate", Double.toString(ft.learningRate()));
        details.put("batchSize", Integer.toString(ft.batchSize()));
        details.put("bestEpoch", Integer.toString(r.bestEpoch()));
        details.put("epochsRun", Integer.toString(r.epochsRun()));
        details.put("epochSeconds", Arrays.toString(Arrays.stream(r.epochSeconds()).map(Math::rint).toArray()));
        if (r.validation() != null) {
            details.put("validationAccuracy", String.format(Locale.ROOT, "%.4f", r.validation().accuracy()));
            details.put("validationMacroF1", String.format(Locale.ROOT, "%.4f", r.validation().macroF1()));
        }
        if (r.validation() != null) {
            details.put("transformerValidationAccuracy", details.get("validationAccuracy"));
            details.put("transformerValidationMacroF1", details.get("validationMacroF1"));
        }
        Provenance prov = Provenance.now(ft.seed(), 1, fingerprint(data), details);
        TransformerSentiment alone = new TransformerSentiment(new ClassScores(labels, config.positiveLabel(),
                config.negativeLabel()), r.weights(), r.fromLayer(), ft.maxTokens(), config.batchSize(), prov, base, false,
                null, 0);
        if (config.companion() == null || ft.validationFraction() == 0) return alone;
        try (alone) { // the blended copy keeps its own hold on the weights
            FinanceSentimentConfig cc = config.companion().withClassifier(config.companion().classifier().toBuilder()
                    .seed(ft.seed()).validationFraction(ft.validationFraction()).build());
            FinanceSentiment fast = FinanceSentiment.train(data, cc, listener);
            int[] val = StratifiedSplit.of(y, labels.size(), ft.validationFraction(), ft.seed()).validation();
            return alone.withCompanion(fast, Arrays.stream(val).mapToObj(data::get).toList());
        }
    }

    /**
     * A model from fine-tuned tensors (as {@link FineTuner.Result#weights()} gives them) without training, e.g. to
     * rebuild one from an experiment's output.
     */
    public static TransformerSentiment of(FineTuner.Result result, TransformerSentimentConfig config, int maxTokens,
                                          Provenance provenance) {
        MiniLmBase base = MiniLmBase.shared();
        try {
            checkTensors(result.weights(), base.config(), result.fromLayer(), result.classNames().size(), null);
        } catch (ModelFormatException e) {
            throw new IllegalArgumentException("result: " + e.getMessage(), e);
        }
        return new TransformerSentiment(new ClassScores(result.classNames(), config.positiveLabel(), config.negativeLabel()),
                result.weights(), result.fromLayer(), maxTokens, config.batchSize(), provenance, base, false, null, 0);
    }

    private static String fingerprint(List<LabeledText> data) {
        Fingerprint f = new Fingerprint();
        for (LabeledText r : data) f.add(r.text()).add(r.label());
        return f.hex();
    }

    /**
     * A copy whose provenance has extra details, e.g. test metrics measured after training. It shares this model's
     * native weights, which are freed when both are closed.
     */
    public TransformerSentiment withDetails(Map<String, String> more) {
        return new TransformerSentiment(scores, tuned, fromLayer, maxTokens, batchSize, provenance.withDetails(more), base,
                false, companion, companionWeight, classifier.retain());
    }

    /** Saves the fine-tuned tensors in float16 (see {@link #save(Path, TensorPayload.Precision)}). */
    public void save(Path file) throws IOException {
        save(file, TensorPayload.Precision.FLOAT16);
    }

    /**
     * Saves the model as one FinRec model file: labels, settings, the base model's name and SHA-256, and the
     * fine-tuned tensors only (layers {@link #fromLayer()} and up, and the head) in the given precision.
     */
    public void save(Path file, TensorPayload.Precision precision) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(precision, "precision");
        BertConfig c = base.config();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("labels", labels());
        meta.put("positiveLabel", scores.positiveLabel());
        meta.put("negativeLabel", scores.negativeLabel());
        meta.put("baseModel", BASE_NAME);
        meta.put("baseFile", base.onnxFile().getFileName().toString());
        meta.put("baseSha256", base.sha256());
        meta.put("encoder", Map.of("vocabSize", c.vocabSize(), "hiddenSize", c.hiddenSize(), "layers", c.layers(),
                "heads", c.heads(), "intermediateSize", c.intermediateSize(), "maxPositions", c.maxPositions()));
        meta.put("pooling", "mean");
        meta.put("fromLayer", fromLayer);
        meta.put("maxTokens", maxTokens);
        meta.put("batchSize", batchSize);
        meta.put("precision", precision.name());
        meta.put("companionWeight", companionWeight);
        byte[] fast = companion == null ? new byte[0] : ModelFiles.saveBytes(companion::save);
        ModelFile.write(file, new ModelHeader(KIND, VERSION, ModelFile.metadata(meta), provenance), out -> {
            TensorPayload.write(out, tuned, precision);
            out.writeInt(fast.length); // the companion as a nested FinRec model file (its own checksum and header)
            out.write(fast);
        });
    }

    /**
     * Loads a model saved by {@link #save}, on top of the MiniLM weights on the classpath.
     *
     * @throws ModelFormatException if the file is truncated, altered, of another kind, inconsistent, or was
     *                              fine-tuned from a base model whose SHA-256 differs from the one available here
     */
    public static TransformerSentiment load(Path file) throws IOException {
        return read(Objects.requireNonNull(file, "file"), MiniLmBase.shared(), false);
    }

    private static TransformerSentiment read(Path file, MiniLmBase base, boolean shared) throws IOException {
        try (ModelFile.Reader r = ModelFile.open(file, KIND, VERSION, VERSION)) {
            var meta = r.header().metadata();
            String sha = meta.path("baseSha256").asText("");
            if (!sha.equals(base.sha256()))
                throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, "fine-tuned from "
                        + meta.path("baseFile").asText("?") + " with SHA-256 " + sha + ", but the base model here ("
                        + base.onnxFile() + ") has SHA-256 " + base.sha256());
            List<String> labels = new ArrayList<>();
            meta.path("labels").forEach(n -> labels.add(n.asText()));
            if (labels.size() < 2 || new TreeSet<>(labels).size() != labels.size())
                throw r.invalid("labels " + labels + ": need at least 2 distinct labels");
            int from = meta.path("fromLayer").asInt(-1);
            int maxTokens = meta.path("maxTokens").asInt(-1);
            int batch = meta.path("batchSize").asInt(32);
            BertConfig c = base.config();
            if (from < 0 || from >= c.layers()) throw r.invalid("fromLayer " + from + " outside [0, " + c.layers() + ")");
            if (maxTokens < 2 || maxTokens > c.maxPositions()) throw r.invalid("maxTokens " + maxTokens);
            if (batch < 1) throw r.invalid("batchSize " + batch);
            TensorPayload.Precision precision;
            try {
                precision = TensorPayload.Precision.valueOf(meta.path("precision").asText(""));
            } catch (IllegalArgumentException e) {
                throw r.invalid("unknown precision '" + meta.path("precision").asText("") + "'");
            }
            Map<String, float[]> tensors = TensorPayload.read(r.payload(), precision, file);
            int fastLength = r.payload().readInt();
            if (fastLength < 0 || fastLength > (1 << 30)) throw r.invalid("companion length " + fastLength);
            byte[] fast = r.payload().readNBytes(fastLength);
            if (fast.length != fastLength) throw r.invalid("companion truncated");
            r.expectEnd();
            checkTensors(tensors, c, from, labels.size(), file);
            double w = meta.path("companionWeight").asDouble(0);
            if (!(w >= 0 && w < 1) || (w > 0) != (fastLength > 0))
                throw r.invalid("companionWeight " + w + " with a " + fastLength + "-byte companion");
            FinanceSentiment companion = fastLength == 0 ? null : companionFrom(fast, file);
            if (companion != null && !companion.labels().equals(labels))
                throw r.invalid("companion labels " + companion.labels() + " differ from " + labels);
            return new TransformerSentiment(new ClassScores(labels, meta.path("positiveLabel").asText(""),
                    meta.path("negativeLabel").asText("")), tensors, from, maxTokens, batch, r.header().provenance(), base,
                    shared, companion, w);
        }
    }

    private static FinanceSentiment companionFrom(byte[] bytes, Path file) throws IOException {
        try {
            return ModelFiles.loadBytes(bytes, FinanceSentiment::load);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(file, e.reason(), "nested companion model: " + e.getMessage(), e);
        }
    }

    /** Every tensor of layers {@code from..} and the head must be there with the right size, and nothing else. */
    private static void checkTensors(Map<String, float[]> t, BertConfig c, int from, int classes, Path file)
            throws ModelFormatException {
        Map<String, Long> want = new LinkedHashMap<>();
        for (int l = from; l < c.layers(); l++)
            BertWeights.layerShapes(c, l).forEach((n, s) -> want.put(n, Arrays.stream(s).reduce(1, (a, b) -> a * b)));
        want.put(PooledClassifierBlock.HEAD_WEIGHT, (long) classes * c.hiddenSize());
        want.put(PooledClassifierBlock.HEAD_BIAS, (long) classes);
        for (Map.Entry<String, Long> e : want.entrySet()) {
            float[] v = t.get(e.getKey());
            if (v == null || v.length != e.getValue())
                throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, "tensor '" + e.getKey()
                        + "' " + (v == null ? "is missing" : "has " + v.length + " values, expected " + e.getValue()));
        }
        for (String n : t.keySet())
            if (!want.containsKey(n))
                throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, "unexpected tensor '" + n + "'");
    }

    /**
     * Releases this instance's hold on the native weights (freed when every copy sharing them is closed); idempotent.
     * Does nothing for {@link #builtIn()}, which lives as long as the JVM.
     */
    @Override
    public void close() {
        if (!shared && !closed.getAndSet(true)) classifier.close();
    }
}
