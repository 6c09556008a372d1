package io.finrec.nlp.categorize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.api.categorize.CategorizationExample;
import io.finrec.api.categorize.CategorizationInput;
import io.finrec.api.categorize.CategoryPrediction;
import io.finrec.api.categorize.CategoryScore;
import io.finrec.api.categorize.Taxonomy;
import io.finrec.api.categorize.TransactionCategorizer;
import io.finrec.api.model.ModelFile;
import io.finrec.api.model.ModelFormatException;
import io.finrec.api.model.ModelHeader;
import io.finrec.api.model.Payloads;
import io.finrec.api.model.Provenance;
import io.finrec.core.util.Checks;
import io.finrec.nlp.categorize.features.Evidence;
import io.finrec.nlp.categorize.features.FeatureConfig;
import io.finrec.nlp.categorize.features.Recurrence;
import io.finrec.nlp.categorize.features.TransactionFeatures;
import io.finrec.nlp.categorize.knowledge.CueLexicon;
import io.finrec.nlp.categorize.knowledge.KnowledgeBase;
import io.finrec.nlp.categorize.knowledge.MccTable;
import io.finrec.nlp.categorize.knowledge.MerchantDirectory;
import io.finrec.nlp.categorize.text.DescriptionNormalizer;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import io.finrec.nlp.classify.SoftmaxClassifier;
import io.finrec.nlp.classify.SparseVector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

/**
 * FinRec's transaction categorizer: normalisation, an editable knowledge base (merchant directory, cue words, MCC
 * table), a softmax model over hashed features trained with DJL, temperature-calibrated probabilities, an
 * editable layer of exact override rules, a configurable taxonomy and an "uncategorised" answer below a
 * confidence threshold.
 *
 * <h2>How one transaction is categorized</h2>
 * <ol>
 *   <li>{@link DescriptionNormalizer} splits the description, strips statement-format prefixes and noise and
 *       finds the merchant;</li>
 *   <li>the {@link KnowledgeBase} looks the merchant up in the directory, finds cue words and maps the MCC;</li>
 *   <li>an {@link OverrideRules override rule} that matches answers at once (source "rule");</li>
 *   <li>otherwise the model weighs all of it, with the amount's direction and size and the recurrence found in a
 *       batch, into calibrated probabilities over its labels (source "model");</li>
 *   <li>the {@link Taxonomy} maps labels to the bank's categories (adding up merged labels), and a top probability
 *       below {@link #threshold()} gives {@link #UNCATEGORISED}.</li>
 * </ol>
 * {@link #categorizeAll} also detects recurrence (same customer, same merchant, regular gaps) within the batch;
 * {@link #categorize} sees one transaction and cannot.
 *
 * <p>Train with {@link CategorizerTrainer}; load the default model with {@link #builtin()}. Models are immutable
 * and thread-safe; the {@code with*} methods return changed copies without retraining. Persisted as model kind
 * {@value #KIND} in FinRec's {@link ModelFile} format.
 */
public final class CategorizerModel implements TransactionCategorizer {
    /** Model-file kind. */
    public static final String KIND = "finrec.transaction-categorizer";
    /** Payload layout version written by this class. */
    public static final int VERSION = 1;
    /** Resource path of the default model. */
    public static final String BUILTIN_RESOURCE = "/io/finrec/nlp/categorize/default-categorizer.frm";
    /** Default confidence threshold. */
    public static final double DEFAULT_THRESHOLD = 0.3;

    private static volatile CategorizerModel builtin;

    private final KnowledgeBase knowledge;
    private final SoftmaxClassifier classifier;
    private final FeatureSpace space;
    private final FeatureConfig featureConfig;
    private final double temperature;
    private final double threshold;
    private final OverrideRules overrides;
    private final Taxonomy taxonomy;
    private final Provenance provenance;
    private final Map<String, Double> metrics;
    private final DescriptionNormalizer normalizer = new DescriptionNormalizer();
    private final TransactionFeatures features;
    private final List<String> categories;

