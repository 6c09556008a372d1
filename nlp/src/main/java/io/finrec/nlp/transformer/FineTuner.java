package io.finrec.nlp.transformer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.progress.ProgressTracker;
import io.finrec.api.random.Seeds;
import io.finrec.nlp.classify.ClassificationMetrics;
import io.finrec.nlp.classify.StratifiedSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fine-tunes the top layers of a pre-trained BERT encoder ({@link MiniLmBase}) plus a mean-pooled linear head for
 * text classification, with DJL on the PyTorch engine.
 *
 * <p>How: the embeddings and the lower {@code layers - trainableLayers} layers stay frozen, so their outputs are
 * computed once per text (eval mode) and cached; every epoch then runs only the trainable upper layers and the head
 * ({@link PooledClassifierBlock}) with dropout, on batches of similar length (dynamic padding) in a seeded order.
 * Loss: cross-entropy, optionally class-weighted (n / (k · count)); optimiser: DJL's AdamW with a linear warm-up and
 * linear decay. A seeded stratified validation split picks the epoch by macro-F1 (early stopping after
 * {@code patience} epochs without improvement); the best epoch's weights are returned.
 *
 * <p>Deterministic for a given seed, data and PyTorch thread count. Reports progress per batch and honours
 * cancellation between batches. Immutable and thread-safe (training itself uses PyTorch's threads).
 */
public final class FineTuner {
    private static final Logger LOG = LoggerFactory.getLogger(FineTuner.class);
    private static final String ENGINE = "PyTorch";
    private static final int CACHE_BATCH = 64;
    private static final int EVAL_BATCH = 64;
    /** Batches are formed within chunks of this many batches sorted by length. */
    private static final int BUCKET = 50;

    private final FineTuneConfig config;

    /** A fine-tuner with these settings. */
    public FineTuner(FineTuneConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The settings. */
    public FineTuneConfig config() {
        return config;
    }

    /**
     * What fine-tuning produced.
     *
     * @param weights      the trained tensors by HuggingFace name: layers {@code fromLayer..} and the head
     * @param fromLayer    first fine-tuned layer (layers below are the base model's)
     * @param classNames   class names by id
     * @param bestEpoch    1-based epoch whose weights were kept
     * @param epochsRun    epochs run
     * @param validation   validation metrics of the best epoch, or null without validation
     * @param trainingRows rows used for gradient steps
     * @param cacheSeconds time to run the frozen layers once over all rows
     * @param epochSeconds wall time of each epoch (training and validation)
     */
    public record Result(Map<String, float[]> weights, int fromLayer, List<String> classNames, int bestEpoch,
                         int epochsRun, ClassificationMetrics validation, int trainingRows, double cacheSeconds,
                         double[] epochSeconds) {}

    /**
     * Fine-tunes on labelled texts.
     *
     * @param base       the pre-trained encoder and tokenizer
     * @param texts      the texts
     * @param labels     class id of each text, in [0, classNames.size())
     * @param classNames class names (at least 2)
     * @param listener   progress and cancellation
     */
    public Result fit(MiniLmBase base, List<String> texts, int[] labels, List<String> classNames, ProgressListener listener) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(classNames, "classNames");
        Objects.requireNonNull(listener, "listener");
        int k = classNames.size();
        if (k < 2) throw new IllegalArgumentException("classNames: need at least 2 classes, got " + k);
        if (texts.isEmpty()) throw new IllegalArgumentException("texts: no training texts");
        if (texts.size() != labels.length)
            throw new IllegalArgumentException("labels: " + labels.length + " labels for " + texts.size() + " texts");
        for (int i = 0; i < labels.length; i++)
            if (labels[i] < 0 || labels[i] >= k) throw new IllegalArgumentException("labels: class id " + labels[i] + " at row " + i);
        BertConfig bc = base.config();
        if (config.trainableLayers() > bc.layers())
            throw new IllegalArgumentException("trainableLayers " + config.trainableLayers() + " > the encoder's " + bc.layers() + " layers");
        if (config.maxTokens() > bc.maxPositions())
            throw new IllegalArgumentException("maxTokens " + config.maxTokens() + " > the encoder's " + bc.maxPositions() + " positions");
        int from = bc.layers() - config.trainableLayers();
        int h = bc.hiddenSize();

        StratifiedSplit split = StratifiedSplit.of(labels, k, config.validationFraction(), config.seed());
        int[] trainIdx = split.train(), valIdx = split.validation();
        float[] classWeight = new float[k];
        int[] counts = new int[k];
        for (int i : trainIdx) counts[labels[i]]++;
        for (int c = 0; c < k; c++)
            classWeight[c] = !config.balanceClasses() ? 1f : counts[c] == 0 ? 0f : (float) trainIdx.length / (k * counts[c]);

        long[][] ids = base.tokenize(texts, config.maxTokens());
        int batchesPerEpoch = (trainIdx.length + config.batchSize() - 1) / config.batchSize();
        int cacheBatches = (texts.size() + CACHE_BATCH - 1) / CACHE_BATCH;
        int evalBatches = (valIdx.length + EVAL_BATCH - 1) / EVAL_BATCH;
        ProgressTracker progress = ProgressTracker.start("fine-tune transformer",
                cacheBatches + (long) config.epochs() * (batchesPerEpoch + evalBatches), "batch", listener);
        Engine engine = Engine.getEngine(ENGINE);
        engine.setRandomSeed((int) Seeds.derive(config.seed(), "fine-tune"));

        // 1. frozen part, once
        long t0 = System.nanoTime();
        float[][] cached = new float[texts.size()][];
        try (Model lower = Model.newInstance("frozen-lower", ENGINE)) {
            BertEncoderBlock block = new BertEncoderBlock(bc, true, 0, from, 0f, false);
            block.setWeights(base.weights().tensors());
            lower.setBlock(block);
            NDManager m = lower.getNDManager();
            block.initialize(m, DataType.FLOAT32, new Shape(1, 2), new Shape(1, 2), new Shape(1, 2));
            int[] order = byLength(EncoderInputs.range(0, texts.size()), ids);
            for (int b0 = 0; b0 < order.length; b0 += CACHE_BATCH) {
                progress.checkCancelled();
                int[] rows = Arrays.copyOfRange(order, b0, Math.min(order.length, b0 + CACHE_BATCH));
                try (NDManager sub = m.newSubManager()) {
                    NDList out = block.forward(new ParameterStore(sub, false),
                            EncoderInputs.of(sub, ids, rows, base.padId()), false);
                    float[] hs = out.get(0).toFloatArray();
                    int t = (int) out.get(0).getShape().get(1);
                    for (int i = 0; i < rows.length; i++) {
                        int len = ids[rows[i]].length;
                        cached[rows[i]] = Arrays.copyOfRange(hs, i * t * h, i * t * h + len * h);
                    }
                }
                progress.advance(1, Map.of("stage", 0.0));
            }
        }
        double cacheSeconds = (System.nanoTime() - t0) / 1e9;
        LOG.info("cached the frozen layers [0, {}) for {} texts in {} s", from, texts.size(), String.format("%.1f", cacheSeconds));

        // 2. trainable part
        long totalSteps = (long) config.epochs() * batchesPerEpoch;
        long warmup = Math.round(config.warmupFraction() * totalSteps);
        float peak = (float) config.learningRate();
        Tracker schedule = step -> {
            if (warmup > 0 && step <= warmup) return peak * step / warmup;
            return peak * Math.max(0f, (float) (totalSteps - step) / Math.max(1, totalSteps - warmup));
        };
        Map<String, float[]> best = null;
        ClassificationMetrics bestMetrics = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0, epochsRun = 0, sinceBest = 0;
        List<Double> epochSeconds = new ArrayList<>();
        try (Model upperModel = Model.newInstance("fine-tune", ENGINE)) {
            PooledClassifierBlock upper = new PooledClassifierBlock(
                    new BertEncoderBlock(bc, false, from, bc.layers(), (float) config.dropout(), true), k,
                    (float) config.dropout(), true);
            upper.encoder().setWeights(base.weights().tensors());
            upperModel.setBlock(upper);
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adamW().optLearningRateTracker(schedule)
                            .optWeightDecays((float) config.weightDecay()).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = upperModel.newTrainer(tc)) {
                trainer.initialize(new Shape(1, 2, h), new Shape(1, 2));
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    long e0 = System.nanoTime();
                    List<int[]> batches = batches(trainIdx, ids, Seeds.random(config.seed(), "shuffle", epoch));
                    double lossSum = 0;
                    int done = 0;
                    for (int[] rows : batches) {
                        progress.checkCancelled();
                        lossSum += step(trainer, cached, ids, rows, labels, classWeight, k, h);
                        done++;
                        progress.advance(1, Map.of("epoch", (double) epoch, "loss", lossSum / done));
                    }
                    epochsRun = epoch;
                    if (valIdx.length == 0) {
                        best = snapshot(upper);
                        bestEpoch = epoch;
                        epochSeconds.add((System.nanoTime() - e0) / 1e9);
                        continue;
                    }
                    int[] pred = predict(upper, trainer.getManager(), cached, ids, valIdx, h, progress);
                    int[] truth = new int[valIdx.length];
                    for (int i = 0; i < valIdx.length; i++) truth[i] = labels[valIdx[i]];
                    ClassificationMetrics metrics = ClassificationMetrics.of(classNames, truth, pred);
                    epochSeconds.add((System.nanoTime() - e0) / 1e9);
                    LOG.info("epoch {}: loss {} validation accuracy {} macro-F1 {} ({} s)", epoch,
                            String.format("%.4f", lossSum / Math.max(1, done)), String.format("%.4f", metrics.accuracy()),
                            String.format("%.4f", metrics.macroF1()), String.format("%.0f", epochSeconds.get(epochSeconds.size() - 1)));
                    if (metrics.macroF1() > bestScore + 1e-9) {
                        bestScore = metrics.macroF1();
                        bestMetrics = metrics;
                        best = snapshot(upper);
                        bestEpoch = epoch;
                        sinceBest = 0;
                    } else if (++sinceBest >= config.patience()) {
                        break;
                    }
                }
            }
        }
        return new Result(best, from, List.copyOf(classNames), bestEpoch, epochsRun, bestMetrics, trainIdx.length,
                cacheSeconds, epochSeconds.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Seeded batches: shuffle, then sort chunks of {@value #BUCKET} batches by length, then shuffle the batches. */
    private List<int[]> batches(int[] trainIdx, long[][] ids, SplittableRandom rnd) {
        int[] order = trainIdx.clone();
        StratifiedSplit.shuffle(order, rnd);
        int bs = config.batchSize();
        List<int[]> out = new ArrayList<>();
        for (int c0 = 0; c0 < order.length; c0 += bs * BUCKET) {
            int[] chunk = byLength(Arrays.copyOfRange(order, c0, Math.min(order.length, c0 + bs * BUCKET)), ids);
            for (int b0 = 0; b0 < chunk.length; b0 += bs) out.add(Arrays.copyOfRange(chunk, b0, Math.min(chunk.length, b0 + bs)));
        }
        int[] perm = EncoderInputs.range(0, out.size());
        StratifiedSplit.shuffle(perm, rnd);
        List<int[]> shuffled = new ArrayList<>(out.size());
        for (int p : perm) shuffled.add(out.get(p));
        return shuffled;
    }

    /** Rows sorted by token count (stable, so ties keep their order). */
    static int[] byLength(int[] rows, long[][] ids) {
        return Arrays.stream(rows).boxed().sorted(Comparator.comparingInt(r -> ids[r].length)).mapToInt(Integer::intValue).toArray();
    }

    /** Padded cached hidden states {@code [B,T,H]} and the mask {@code [B,T]} of some rows. */
    static NDList hiddenBatch(NDManager m, float[][] cached, long[][] ids, int[] rows, int h) {
        int t = 1;
        for (int r : rows) t = Math.max(t, ids[r].length);
        float[] x = new float[rows.length * t * h];
        float[] mask = new float[rows.length * t];
        for (int i = 0; i < rows.length; i++) {
            float[] c = cached[rows[i]];
            System.arraycopy(c, 0, x, i * t * h, c.length);
            Arrays.fill(mask, i * t, i * t + ids[rows[i]].length, 1f);
        }
        return new NDList(m.create(x, new Shape(rows.length, t, h)), m.create(mask, new Shape(rows.length, t)));
    }

    private static double step(Trainer trainer, float[][] cached, long[][] ids, int[] rows, int[] labels,
                               float[] classWeight, int k, int h) {
        float[] target = new float[rows.length * k];
        float wsum = 0;
        for (int i = 0; i < rows.length; i++) {
            int y = labels[rows[i]];
            target[i * k + y] = classWeight[y];
            wsum += classWeight[y];
        }
        if (wsum == 0) return 0;
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDList in = hiddenBatch(m, cached, ids, rows, h);
            NDArray tgt = m.create(target, new Shape(rows.length, k));
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(in).singletonOrThrow();
                NDArray loss = logits.logSoftmax(1).mul(tgt).sum().neg().div(wsum);
                gc.backward(loss);
                double l = loss.getFloat();
                trainer.step();
                return l;
            }
        }
    }

    private static int[] predict(PooledClassifierBlock block, NDManager parent, float[][] cached, long[][] ids, int[] rows,
                                 int h, ProgressTracker progress) {
        int[] order = byLength(rows, ids);
        Map<Integer, Integer> pos = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i++) pos.put(rows[i], i);
        int[] pred = new int[rows.length];
        for (int b0 = 0; b0 < order.length; b0 += EVAL_BATCH) {
            progress.checkCancelled();
            int[] batch = Arrays.copyOfRange(order, b0, Math.min(order.length, b0 + EVAL_BATCH));
            try (NDManager m = parent.newSubManager()) {
                NDArray logits = block.forward(new ParameterStore(m, false), hiddenBatch(m, cached, ids, batch, h), false)
                        .singletonOrThrow();
                float[] l = logits.toFloatArray();
                int k = (int) logits.getShape().get(1);
                for (int i = 0; i < batch.length; i++) {
                    int arg = 0;
                    for (int c = 1; c < k; c++) if (l[i * k + c] > l[i * k + arg]) arg = c;
                    pred[pos.get(batch[i])] = arg;
                }
            }
            progress.advance(1);
        }
        return pred;
    }

    private static Map<String, float[]> snapshot(PooledClassifierBlock block) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : block.namedParameters().entrySet())
            out.put(e.getKey(), e.getValue().getArray().toType(DataType.FLOAT32, false).toFloatArray());
        return out;
    }
}
