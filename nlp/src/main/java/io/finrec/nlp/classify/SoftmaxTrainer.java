package io.finrec.nlp.classify;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.progress.ProgressTracker;
import io.finrec.api.random.Seeds;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains a {@link SoftmaxClassifier} with DJL on the PyTorch engine: mini-batch Adam on the (optionally
 * class-weighted) cross-entropy, sparse first layer (only the features present in a batch are read), a seeded
 * stratified validation split and early stopping on validation macro-F1 (the best epoch's weights are kept).
 *
 * <p>Deterministic for a given seed, data and PyTorch thread count. Reports progress per batch and honours
 * cancellation between batches. Stateless apart from its configuration: immutable and thread-safe, though DJL
 * training itself uses the engine's threads.
 */
public final class SoftmaxTrainer {
    private static final String ENGINE = "PyTorch";
    private final ClassifierConfig config;

    /** A trainer with the given configuration. */
    public SoftmaxTrainer(ClassifierConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The configuration. */
    public ClassifierConfig config() {
        return config;
    }

    /**
     * What training produced.
     *
     * @param classifier         the weights of the best epoch
     * @param epochsRun          epochs actually run (early stopping may end sooner)
     * @param bestEpoch          1-based epoch whose weights were kept
     * @param validation         metrics on the held-out rows at the best epoch, or null without validation
     * @param trainingRows       rows used for gradient steps
     * @param seconds            wall time
     */
    public record Result(SoftmaxClassifier classifier, int epochsRun, int bestEpoch, ClassificationMetrics validation,
                         int trainingRows, double seconds) {}

    /**
     * Trains on labelled rows.
     *
     * @param rows       feature vectors, all with indices below {@code dimension}
     * @param labels     class id of each row, in [0, classNames.size())
     * @param classNames class names by id (at least 2)
     * @param dimension  number of features
     * @param listener   progress and cancellation ({@link ProgressListener#NONE} for none)
     */
    public Result fit(List<SparseVector> rows, int[] labels, List<String> classNames, int dimension,
                      ProgressListener listener) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(classNames, "classNames");
        Objects.requireNonNull(listener, "listener");
        int k = classNames.size();
        if (k < 2) throw new IllegalArgumentException("classNames: need at least 2 classes, got " + k);
        if (rows.isEmpty()) throw new IllegalArgumentException("rows: no training rows");
        if (rows.size() != labels.length)
            throw new IllegalArgumentException("labels: " + labels.length + " labels for " + rows.size() + " rows");
        if (dimension < 1 || dimension > SoftmaxClassifier.MAX_DIM)
            throw new IllegalArgumentException("dimension: must be in [1, " + SoftmaxClassifier.MAX_DIM + "], was " + dimension);
        int[] counts = new int[k];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) throw new IllegalArgumentException("labels: class id " + labels[i] + " at row " + i);
            if (rows.get(i) == null) throw new IllegalArgumentException("rows: null at row " + i);
            if (rows.get(i).span() > dimension)
                throw new IllegalArgumentException("rows: feature index " + (rows.get(i).span() - 1) + " >= dimension "
                        + dimension + " at row " + i);
            counts[labels[i]]++;
        }
        long t0 = System.nanoTime();
        // stratified validation split
        StratifiedSplit split = StratifiedSplit.of(labels, k, config.validationFraction(), config.seed());
        int[] trainIdx = split.train();
        int[] valIdx = split.validation().length == 0 ? null : split.validation();
        float[] classWeight = new float[k];
        int[] trainCounts = new int[k];
        for (int i : trainIdx) trainCounts[labels[i]]++;
        for (int c = 0; c < k; c++) {
            classWeight[c] = !config.balanceClasses() ? 1f
                    : trainCounts[c] == 0 ? 0f : (float) trainIdx.length / (k * trainCounts[c]);
        }

        int batch = config.batchSize();
        int batchesPerEpoch = (trainIdx.length + batch - 1) / batch;
        ProgressTracker progress = ProgressTracker.start("train softmax classifier", (long) config.epochs() * batchesPerEpoch,
                "batch", listener);
        Engine engine = Engine.getEngine(ENGINE);
        engine.setRandomSeed((int) Seeds.derive(config.seed(), "init"));
        int hidden = config.hiddenUnits();
        SoftmaxClassifier best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        ClassificationMetrics bestMetrics = null;
        int bestEpoch = 0, epochsRun = 0, sinceBest = 0;
        try (Model model = Model.newInstance("softmax-classifier", ENGINE)) {
            SparseLinearBlock first = new SparseLinearBlock(dimension, hidden == 0 ? k : hidden);
            SequentialBlock net = new SequentialBlock().add(first);
            Linear second = null;
            if (hidden > 0) {
                net.add(Activation.reluBlock());
                if (config.dropout() > 0) net.add(Dropout.builder().optRate((float) config.dropout()).build());
                second = Linear.builder().setUnits(k).build();
                net.add(second);
            }
            model.setBlock(net);
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                            .optWeightDecays((float) config.weightDecay()).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(tc)) {
                trainer.initialize(new Shape(1), new Shape(1, 1));
                int[] marker = new int[dimension];
                Arrays.fill(marker, -1);
                int[] order = trainIdx.clone();
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    StratifiedSplit.shuffle(order, Seeds.random(config.seed(), "shuffle", epoch));
                    double lossSum = 0;
                    for (int b0 = 0; b0 < order.length; b0 += batch) {
                        progress.checkCancelled();
                        int b1 = Math.min(order.length, b0 + batch);
                        lossSum += step(trainer, rows, labels, order, b0, b1, k, classWeight, marker);
                        progress.advance(1, Map.of("epoch", (double) epoch, "loss", lossSum / ((b0 / batch) + 1)));
                    }
                    epochsRun = epoch;
                    SoftmaxClassifier current = extract(first, second, classNames, dimension, hidden);
                    if (valIdx == null) {
                        best = current;
                        bestEpoch = epoch;
                        continue;
                    }
                    ClassificationMetrics m = evaluate(current, rows, labels, valIdx, classNames);
                    if (m.macroF1() > bestScore + 1e-9) {
                        bestScore = m.macroF1();
                        best = current;
                        bestMetrics = m;
                        bestEpoch = epoch;
                        sinceBest = 0;
                    } else if (++sinceBest >= config.patience()) {
                        break;
                    }
                }
            }
        }
        return new Result(best, epochsRun, bestEpoch, bestMetrics, trainIdx.length, (System.nanoTime() - t0) / 1e9);
    }

    /** One gradient step on rows {@code order[b0, b1)}; returns the batch loss. */
    private static double step(Trainer trainer, List<SparseVector> rows, int[] labels, int[] order, int b0, int b1,
                               int k, float[] classWeight, int[] marker) {
        int b = b1 - b0;
        // distinct features of the batch
        int[] cols = new int[64];
        int u = 0;
        for (int r = b0; r < b1; r++) {
            for (int f : rows.get(order[r]).indices()) {
                if (marker[f] < 0) {
                    if (u == cols.length) cols = Arrays.copyOf(cols, u * 2);
                    marker[f] = u;
                    cols[u++] = f;
                }
            }
        }
        if (u == 0) {
            cols[0] = 0;
            marker[0] = 0;
            u = 1;
        }
        float[] values = new float[b * u];
        float[] target = new float[b * k];
        float wsum = 0;
        for (int r = 0; r < b; r++) {
            SparseVector x = rows.get(order[b0 + r]);
            int[] idx = x.indices();
            float[] val = x.values();
            for (int n = 0; n < idx.length; n++) values[r * u + marker[idx[n]]] = val[n];
            int y = labels[order[b0 + r]];
            target[r * k + y] = classWeight[y];
            wsum += classWeight[y];
        }
        long[] colIds = new long[u];
        for (int c = 0; c < u; c++) {
            colIds[c] = cols[c];
            marker[cols[c]] = -1;
        }
        if (wsum == 0) return 0;
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray idxArr = m.create(colIds, new Shape(u));
            NDArray valArr = m.create(values, new Shape(b, u));
            NDArray tgt = m.create(target, new Shape(b, k));
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(idxArr, valArr)).singletonOrThrow();
                NDArray loss = logits.logSoftmax(1).mul(tgt).sum().neg().div(wsum);
                gc.backward(loss);
                double l = loss.getFloat();
                trainer.step();
                return l;
            }
        }
    }

    private static SoftmaxClassifier extract(SparseLinearBlock first, Linear second, List<String> classNames,
                                             int dimension, int hidden) {
        float[] w1 = first.weight().getArray().toType(DataType.FLOAT32, false).toFloatArray();
        float[] b1 = first.bias().getArray().toFloatArray();
        if (second == null) return new SoftmaxClassifier(classNames, dimension, 0, w1, b1, new float[0], new float[0]);
        int k = classNames.size();
        Parameter w = second.getParameters().get("weight");
        Parameter bias = second.getParameters().get("bias");
        float[] w2kh = w.getArray().toFloatArray(); // [k][hidden]
        float[] w2 = new float[hidden * k];
        for (int c = 0; c < k; c++) for (int j = 0; j < hidden; j++) w2[j * k + c] = w2kh[c * hidden + j];
        return new SoftmaxClassifier(classNames, dimension, hidden, w1, b1, w2, bias.getArray().toFloatArray());
    }

    private static ClassificationMetrics evaluate(SoftmaxClassifier c, List<SparseVector> rows, int[] labels, int[] idx,
                                                  List<String> names) {
        int[] truth = new int[idx.length], pred = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            truth[i] = labels[idx[i]];
            pred[i] = c.predict(rows.get(idx[i]));
        }
        return ClassificationMetrics.of(names, truth, pred);
    }
}