    CategorizerModel(KnowledgeBase knowledge, SoftmaxClassifier classifier, FeatureSpace space,
                     FeatureConfig featureConfig, double temperature, double threshold, OverrideRules overrides,
                     Taxonomy taxonomy, Provenance provenance, Map<String, Double> metrics) {
        this.knowledge = Checks.notNull(knowledge, "knowledge");
        this.classifier = Checks.notNull(classifier, "classifier");
        this.space = Checks.notNull(space, "space");
        this.featureConfig = Checks.notNull(featureConfig, "featureConfig");
        if (classifier.dimension() != space.size() || space.dimension() != featureConfig.dimension())
            throw new IllegalArgumentException("classifier: dimension " + classifier.dimension() + " over "
                    + space.size() + " used buckets of " + space.dimension() + " does not match the feature space "
                    + featureConfig.dimension());
        Checks.positive(temperature, "temperature");
        if (!(threshold >= 0 && threshold <= 1)) throw new IllegalArgumentException("threshold: must be in [0, 1], was " + threshold);
        this.temperature = temperature;
        this.threshold = threshold;
        this.overrides = Checks.notNull(overrides, "overrides");
        this.taxonomy = Checks.notNull(taxonomy, "taxonomy");
        this.provenance = Checks.notNull(provenance, "provenance");
        this.metrics = Map.copyOf(metrics);
        this.features = new TransactionFeatures(featureConfig);
        this.categories = taxonomy.categoriesOf(classifier.labels());
    }

    /**
     * The default model shipped with FinRec (trained on the built-in bank's data; see its {@link #provenance()}),
     * using the knowledge tables shipped in the same jar ({@link KnowledgeBase#builtin()}), so directory and cue
     * updates apply without retraining. Loaded once and shared.
     */
    public static CategorizerModel builtin() {
        CategorizerModel m = builtin;
        if (m == null) {
            synchronized (CategorizerModel.class) {
                if (builtin == null) builtin = loadResource(BUILTIN_RESOURCE).withKnowledge(KnowledgeBase.builtin());
                m = builtin;
            }
        }
        return m;
    }

    private static CategorizerModel loadResource(String resource) {
        try (InputStream in = CategorizerModel.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the classpath");
            Path tmp = Files.createTempFile("finrec-categorizer", ".frm");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                return load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the default categorizer " + resource, e);
        }
    }

    // ------------------------------------------------------------------ categorize

    @Override
    public CategoryPrediction categorize(CategorizationInput input) {
        Checks.notNull(input, "input");
        return predict(analyze(input, Recurrence.NONE));
    }

    @Override
    public List<CategoryPrediction> categorizeAll(List<CategorizationInput> inputs) {
        Checks.notNull(inputs, "inputs");
        List<Analysis> analyses = analyzeAll(inputs);
        List<CategoryPrediction> out = new ArrayList<>(analyses.size());
        for (Analysis a : analyses) out.add(predict(a));
        return out;
    }

