package io.finrec.nlp.categorize;

import io.finrec.api.categorize.CategorizationExample;
import io.finrec.api.model.Fingerprint;
import io.finrec.api.model.Provenance;
import io.finrec.api.progress.OperationCancelledException;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.random.Seeds;
import io.finrec.core.util.Checks;
import io.finrec.nlp.categorize.features.Evidence;
import io.finrec.nlp.categorize.features.Recurrence;
import io.finrec.nlp.categorize.features.TransactionFeatures;
import io.finrec.nlp.categorize.knowledge.KnowledgeBase;
import io.finrec.nlp.categorize.knowledge.MerchantDirectory;
import io.finrec.nlp.categorize.text.DescriptionNormalizer;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import io.finrec.nlp.classify.ClassificationMetrics;
import io.finrec.nlp.classify.ClassifierConfig;
import io.finrec.nlp.classify.SoftmaxClassifier;
import io.finrec.nlp.classify.SoftmaxTrainer;
import io.finrec.nlp.classify.SparseVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Trains a {@link CategorizerModel} from labelled transactions (the bank's own labels, any names).
 *
 * <ol>
 *   <li>Each example is normalised and looked up in the knowledge base; recurrence is detected across the
 *       examples that carry a customer and a timestamp.</li>
 *   <li>Examples are augmented ({@link CategorizerConfig#swapCopies()} etc.) so the model learns what carries
 *       over to merchants it has not seen: statement formats, cue words and the directory's verdict, rather than
 *       the names of the training merchants.</li>
 *   <li>With {@link CategorizerConfig#calibrationFolds()} of at least 2, examples are split into folds <em>by
 *       merchant</em>; a model trained on the other folds predicts each fold, whose merchants it never saw (and
 *       which are also removed from its directory, for the stricter measure). Those held-out predictions fit the
 *       probability temperature and are reported in the model's {@link CategorizerModel#metrics()}.</li>
 *   <li>The final model trains on everything with DJL's PyTorch engine ({@link SoftmaxTrainer}).</li>
 * </ol>
 * Deterministic for a given seed, data and PyTorch thread count. Long: reports progress and honours cancellation
 * through the {@link ProgressListener}. Immutable and thread-safe apart from the engine's own threads.
 */
public final class CategorizerTrainer {
    private final CategorizerConfig config;
    private final DescriptionNormalizer normalizer = new DescriptionNormalizer();
    private final TransactionFeatures features;
    private final Fitter fitter;

    /** Fits the softmax model on feature rows (the DJL trainer; replaceable in package-level experiments). */
    interface Fitter {
        SoftmaxClassifier fit(ClassifierConfig config, List<SparseVector> rows, int[] labels, List<String> names,
                              int dimension, ProgressListener listener);
    }

    /** A trainer with the given settings. */
    public CategorizerTrainer(CategorizerConfig config) {
        this(config, (cc, rows, y, names, dim, listener) ->
                new SoftmaxTrainer(cc).fit(rows, y, names, dim, listener).classifier());
    }

    CategorizerTrainer(CategorizerConfig config, Fitter fitter) {
        this.config = Checks.notNull(config, "config");
        this.features = new TransactionFeatures(config.features());
        this.fitter = Checks.notNull(fitter, "fitter");
    }

    /** The settings. */
    public CategorizerConfig config() {
        return config;
    }

    /**
     * Accuracy on merchants held out of training, from merchant-grouped cross-validation.
     *
     * @param withDirectory    metrics when the held-out merchants are unknown to training but known to the
     *                         directory (as a well-known brand new to the bank would be)
     * @param withoutDirectory metrics when they are unknown to both (a local or new business)
     * @param withIndependentKnowledge metrics when they are removed from the hand-curated directory but the generated
     *                         entries of an independent source ({@code MerchantDirectory.nameSuggestionIndex()}) stay:
     *                         how well knowledge nobody curated for these merchants carries
     * @param folds            number of folds
     * @param merchants        number of distinct merchants (groups)
     * @param temperature      the calibration temperature fitted on the held-out predictions
     * @param expectedCalibrationError expected calibration error of the tempered held-out probabilities (10 bins)
     */
    public record HoldoutResult(ClassificationMetrics withDirectory, ClassificationMetrics withoutDirectory,
                                ClassificationMetrics withIndependentKnowledge, int folds,
                                int merchants, double temperature, double expectedCalibrationError) {}

    /** Trains a model on the examples. */
    public CategorizerModel fit(List<CategorizationExample> examples, ProgressListener listener) {
        Checks.notNull(listener, "listener");
        List<String> labels = labelsOf(examples);
        List<Prepared> prepared = prepare(examples, labels);
        Map<String, Double> metrics = new LinkedHashMap<>();
        double temperature = 1.0;
        int groups = countGroups(prepared);
        if (config.calibrationFolds() >= 2 && groups >= config.calibrationFolds()) {
            HoldoutResult h = crossValidate(prepared, labels, config.calibrationFolds(), listener);
            temperature = h.temperature();
            metrics.put("heldOutMerchantAccuracy", h.withDirectory().accuracy());
            metrics.put("heldOutMerchantMacroF1", h.withDirectory().macroF1());
            metrics.put("heldOutMerchantAccuracyNoDirectory", h.withoutDirectory().accuracy());
            metrics.put("heldOutMerchantMacroF1NoDirectory", h.withoutDirectory().macroF1());
            metrics.put("heldOutMerchantAccuracyIndependentKnowledge", h.withIndependentKnowledge().accuracy());
            metrics.put("calibrationError", h.expectedCalibrationError());
        }
        checkCancelled(listener);
        Trained trained = train(prepared, config.knowledge(), labels, "final", listener);
        metrics.put("trainingExamples", (double) examples.size());
        Fingerprint fp = new Fingerprint();
        for (CategorizationExample e : examples) {
            fp.add(e.input().description()).add(e.category());
            fp.add(e.input().mcc().orElse(-1));
            fp.add(e.input().amount().map(Object::toString).orElse(""));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("trainer", "CategorizerTrainer (DJL PyTorch softmax over hashed features)");
        details.put("examples", Integer.toString(examples.size()));
        details.put("labels", String.join(",", labels));
        details.put("directoryEntries", Integer.toString(config.knowledge().directory().entries().size()));
        details.put("epochs", Integer.toString(config.epochs()));
        details.put("hiddenUnits", Integer.toString(config.hiddenUnits()));
        details.put("augmentation", "swap=" + config.swapCopies() + ",pseudo=" + config.pseudoCopies() + ",conflict="
                + config.conflictCopies() + ",truncated=" + config.truncatedCopies() + ",directoryDropout=" + config.directoryDropout());
        details.put("calibrationFolds", Integer.toString(config.calibrationFolds()));
        Provenance p = Provenance.now(config.seed(), 1, fp.hex(), details);
        return new CategorizerModel(config.knowledge(), trained.classifier(), trained.space(), config.features(),
                temperature, config.threshold(),
                OverrideRules.NONE, config.taxonomy(), p, metrics);
    }

    /**
     * Measures accuracy on held-out merchants: examples are grouped by merchant, groups split into {@code folds},
     * and each fold is predicted by a model trained on the others.
     */
    public HoldoutResult crossValidate(List<CategorizationExample> examples, int folds, ProgressListener listener) {
        Checks.notNull(listener, "listener");
        Checks.range(folds, 2, 50, "folds");
        List<String> labels = labelsOf(examples);
        List<Prepared> prepared = prepare(examples, labels);
        if (countGroups(prepared) < folds)
            throw new IllegalArgumentException("examples: only " + countGroups(prepared) + " distinct merchants for "
                    + folds + " folds");
        return crossValidate(prepared, labels, folds, listener);
    }

    // ------------------------------------------------------------------ internals

    /** One example, normalised. */
    private record Prepared(CategorizationExample example, NormalizedDescription text, Recurrence recurrence,
                            int label, String group) {}

    private static List<String> labelsOf(List<CategorizationExample> examples) {
        Checks.notNull(examples, "examples");
        if (examples.isEmpty()) throw new IllegalArgumentException("examples: no training examples");
        TreeSet<String> labels = new TreeSet<>();
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i) == null) throw new IllegalArgumentException("examples: null at position " + i);
            labels.add(examples.get(i).category());
        }
        if (labels.size() < 2)
            throw new IllegalArgumentException("examples: need at least 2 categories, found " + labels);
        return List.copyOf(labels);
    }

    private List<Prepared> prepare(List<CategorizationExample> examples, List<String> labels) {
        List<NormalizedDescription> texts = new ArrayList<>(examples.size());
        List<RecurrenceDetector.Occurrence> occ = new ArrayList<>(examples.size());
        List<String> groups = new ArrayList<>(examples.size());
        for (CategorizationExample e : examples) {
            NormalizedDescription d = normalizer.normalize(e.input().description());
            KnowledgeBase.Findings f = config.knowledge().lookup(d, e.input().mcc());
            String key = CategorizerModel.merchantKey(d, f);
            // merchant identity: the hand-curated name first (stable whatever generated entries are loaded)
            String group = MerchantDirectory.curated().match(d).filter(m -> !m.partial()).map(m -> m.entry().name())
                    .orElse(key);
            texts.add(d);
            groups.add(group.isEmpty() ? d.text() : group);
            occ.add(new RecurrenceDetector.Occurrence(e.input().customerId(), key, e.input().timestamp(),
                    e.input().amount()));
        }
        Recurrence[] rec = RecurrenceDetector.detect(occ);
        List<Prepared> out = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++)
            out.add(new Prepared(examples.get(i), texts.get(i), rec[i], labels.indexOf(examples.get(i).category()),
                    groups.get(i)));
        return out;
    }

    private static int countGroups(List<Prepared> prepared) {
        Set<String> g = new HashSet<>();
        for (Prepared p : prepared) g.add(p.group());
        return g.size();
    }

    private Evidence evidence(Prepared p, KnowledgeBase kb) {
        CategorizationExample e = p.example();
        return new Evidence(p.text(), kb.lookup(p.text(), e.input().mcc()), e.input().mcc(), e.input().amount(),
                p.recurrence());
    }

    /** A classifier over a compacted feature space. */
    record Trained(SoftmaxClassifier classifier, FeatureSpace space) {
        double[] probabilities(SparseVector hashed) {
            return classifier.probabilities(space.compact(hashed));
        }
    }

    private Trained train(List<Prepared> rows, KnowledgeBase kb, List<String> labels, String stage,
                          ProgressListener listener) {
        checkCancelled(listener);
        // the directory category that stands for each label (majority of its directory matches), for swaps
        Map<Integer, Map<String, Integer>> votes = new HashMap<>();
        List<Evidence> evidence = new ArrayList<>(rows.size());
        for (Prepared p : rows) {
            Evidence ev = evidence(p, kb);
            evidence.add(ev);
            ev.findings().merchant().filter(m -> !m.partial())
                    .ifPresent(m -> votes.computeIfAbsent(p.label(), k -> new HashMap<>()).merge(m.category(), 1, Integer::sum));
        }
        String[] standIn = new String[labels.size()];
        int[] labelCounts = new int[labels.size()];
        for (Prepared p : rows) labelCounts[p.label()]++;
        for (Map.Entry<Integer, Map<String, Integer>> v : votes.entrySet()) {
            Map.Entry<String, Integer> best = v.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            if (best.getValue() * 2 >= labelCounts[v.getKey()]) standIn[v.getKey()] = best.getKey();
        }
        Augmenter aug = new Augmenter(config, kb, normalizer, features, Seeds.random(config.seed(), "augment-" + stage));
        List<SparseVector> vectors = new ArrayList<>(rows.size() * 6);
        List<Integer> y = new ArrayList<>(rows.size() * 6);
        for (int i = 0; i < rows.size(); i++) {
            Prepared p = rows.get(i);
            aug.addRows(evidence.get(i), p.label(), standIn[p.label()], vectors, y);
            if ((i & 1023) == 0) checkCancelled(listener);
        }
        int[] yy = new int[y.size()];
        for (int i = 0; i < yy.length; i++) yy[i] = y.get(i);
        FeatureSpace space = FeatureSpace.of(vectors, config.features().dimension());
        for (int i = 0; i < vectors.size(); i++) vectors.set(i, space.compact(vectors.get(i)));
        ClassifierConfig cc = ClassifierConfig.builder().epochs(config.epochs()).batchSize(config.batchSize())
                .learningRate(config.learningRate()).weightDecay(config.weightDecay()).hiddenUnits(config.hiddenUnits())
                .balanceClasses(true).validationFraction(0).seed(Seeds.derive(config.seed(), "train-" + stage)).build();
        return new Trained(fitter.fit(cc, vectors, yy, labels, space.size(), listener), space);
    }

    private HoldoutResult crossValidate(List<Prepared> prepared, List<String> labels, int folds,
                                        ProgressListener listener) {
        int[] fold = assignFolds(prepared, folds);
        int n = prepared.size();
        double[][] pWith = new double[n][], pWithout = new double[n][], pIndependent = new double[n][];
        for (int f = 0; f < folds; f++) {
            checkCancelled(listener);
            List<Prepared> train = new ArrayList<>();
            List<NormalizedDescription> held = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) train.add(prepared.get(i));
                else held.add(prepared.get(i).text());
            }
            MerchantDirectory full = config.knowledge().directory();
            KnowledgeBase foldKb = config.knowledge().withDirectory(
                    CategorizationData.withoutKnowledgeOf(full, held, CategorizationData.DirectoryHoldout.ALL));
            KnowledgeBase independentKb = config.knowledge().withDirectory(
                    CategorizationData.withoutKnowledgeOf(full, held, CategorizationData.DirectoryHoldout.CURATED));
            Trained clf = train(train, foldKb, labels, "fold-" + f, listener);
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) continue;
                pWith[i] = clf.probabilities(features.extract(evidence(prepared.get(i), config.knowledge())));
                pWithout[i] = clf.probabilities(features.extract(evidence(prepared.get(i), foldKb)));
                pIndependent[i] = clf.probabilities(features.extract(evidence(prepared.get(i), independentKb)));
            }
        }
        int[] truth = new int[n], predWith = new int[n], predWithout = new int[n], predIndependent = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = prepared.get(i).label();
            predWith[i] = argmax(pWith[i]);
            predWithout[i] = argmax(pWithout[i]);
            predIndependent[i] = argmax(pIndependent[i]);
        }
        double[][] all = new double[2 * n][];
        int[] allTruth = new int[2 * n];
        for (int i = 0; i < n; i++) {
            all[i] = pWith[i];
            all[n + i] = pWithout[i];
            allTruth[i] = allTruth[n + i] = truth[i];
        }
        double t = Calibration.fitTemperature(all, allTruth);
        double ece = Calibration.expectedCalibrationError(all, allTruth, t, 10);
        return new HoldoutResult(ClassificationMetrics.of(labels, truth, predWith),
                ClassificationMetrics.of(labels, truth, predWithout), ClassificationMetrics.of(labels, truth, predIndependent),
                folds, countGroups(prepared), t, ece);
    }

    /** Assigns merchant groups to folds: largest groups first, each to the currently smallest fold (seeded ties). */
    private int[] assignFolds(List<Prepared> prepared, int folds) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < prepared.size(); i++) groups.computeIfAbsent(prepared.get(i).group(), k -> new ArrayList<>()).add(i);
        List<List<Integer>> list = new ArrayList<>(groups.values());
        SplittableRandom rnd = Seeds.random(config.seed(), "folds");
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            List<Integer> tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
        list.sort((a, b) -> Integer.compare(b.size(), a.size()));
        int[] size = new int[folds];
        int[] fold = new int[prepared.size()];
        for (List<Integer> g : list) {
            int best = 0;
            for (int f = 1; f < folds; f++) if (size[f] < size[best]) best = f;
            for (int i : g) fold[i] = best;
            size[best] += g.size();
        }
        return fold;
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        return best;
    }

    private static void checkCancelled(ProgressListener listener) {
        if (listener.isCancelled()) throw new OperationCancelledException("train transaction categorizer");
    }
}
