package io.finrec.nlp.transformer;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Inference with a fine-tuned encoder classifier on DJL's PyTorch engine: the base encoder's weights for the
 * embeddings and the frozen lower layers, the fine-tuned weights for the upper layers and the head, all in one
 * {@link PooledClassifierBlock}. {@link #probabilities} tokenises, sorts texts by length and runs batches of up to
 * {@code batchSize} texts of similar length ({@code lengthBatches}) with dynamic padding, then applies the softmax.
 *
 * <p>Thread-safe: any number of threads may call {@link #probabilities} at once (each call works in its own
 * NDManager over the shared, read-only parameters; PyTorch runs concurrent forward passes safely). Several owners
 * may share one instance: each {@link #retain()} needs one more {@link #close()}; the last close frees the native
 * weights after running calls finish, and later calls fail.
 */
public final class TransformerClassifier implements AutoCloseable {
    private static final String ENGINE = "PyTorch";

    private final MiniLmBase base;
    private final int classes, maxTokens, batchSize;
    private final Model model;
    private final PooledClassifierBlock block;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private int owners = 1;

    /**
     * @param base      the pre-trained encoder and tokenizer
     * @param tuned     fine-tuned tensors (layers {@code fromLayer..} and the head) by HuggingFace name
     * @param classes   number of classes
     * @param maxTokens word pieces kept per text
     * @param batchSize texts per forward pass
     */
    public TransformerClassifier(MiniLmBase base, Map<String, float[]> tuned, int classes, int maxTokens, int batchSize) {
        this.base = Objects.requireNonNull(base, "base");
        Objects.requireNonNull(tuned, "tuned");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        if (maxTokens < 2 || maxTokens > base.config().maxPositions())
            throw new IllegalArgumentException("maxTokens must be in [2, " + base.config().maxPositions() + "], was " + maxTokens);
        this.classes = classes;
        this.maxTokens = maxTokens;
        this.batchSize = batchSize;
        Map<String, float[]> all = new HashMap<>(base.weights().tensors());
        all.putAll(tuned);
        this.block = new PooledClassifierBlock(new BertEncoderBlock(base.config(), true, 0, base.config().layers(), 0f, false),
                classes, 0f, false);
        block.setWeights(all);
        this.model = Model.newInstance("transformer-classifier", ENGINE);
        try {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 2), new Shape(1, 2), new Shape(1, 2));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /** Word pieces kept per text. */
    public int maxTokens() {
        return maxTokens;
    }

    /** Class probabilities of each text ({@code [texts][classes]}). */
    public double[][] probabilities(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        double[][] out = new double[texts.size()][];
        if (texts.isEmpty()) return out;
        lifecycle.readLock().lock();
        try {
            if (closed) throw new IllegalStateException("the classifier is closed");
            long[][] ids = base.tokenize(texts, maxTokens);
            int[] order = FineTuner.byLength(EncoderInputs.range(0, texts.size()), ids);
            try (NDManager m = model.getNDManager().newSubManager()) {
                for (int[] rows : lengthBatches(order, ids, batchSize)) {
                    try (NDManager sub = m.newSubManager()) {
                        NDArray logits = block.forward(new ParameterStore(sub, false),
                                EncoderInputs.of(sub, ids, rows, base.padId()), false).singletonOrThrow();
                        float[] l = logits.toFloatArray();
                        for (int i = 0; i < rows.length; i++) out[rows[i]] = softmax(l, i * classes, classes);
                    }
                }
            }
            return out;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Splits length-sorted rows into forward-pass batches: at most {@code batchSize} rows, and no row more than
     * {@code max(4, shortest / 4)} word pieces longer than the batch's shortest. Every row is padded to the batch's
     * longest, and the forward pass is compute-bound, so mixed lengths in one batch waste work: 32 benchmark texts
     * of 8-62 word pieces in one batch scored ~2x slower than the same texts grouped by length.
     */
    static List<int[]> lengthBatches(int[] sorted, long[][] ids, int batchSize) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            int first = ids[sorted[start]].length;
            if (i == sorted.length || i - start == batchSize || ids[sorted[i]].length > first + Math.max(4, first / 4)) {
                out.add(Arrays.copyOfRange(sorted, start, i));
                start = i;
            }
        }
        return out;
    }

    static double[] softmax(float[] logits, int off, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) max = Math.max(max, logits[off + c]);
        double[] p = new double[k];
        double sum = 0;
        for (int c = 0; c < k; c++) sum += p[c] = Math.exp(logits[off + c] - max);
        for (int c = 0; c < k; c++) p[c] /= sum;
        return p;
    }

    /** Registers one more owner (who must call {@link #close()} once); returns this. */
    public TransformerClassifier retain() {
        lifecycle.writeLock().lock();
        try {
            if (closed) throw new IllegalStateException("the classifier is closed");
            owners++;
            return this;
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** Releases one owner's hold; the last one frees the native weights. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed && --owners == 0) {
                closed = true;
                model.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