    /**
     * Everything the model saw and concluded about one transaction (for explanations and debugging).
     *
     * @param text          the normalised description
     * @param evidence      knowledge findings and bank signals
     * @param rule          the override rule that decided, if any
     * @param probabilities calibrated probabilities over the model's labels (before the taxonomy)
     */
    public record Analysis(NormalizedDescription text, Evidence evidence, Optional<OverrideRules.Rule> rule,
                           double[] probabilities) {
        /** A copy of the probabilities (empty when a rule decided). */
        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }
    }

    /** Analyses one transaction without batch context. */
    public Analysis explain(CategorizationInput input) {
        Checks.notNull(input, "input");
        return analyze(input, Recurrence.NONE);
    }

    /** Analyses a batch, detecting recurrence within it. */
    public List<Analysis> analyzeAll(List<CategorizationInput> inputs) {
        List<NormalizedDescription> texts = new ArrayList<>(inputs.size());
        List<KnowledgeBase.Findings> findings = new ArrayList<>(inputs.size());
        List<RecurrenceDetector.Occurrence> occ = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            CategorizationInput in = inputs.get(i);
            if (in == null) throw new IllegalArgumentException("inputs: null at position " + i);
            NormalizedDescription d = normalizer.normalize(in.description());
            KnowledgeBase.Findings f = knowledge.lookup(d, in.mcc());
            texts.add(d);
            findings.add(f);
            occ.add(new RecurrenceDetector.Occurrence(in.customerId(), merchantKey(d, f), in.timestamp(), in.amount()));
        }
        Recurrence[] rec = RecurrenceDetector.detect(occ);
        List<Analysis> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            CategorizationInput in = inputs.get(i);
            out.add(analyze(texts.get(i), findings.get(i), in, rec[i]));
        }
        return out;
    }

    private Analysis analyze(CategorizationInput in, Recurrence recurrence) {
        NormalizedDescription d = normalizer.normalize(in.description());
        return analyze(d, knowledge.lookup(d, in.mcc()), in, recurrence);
    }

    private Analysis analyze(NormalizedDescription d, KnowledgeBase.Findings f, CategorizationInput in,
                             Recurrence recurrence) {
        Evidence e = new Evidence(d, f, in.mcc(), in.amount(), recurrence);
        Optional<OverrideRules.Rule> rule = overrides.size() == 0 ? Optional.empty()
                : overrides.match(d, f.merchant().filter(m -> !m.partial()).map(m -> m.entry().name()));
        double[] p = rule.isPresent() ? new double[0] : probabilities(features.extract(e));
        return new Analysis(d, e, rule, p);
    }

    /** Calibrated probabilities over the model's labels for a feature vector. */
    double[] probabilities(SparseVector x) {
        double[] p = classifier.probabilities(space.compact(x));
        if (temperature != 1.0) {
            double inv = 1.0 / temperature, sum = 0;
            for (int c = 0; c < p.length; c++) sum += p[c] = Math.pow(Math.max(p[c], 1e-300), inv);
            for (int c = 0; c < p.length; c++) p[c] /= sum;
        }
        return p;
    }

    static String merchantKey(NormalizedDescription d, KnowledgeBase.Findings f) {
        return f.merchant().filter(m -> !m.partial()).map(m -> m.entry().name()).orElse(d.merchantKey());
    }

    private CategoryPrediction predict(Analysis a) {
        String merchant = a.evidence().findings().merchant().filter(m -> !m.partial() || a.text().merchantName().isEmpty())
                .map(m -> m.entry().name()).orElse(a.text().merchantName());
        if (a.rule().isPresent()) {
            String cat = a.rule().get().category();
            return new CategoryPrediction(cat, 1.0, merchant, List.of(new CategoryScore(cat, 1.0)), "rule");
        }
        double[] p = a.probabilities;
        List<String> labels = classifier.labels();
        Map<String, Double> byCategory = new LinkedHashMap<>();
        for (int c = 0; c < p.length; c++) byCategory.merge(taxonomy.categoryOf(labels.get(c)), p[c], Double::sum);
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(byCategory.entrySet());
        ranked.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
        List<CategoryScore> top = new ArrayList<>(3);
        for (int i = 0; i < Math.min(3, ranked.size()); i++)
            top.add(new CategoryScore(ranked.get(i).getKey(), Math.min(1.0, Math.max(0.0, ranked.get(i).getValue()))));
        CategoryScore best = top.get(0);
        String category = best.probability() >= threshold ? best.category() : UNCATEGORISED;
        return new CategoryPrediction(category, best.probability(), merchant, top, "model");
    }

    // ------------------------------------------------------------------ accessors and copies

    @Override
    public List<String> categories() {
        return categories;
    }

    @Override
    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The labels the model was trained on (before the taxonomy). */
    public List<String> labels() {
        return classifier.labels();
    }

    /** The knowledge base. */
    public KnowledgeBase knowledge() {
        return knowledge;
    }

    /** The override rules. */
    public OverrideRules overrides() {
        return overrides;
    }

    /** Top probabilities below this give {@link #UNCATEGORISED}. */
    public double threshold() {
        return threshold;
    }

    /** The calibration temperature applied to the model's logits (fitted on held-out merchants). */
    public double temperature() {
        return temperature;
    }

    /** The feature configuration. */
    public FeatureConfig featureConfig() {
        return featureConfig;
    }

    /** Where the model came from (training data fingerprint, seed, held-out-merchant metrics...). */
    public Provenance provenance() {
        return provenance;
    }

    /** Metrics measured when the model was trained (e.g. "heldOutMerchantAccuracy"). */
    public Map<String, Double> metrics() {
        return metrics;
    }

    /** The softmax model underneath. */
    SoftmaxClassifier classifier() {
        return classifier;
    }

    /** The compacted feature space of the softmax model. */
    FeatureSpace space() {
        return space;
    }

    /** The feature extractor. */
    TransactionFeatures features() {
        return features;
    }

    /** Approximate heap use in bytes. */
    public long ramBytesUsed() {
        return classifier.ramBytesUsed() + 4L * (space.size() + space.dimension()) + knowledge.directory().ramBytesUsed() + 64L * knowledge.cues().cues().size()
                + 20_000;
    }

    /** A copy with another confidence threshold in [0, 1] (0 never answers uncategorised). */
    public CategorizerModel withThreshold(double newThreshold) {
        return new CategorizerModel(knowledge, classifier, space, featureConfig, temperature, newThreshold, overrides, taxonomy,
                provenance, metrics);
    }

    /** A copy answering in another taxonomy. */
    public CategorizerModel withTaxonomy(Taxonomy newTaxonomy) {
        return new CategorizerModel(knowledge, classifier, space, featureConfig, temperature, threshold, overrides, newTaxonomy,
                provenance, metrics);
    }

    /** A copy with other override rules. */
    public CategorizerModel withOverrides(OverrideRules rules) {
        return new CategorizerModel(knowledge, classifier, space, featureConfig, temperature, threshold, rules, taxonomy,
                provenance, metrics);
    }

    /**
     * A copy with an edited knowledge base (e.g. more directory entries or cue words), used at once without
     * retraining: the model weighs "the directory says groceries", not individual merchants, so new entries work
     * as soon as they are added. Categories the model was not trained on are ignored by the model.
     */
    public CategorizerModel withKnowledge(KnowledgeBase newKnowledge) {
        return new CategorizerModel(newKnowledge, classifier, space, featureConfig, temperature, threshold, overrides, taxonomy,
                provenance, metrics);
    }

    /**
     * Feeds corrections back without a rebuild: each correction becomes an exact merchant rule for its cleaned
     * merchant (the directory's canonical name, or the normalised merchant words), so every later description of
     * that merchant, in any statement format, gets the corrected category. Corrections whose description has no
     * recognisable merchant become phrase rules on the whole cleaned description. To teach the model itself,
     * retrain with the corrections added to the training data ({@link CategorizerTrainer#fit}).
     */
    public CategorizerModel withCorrections(List<CategorizationExample> corrections) {
        Checks.notNull(corrections, "corrections");
        List<OverrideRules.Rule> rules = new ArrayList<>();
        for (int i = 0; i < corrections.size(); i++) {
            CategorizationExample c = corrections.get(i);
            if (c == null) throw new IllegalArgumentException("corrections: null at position " + i);
            NormalizedDescription d = normalizer.normalize(c.input().description());
            KnowledgeBase.Findings f = knowledge.lookup(d, c.input().mcc());
            String key = merchantKey(d, f);
            if (!io.finrec.nlp.categorize.text.Words.squash(key).isEmpty())
                rules.add(new OverrideRules.Rule(OverrideRules.Kind.MERCHANT, key, c.category()));
            else if (!io.finrec.nlp.categorize.text.Words.squash(d.text()).isEmpty())
                rules.add(new OverrideRules.Rule(OverrideRules.Kind.PHRASE, d.text().replace("|", " "), c.category()));
        }
        return withOverrides(overrides.with(rules));
    }

    // ------------------------------------------------------------------ persistence

    /** Saves the model (knowledge, rules, taxonomy, weights, calibration) in FinRec's model-file format. */
    public void save(Path file) throws IOException {
        Checks.notNull(file, "file");
        ObjectMapper json = ModelFile.json();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("labels", classifier.labels());
        meta.put("features", featureConfig);
        meta.put("temperature", temperature);
        meta.put("threshold", threshold);
        meta.put("taxonomy", Map.of("map", taxonomy.mappings(), "parents", taxonomy.parents()));
        meta.put("metrics", metrics);
        meta.put("directoryEntries", knowledge.directory().entries().size());
        meta.put("cues", knowledge.cues().cues().size());
        meta.put("overrideRules", overrides.size());
        ModelHeader header = new ModelHeader(KIND, VERSION, json.valueToTree(meta), provenance);
        ModelFile.write(file, header, out -> {
            Payloads.writeStrings(out, List.of(knowledge.directory().toText(), knowledge.cues().toText(),
                    knowledge.mcc().toText(), overrides.toText()));
            Payloads.writeInts(out, space.used());
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try (DataOutputStream d = new DataOutputStream(new DeflaterOutputStream(raw, new Deflater(6)))) {
                classifier.writePayload(d);
            }
            byte[] packed = raw.toByteArray();
            out.writeInt(packed.length);
            out.write(packed);
        });
    }

    /** Loads a model saved by {@link #save}; fails with a {@link ModelFormatException} on damaged files. */
    public static CategorizerModel load(Path file) throws IOException {
        Checks.notNull(file, "file");
        try (ModelFile.Reader r = ModelFile.open(file, KIND, 1, VERSION)) {
            ObjectNode meta = r.header().metadata();
            DataInputStream in = r.payload();
            List<String> texts = Payloads.readStrings(in, 4, "knowledge");
            if (texts.size() != 4) throw r.invalid("expected 4 knowledge sections, found " + texts.size());
            int[] used = Payloads.readInts(in, 1 << 24, "feature buckets");
            int packedLength = in.readInt();
            if (packedLength < 0 || packedLength > r.payloadLength()) throw r.invalid("classifier length " + packedLength);
            byte[] packed = in.readNBytes(packedLength);
            if (packed.length != packedLength) throw r.invalid("classifier section is truncated");
            r.expectEnd();
            SoftmaxClassifier clf = SoftmaxClassifier.readPayload(new DataInputStream(
                    new ByteArrayInputStream(inflate(packed, r))), file);
            try {
                ObjectMapper json = ModelFile.json();
                FeatureConfig fc = json.treeToValue(meta.get("features"), FeatureConfig.class);
                KnowledgeBase kb = new KnowledgeBase(MerchantDirectory.parse(texts.get(0), file + " directory"),
                        CueLexicon.parse(texts.get(1), file + " cues"), MccTable.parse(texts.get(2), file + " mcc"));
                OverrideRules rules = OverrideRules.parse(texts.get(3), file + " rules");
                Taxonomy.Builder tb = Taxonomy.builder();
                JsonNode tax = meta.path("taxonomy");
                tax.path("map").fields().forEachRemaining(e -> tb.map(e.getKey(), e.getValue().asText()));
                tax.path("parents").fields().forEachRemaining(e -> tb.parent(e.getKey(), e.getValue().asText()));
                Map<String, Double> metrics = new LinkedHashMap<>();
                meta.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
                if (!clf.labels().equals(json.convertValue(meta.get("labels"), List.class)))
                    throw r.invalid("header labels do not match the classifier's labels");
                return new CategorizerModel(kb, clf, new FeatureSpace(used, fc.dimension()), fc,
                        meta.path("temperature").asDouble(),
                        meta.path("threshold").asDouble(), rules, tb.build(), r.header().provenance(), metrics);
            } catch (IllegalArgumentException | NullPointerException | com.fasterxml.jackson.core.JsonProcessingException e) {
                throw r.invalid("invalid model content: " + e.getMessage());
            }
        }
    }

    private static byte[] inflate(byte[] packed, ModelFile.Reader r) throws ModelFormatException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 4);
            byte[] buf = new byte[1 << 16];
            long limit = 1L << 30;
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) throw r.invalid("classifier section is truncated");
                out.write(buf, 0, n);
                if (out.size() > limit) throw r.invalid("classifier section inflates beyond 1 GiB");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw r.invalid("classifier section is corrupt: " + e.getMessage());
        } finally {
            inf.end();
        }
    }

    @Override
    public String toString() {
        return "CategorizerModel[labels=" + classifier.labels().size() + ", directory="
                + knowledge.directory().entries().size() + ", rules=" + overrides.size() + ", threshold=" + threshold
                + ", temperature=" + String.format("%.3f", temperature) + "]";
    }
}
