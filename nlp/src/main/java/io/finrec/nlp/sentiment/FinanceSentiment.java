package io.finrec.nlp.sentiment;

import io.finrec.api.embedding.TextEmbedder;
import io.finrec.api.model.Fingerprint;
import io.finrec.api.model.ModelFile;
import io.finrec.api.model.ModelFormatException;
import io.finrec.api.model.ModelHeader;
import io.finrec.api.model.Provenance;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.sentiment.SentimentScore;
import io.finrec.api.sentiment.SentimentScorer;
import io.finrec.nlp.classify.ClassificationMetrics;
import io.finrec.nlp.classify.SoftmaxClassifier;
import io.finrec.nlp.classify.SoftmaxTrainer;
import io.finrec.nlp.classify.SparseVector;
import io.finrec.nlp.classify.TfIdfVectorizer;
import io.finrec.nlp.embedding.MiniLmEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Learned sentiment of short finance posts: bearish / neutral / bullish, from TF-IDF word and character n-grams
 * (plus VADER's scores and, optionally, MiniLM sentence embeddings) fed to a class-weighted softmax classifier
 * trained with DJL on PyTorch ({@link SoftmaxTrainer}). As a {@link SentimentScorer} it reports
 * {@code negative = P(bearish)}, {@code neutral = P(neutral)}, {@code positive = P(bullish)},
 * {@code compound = P(bullish) - P(bearish)} and the most probable class as the label.
 *
 * <p>{@link #builtIn()} is the model shipped in this jar, trained on the MIT-licensed Twitter Financial News
 * Sentiment data (accuracy and macro-F1 in {@code docs/sentiment.md} and in {@link #provenance()}); retrain on
 * your own labels with {@link #train}. Prediction runs in plain Java (PyTorch is only loaded to train).
 * Immutable and thread-safe.
 */
public final class FinanceSentiment implements SentimentScorer {
    /** Model-file kind. */
    public static final String KIND = "finrec.finance-sentiment";
    static final int VERSION = 1;
    static final String RESOURCE = "/io/finrec/nlp/sentiment/finance-sentiment.frm";
    static final int VADER_FEATURES = 4;

    private static volatile FinanceSentiment builtIn;

    private final TfIdfVectorizer vectorizer;
    private final SoftmaxClassifier classifier;
    private final boolean useEmbeddings;
    private final float embeddingWeight;
    private final boolean useVader;
    private final ClassScores scores;
    private final Provenance provenance;
    private final Supplier<TextEmbedder> embedder;

    private FinanceSentiment(TfIdfVectorizer vectorizer, SoftmaxClassifier classifier, boolean useEmbeddings,
                             float embeddingWeight, boolean useVader, String positiveLabel, String negativeLabel,
                             Provenance provenance, Supplier<TextEmbedder> embedder) {
        this.vectorizer = vectorizer;
        this.classifier = classifier;
        this.useEmbeddings = useEmbeddings;
        this.embeddingWeight = embeddingWeight;
        this.useVader = useVader;
        this.scores = new ClassScores(classifier.labels(), positiveLabel, negativeLabel);
        this.provenance = provenance;
        this.embedder = embedder;
    }

    /** The model shipped with FinRec (loaded once). */
    public static FinanceSentiment builtIn() {
        FinanceSentiment b = builtIn;
        if (b != null) return b;
        synchronized (FinanceSentiment.class) {
            if (builtIn == null) {
                try {
                    builtIn = ModelFiles.loadResource(FinanceSentiment.class, RESOURCE, FinanceSentiment::load);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot load the built-in finance sentiment model", e);
                }
            }
            return builtIn;
        }
    }

    /** Class names, by class id. */
    public List<String> labels() {
        return classifier.labels();
    }

    /** Where the model came from, including its validation and test metrics when recorded. */
    public Provenance provenance() {
        return provenance;
    }

    /** Whether the model uses MiniLM sentence embeddings (then scoring loads the ONNX model). */
    public boolean usesEmbeddings() {
        return useEmbeddings;
    }

    /** Number of input features. */
    public int dimension() {
        return classifier.dimension();
    }

    @Override
    public SentimentScore score(String text) {
        Objects.requireNonNull(text, "text");
        return toScore(classifier.probabilities(features(text, useEmbeddings ? embedder.get().embed(text) : null)));
    }

    @Override
    public List<SentimentScore> scoreAll(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        List<float[]> emb = useEmbeddings ? embedder.get().embedAll(texts) : null;
        List<SentimentScore> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String t = Objects.requireNonNull(texts.get(i), () -> "texts: null at " + out.size());
            out.add(toScore(classifier.probabilities(features(t, emb == null ? null : emb.get(i)))));
        }
        return out;
    }

    /** Class probabilities of a text, by class id. */
    public double[] probabilities(String text) {
        Objects.requireNonNull(text, "text");
        return classifier.probabilities(features(text, useEmbeddings ? embedder.get().embed(text) : null));
    }

    /** Accuracy, macro-F1 and per-class figures on labelled texts (labels must be among {@link #labels()}). */
    public ClassificationMetrics evaluate(List<LabeledText> data) {
        return scores.evaluate(data, this::scoreAll);
    }

    private SentimentScore toScore(double[] p) {
        return scores.toScore(p);
    }

    private SparseVector features(String text, float[] embedding) {
        return features(vectorizer, text, embedding, embeddingWeight, useVader);
    }

    static SparseVector features(TfIdfVectorizer vectorizer, String text, float[] embedding, float embeddingWeight,
                                 boolean useVader) {
        SparseVector ngrams = vectorizer.transform(text, 0);
        int extra = (embedding == null ? 0 : embedding.length) + (useVader ? VADER_FEATURES : 0);
        if (extra == 0) return ngrams;
        int n = ngrams.size();
        int[] idx = Arrays.copyOf(ngrams.indices(), n + extra);
        float[] val = Arrays.copyOf(ngrams.values(), n + extra);
        int off = vectorizer.dimension();
        if (embedding != null) {
            for (int j = 0; j < embedding.length; j++) {
                idx[n] = off + j;
                val[n++] = embedding[j] * embeddingWeight;
            }
            off += embedding.length;
        }
        if (useVader) {
            double[] v = new double[4];
            VaderSentiment.create().polarity(text, v);
            for (int j = 0; j < 4; j++) {
                idx[n] = off + j;
                val[n++] = (float) v[j];
            }
        }
        return new SparseVector(idx, val);
    }

    /**
     * Trains a model on labelled texts (the labels become the classes; the configuration names which are positive
     * and negative). A validation split carved from {@code data} picks the best epoch; test data is never touched.
     */
    public static FinanceSentiment train(List<LabeledText> data, FinanceSentimentConfig config, ProgressListener listener) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        if (data.size() < 10) throw new IllegalArgumentException("data: need at least 10 labelled texts, got " + data.size());
        List<String> labels = new ArrayList<>(new TreeSet<>(data.stream().map(LabeledText::label).toList()));
        if (labels.size() < 2) throw new IllegalArgumentException("data: need at least 2 distinct labels, got " + labels);
        List<String> texts = data.stream().map(LabeledText::text).toList();
        TfIdfVectorizer vec = TfIdfVectorizer.fit(texts, config.vectorizer());
        Supplier<TextEmbedder> emb = MiniLmEmbedder::shared;
        List<float[]> embeddings = config.useEmbeddings() ? emb.get().embedAll(texts) : null;
        int dim = vec.dimension() + (config.useEmbeddings() ? emb.get().dimension() : 0) + (config.useVader() ? VADER_FEATURES : 0);
        List<SparseVector> rows = new ArrayList<>(data.size());
        int[] y = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            rows.add(features(vec, texts.get(i), embeddings == null ? null : embeddings.get(i),
                    (float) config.embeddingWeight(), config.useVader()));
            y[i] = labels.indexOf(data.get(i).label());
        }
        SoftmaxTrainer.Result r = new SoftmaxTrainer(config.classifier()).fit(rows, y, labels, dim, listener);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("trainer", "FinanceSentiment.train (DJL PyTorch softmax)");
        details.put("rows", Integer.toString(data.size()));
        details.put("trainingRows", Integer.toString(r.trainingRows()));
        details.put("bestEpoch", Integer.toString(r.bestEpoch()));
        details.put("epochsRun", Integer.toString(r.epochsRun()));
        details.put("trainSeconds", String.format(java.util.Locale.ROOT, "%.1f", r.seconds()));
        if (r.validation() != null) {
            details.put("validationAccuracy", String.format(java.util.Locale.ROOT, "%.4f", r.validation().accuracy()));
            details.put("validationMacroF1", String.format(java.util.Locale.ROOT, "%.4f", r.validation().macroF1()));
        }
        Provenance prov = Provenance.now(config.classifier().seed(), 1, fingerprint(data), details);
        return new FinanceSentiment(vec, r.classifier(), config.useEmbeddings(), (float) config.embeddingWeight(),
                config.useVader(), config.positiveLabel(), config.negativeLabel(), prov, emb);
    }

    private static String fingerprint(List<LabeledText> data) {
        Fingerprint f = new Fingerprint();
        for (LabeledText r : data) f.add(r.text()).add(r.label());
        return f.hex();
    }

    /** A copy whose provenance has extra details (e.g. test metrics measured after training). */
    public FinanceSentiment withDetails(Map<String, String> more) {
        return new FinanceSentiment(vectorizer, classifier, useEmbeddings, embeddingWeight, useVader,
                scores.positiveLabel(), scores.negativeLabel(),
                provenance.withDetails(more), embedder);
    }

    /** Saves the model (vectorizer, classifier, settings, provenance) as one model file. */
    public void save(Path file) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("labels", labels());
        meta.put("positiveLabel", scores.positiveLabel());
        meta.put("negativeLabel", scores.negativeLabel());
        meta.put("useEmbeddings", useEmbeddings);
        meta.put("embeddingModel", useEmbeddings ? embedder.get().modelId() : "");
        meta.put("embeddingDimension", useEmbeddings ? embedder.get().dimension() : 0);
        meta.put("embeddingWeight", embeddingWeight);
        meta.put("useVader", useVader);
        meta.put("dimension", classifier.dimension());
        ModelFile.write(file, new ModelHeader(KIND, VERSION, ModelFile.metadata(meta), provenance), out -> {
            vectorizer.writePayload(out);
            classifier.writePayload(out);
        });
    }

    /** Loads a model saved by {@link #save}; embeddings, if the model uses them, come from the shared MiniLM. */
    public static FinanceSentiment load(Path file) throws IOException {
        return load(file, MiniLmEmbedder::shared);
    }

    /** Loads a model, taking embeddings (if it uses them) from the given embedder. */
    public static FinanceSentiment load(Path file, Supplier<TextEmbedder> embedder) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(embedder, "embedder");
        try (ModelFile.Reader r = ModelFile.open(file, KIND, VERSION, VERSION)) {
            var meta = r.header().metadata();
            TfIdfVectorizer vec = TfIdfVectorizer.readPayload(r.payload(), file);
            SoftmaxClassifier cls = SoftmaxClassifier.readPayload(r.payload(), file);
            boolean useEmb = meta.path("useEmbeddings").asBoolean(false);
            boolean useVader = meta.path("useVader").asBoolean(false);
            int embDim = meta.path("embeddingDimension").asInt(0);
            int expected = vec.dimension() + (useEmb ? embDim : 0) + (useVader ? VADER_FEATURES : 0);
            if (expected != cls.dimension())
                throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, "feature dimension "
                        + expected + " does not match the classifier's " + cls.dimension());
            return new FinanceSentiment(vec, cls, useEmb, (float) meta.path("embeddingWeight").asDouble(1.0), useVader,
                    meta.path("positiveLabel").asText(""), meta.path("negativeLabel").asText(""),
                    r.header().provenance(), embedder);
        }
    }
}
