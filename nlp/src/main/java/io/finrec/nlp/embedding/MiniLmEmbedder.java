package io.finrec.nlp.embedding;

import ai.djl.ModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.finrec.api.embedding.TextEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions, unit length) on DJL's ONNX Runtime engine, tokenised with
 * DJL's HuggingFace tokenizer. Fully offline: the model and {@code tokenizer.json} come from the langchain4j MiniLM
 * jar's resources, copied once to disk (see {@link MiniLmConfig#modelDir()}), never from a model hub.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * TextEmbedder embedder = MiniLmEmbedder.shared();          // one model per JVM, loaded on first use
 * float[] v = embedder.embed("I want to save for college");  // unit vector: dot product = cosine
 * List<float[]> vs = embedder.embedAll(texts);               // batched, sorted by length internally
 * }</pre>
 * Several features of one application should share {@link #shared()} (the model holds ~90 MB of weights and takes
 * ~0.5 s to load); {@link #create(MiniLmConfig)} builds a private instance with other settings, which the caller
 * must {@link #close()}.
 *
 * <h2>What it computes</h2>
 * Word pieces with {@code [CLS]}/{@code [SEP]}, the model's last hidden state, the mean over the attention mask
 * (padding excluded), then L2 normalisation, in plain Java; with the default configuration identical (cosine ≥ 0.9999,
 * measured 1 − 1.5e-14) to langchain4j's {@code AllMiniLmL6V2EmbeddingModel}, long texts included. Texts longer than the window follow
 * {@link MiniLmConfig#longTextPolicy()}. {@link #embedAll} removes duplicates, serves what the optional cache holds,
 * sorts the remaining windows by length and pads each batch only to its longest row (dynamic padding), so short texts
 * never pay for long ones. The empty text is embedded as {@code [CLS] [SEP]}.
 *
 * <h2>Engine notes</h2>
 * The engine is named explicitly ("OnnxRuntime"). Unless the system property {@code ai.djl.onnx.disable_alternative}
 * is already set, the first instance sets it to {@code true}, so DJL does not load PyTorch as ONNX Runtime's helper
 * engine (we pool in Java and need no NDArray maths). ONNX Runtime has one environment per JVM and DJL must create
 * it: if the application also uses ONNX Runtime directly (langchain4j does), create the embedder first.
 *
 * <h2>Threads</h2>
 * Thread-safe: any number of threads may call {@link #embed} and {@link #embedAll} concurrently; up to
 * {@link MiniLmConfig#predictors()} model calls run at once (a pool of DJL predictors over one shared ONNX Runtime
 * session), the others wait for a free predictor. An {@code embedAll} with several batches runs them in parallel on the
 * pool (daemon threads named {@code finrec-minilm-N}). {@link #close()} waits for running calls to finish.
 */
public final class MiniLmEmbedder implements TextEmbedder {
    private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);
    private static final String ENGINE = "OnnxRuntime";
    private static final String DISABLE_ALTERNATIVE = "ai.djl.onnx.disable_alternative";
    private static final Object SHARED_LOCK = new Object();
    /** Cache capacity of the {@link #shared()} instance. */
    public static final int SHARED_CACHE_SIZE = 4096;
    private static volatile MiniLmEmbedder shared;

    private final MiniLmConfig config;
    private final boolean isShared;
    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<NDList, NDList> model;
    private final List<Predictor<NDList, NDList>> predictors;
    private final BlockingQueue<Predictor<NDList, NDList>> pool;
    private final VectorCache cache;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final long clsId;
    private final long sepId;
    private final int dimension;
    private final String modelId;
    private volatile boolean closed;
    private volatile ExecutorService workers;

    private MiniLmEmbedder(MiniLmConfig config, boolean isShared) throws IOException {
        this.config = config;
        this.isShared = isShared;
        long t0 = System.nanoTime();
        // Without this, DJL's ONNX Runtime engine loads PyTorch (when on the classpath) as its "alternative engine"
        // for NDArray maths we never use: ~0.4-2 s and hundreds of MB. An explicit setting by the user wins.
        if (System.getProperty(DISABLE_ALTERNATIVE) == null) System.setProperty(DISABLE_ALTERNATIVE, "true");
        Path dir = MiniLmFiles.resolve(config.modelDir());
        HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(dir.resolve(MiniLmFiles.TOKENIZER),
                Map.of("addSpecialTokens", "true", "padding", "false", "truncation", "false"));
        ZooModel<NDList, NDList> m = null;
        List<Predictor<NDList, NDList>> ps = new ArrayList<>();
        try {
            Criteria.Builder<NDList, NDList> cb = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(dir)
                    .optModelName(MiniLmFiles.MODEL.substring(0, MiniLmFiles.MODEL.length() - ".onnx".length()))
                    .optEngine(ENGINE)
                    .optTranslator(new NoopTranslator());
            if (config.intraOpThreads() > 0) {
                cb.optOption("intraOpNumThreads", Integer.toString(config.intraOpThreads()));
                cb.optOption("interOpNumThreads", "1");
            }
            m = cb.build().loadModel();
            for (int i = 0; i < config.predictors(); i++) ps.add(m.newPredictor());
        } catch (ModelException e) {
            release(ps, m, tok);
            throw new IOException(dir.resolve(MiniLmFiles.MODEL) + ": cannot load the ONNX model: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(ps, m, tok);
            throw e;
        } catch (LinkageError e) {
            // DJL's engine creates ONNX Runtime's JVM-wide environment with threading options, which ONNX Runtime
            // refuses once another library (e.g. langchain4j) has created the environment without them.
            release(ps, m, tok);
            throw new IllegalStateException("DJL's OnnxRuntime engine failed to start. If another library in this JVM "
                    + "(e.g. langchain4j) used ONNX Runtime first, create the MiniLmEmbedder before it: " + e, e);
        }
        this.tokenizer = tok;
        this.model = m;
        this.predictors = List.copyOf(ps);
        this.pool = new ArrayBlockingQueue<>(ps.size(), false, ps);
        this.cache = config.cacheSize() > 0 ? new VectorCache(config.cacheSize()) : null;
        Encoding empty = tok.encode("", true, false);
        long[] ids = empty.getIds();
        if (ids.length != 2) throw new IOException(dir + ": tokenizer does not add [CLS] and [SEP] to the empty text");
        this.clsId = ids[0];
        this.sepId = ids[1];
        this.dimension = probeDimension();
        this.modelId = "all-minilm-l6-v2/mean/"
                + (config.longTextPolicy() == LongTextPolicy.TRUNCATE ? "truncate-" : "window-") + config.maxTokens();
        LOG.debug("loaded {} from {} in {} ms ({} predictors)", modelId, dir, (System.nanoTime() - t0) / 1_000_000,
                predictors.size());
    }

    /**
     * The JVM-wide instance with {@link MiniLmConfig#defaults()} and a {@value #SHARED_CACHE_SIZE}-entry cache,
     * loaded on first call. Its {@link #close()} does nothing: it lives as long as the JVM.
     *
     * @throws UncheckedIOException if the model files cannot be found or loaded
     */
    public static MiniLmEmbedder shared() {
        MiniLmEmbedder s = shared;
        if (s != null) return s;
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                try {
                    shared = new MiniLmEmbedder(MiniLmConfig.builder().cacheSize(SHARED_CACHE_SIZE).build(), true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return shared;
        }
    }

    /**
     * A private instance with these settings; close it when done.
     *
     * @throws IOException if the model files cannot be found, copied or loaded (the message names the file)
     */
    public static MiniLmEmbedder create(MiniLmConfig config) throws IOException {
        return new MiniLmEmbedder(Objects.requireNonNull(config, "config"), false);
    }

    /**
     * FinRec's cache directory, where the model files are copied and derived data (such as the chat knowledge base's
     * vectors) may be kept: {@code -Dfinrec.cache.dir}, else {@code $FINREC_CACHE_DIR}, else {@code ~/.finrec/cache}.
     */
    public static Path cacheDirectory() {
        return MiniLmFiles.cacheRoot();
    }

    /** The settings. */
    public MiniLmConfig config() {
        return config;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    /** Number of word pieces of a text, {@code [CLS]} and {@code [SEP]} included, before any truncation. */
    public int countTokens(String text) {
        checkText(text, "text");
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return tokenizer.encode(text, true, false).getIds().length;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public float[] embed(String text) {
        checkText(text, "text");
        return embedChecked(Collections.singletonList(text)).get(0);
    }

    /**
     * Embeds texts in order. Duplicates are embedded once; with a cache, cached texts are not embedded again.
     *
     * @throws NullPointerException     if the list or one of its texts is null (the message names the position)
     * @throws IllegalArgumentException if a text holds an unpaired UTF-16 surrogate (names position and char)
     */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        for (int i = 0; i < texts.size(); i++) checkText(texts.get(i), "texts[" + i + "]");
        return embedChecked(texts);
    }

    /** Entries in the cache (0 without one). */
    public int cachedCount() {
        return cache == null ? 0 : cache.size();
    }

    private List<float[]> embedChecked(List<String> texts) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            int n = texts.size();
            float[][] out = new float[n][];
            Map<String, Integer> uniqueIndex = new HashMap<>();
            List<String> unique = new ArrayList<>();
            int[] slot = new int[n];
            for (int i = 0; i < n; i++) {
                String t = texts.get(i);
                if (cache != null && (out[i] = cache.get(t)) != null) {
                    slot[i] = -1;
                    continue;
                }
                Integer u = uniqueIndex.get(t);
                if (u == null) {
                    u = unique.size();
                    uniqueIndex.put(t, u);
                    unique.add(t);
                }
                slot[i] = u;
            }
            if (!unique.isEmpty()) {
                float[][] computed = compute(unique);
                if (cache != null) for (int u = 0; u < unique.size(); u++) cache.put(unique.get(u), computed[u]);
                boolean[] used = new boolean[computed.length];
                for (int i = 0; i < n; i++) {
                    if (slot[i] < 0) continue;
                    int u = slot[i];
                    out[i] = used[u] ? computed[u].clone() : computed[u];
                    used[u] = true;
                }
            }
            return Arrays.asList(out);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** One model input row: a window of one text, with its [CLS]/[SEP], and its weight in the text's average. */
    private record Window(int text, long[] ids, int weight) {}

    private float[][] compute(List<String> texts) {
        Encoding[] enc = tokenizer.batchEncode(texts.toArray(new String[0]), true, false);
        List<Window> windows = new ArrayList<>(texts.size());
        int content = config.maxTokens() - 2;
        for (int t = 0; t < enc.length; t++) {
            long[] ids = enc[t].getIds();
            int n = ids.length; // ids[0] = [CLS], ids[n-1] = [SEP]
            if (n <= 2) {
                windows.add(new Window(t, new long[] {clsId, sepId}, 1));
            } else if (config.longTextPolicy() == LongTextPolicy.TRUNCATE || n - 2 <= content) {
                int to = Math.min(n - 1, 1 + content);
                windows.add(new Window(t, wrap(ids, 1, to), to - 1));
            } else {
                String[] tokens = enc[t].getTokens();
                int from = 1;
                while (from < n - 1) {
                    int to = from + content;
                    if (to >= n - 1) {
                        to = n - 1;
                    } else {
                        while (to > from && tokens[to].startsWith("##")) to--;
                        if (to == from) to = from + content; // one "word" longer than a window: split it
                    }
                    windows.add(new Window(t, wrap(ids, from, to), to - from));
                    from = to;
                }
            }
        }
        windows.sort((a, b) -> Integer.compare(a.ids.length, b.ids.length));
        List<List<Window>> batches = new ArrayList<>();
        int start = 0;
        while (start < windows.size()) {
            int end = start + 1;
            while (end < windows.size() && end - start < config.batchSize()
                    && (long) (end - start + 1) * windows.get(end).ids.length <= config.maxBatchTokens()) end++;
            batches.add(windows.subList(start, end));
            start = end;
        }
        double[][][] pooled = new double[batches.size()][][];
        if (batches.size() == 1 || predictors.size() == 1) {
            for (int b = 0; b < batches.size(); b++) pooled[b] = runBatch(batches.get(b));
        } else {
            // spread the batches over the predictor pool (one core per model call by default)
            List<Future<double[][]>> futures = new ArrayList<>(batches.size());
            for (List<Window> batch : batches) futures.add(workers().submit(() -> runBatch(batch)));
            for (int b = 0; b < futures.size(); b++) pooled[b] = await(futures.get(b));
        }
        double[][] acc = new double[texts.size()][dimension];
        for (int b = 0; b < batches.size(); b++) {
            for (int r = 0; r < batches.get(b).size(); r++) {
                Window w = batches.get(b).get(r);
                double[] a = acc[w.text], mean = pooled[b][r];
                double scale = w.weight;
                for (int d = 0; d < dimension; d++) a[d] += mean[d] * scale;
            }
        }
        float[][] out = new float[texts.size()][];
        for (int t = 0; t < out.length; t++) out[t] = normalize(acc[t]);
        return out;
    }

    private static void release(List<Predictor<NDList, NDList>> ps, ZooModel<NDList, NDList> m,
                                HuggingFaceTokenizer tok) {
        for (Predictor<NDList, NDList> p : ps) p.close();
        if (m != null) m.close();
        tok.close();
    }

    private long[] wrap(long[] ids, int from, int to) {
        long[] w = new long[to - from + 2];
        w[0] = clsId;
        System.arraycopy(ids, from, w, 1, to - from);
        w[w.length - 1] = sepId;
        return w;
    }

    /** Runs one padded batch; returns each row's mean-pooled (not yet normalised) vector. */
    private double[][] runBatch(List<Window> batch) {
        int rows = batch.size();
        int len = 0;
        for (Window w : batch) len = Math.max(len, w.ids.length);
        long[] ids = new long[rows * len];
        long[] mask = new long[rows * len];
        for (int r = 0; r < rows; r++) {
            long[] w = batch.get(r).ids;
            System.arraycopy(w, 0, ids, r * len, w.length);
            Arrays.fill(mask, r * len, r * len + w.length, 1L);
        }
        float[] hidden = infer(ids, mask, rows, len);
        int dim = hidden.length / (rows * len);
        if (dim * rows * len != hidden.length || dim != dimension)
            throw new IllegalStateException("MiniLM returned " + hidden.length + " floats for a " + rows + "x" + len
                    + " batch; expected " + (rows * len) + " x dimension " + dimension);
        double[][] out = new double[rows][dim];
        for (int r = 0; r < rows; r++) {
            int tokens = batch.get(r).ids.length;
            double[] mean = out[r];
            int base = r * len * dim;
            for (int t = 0; t < tokens; t++) {
                int off = base + t * dim;
                for (int d = 0; d < dim; d++) mean[d] += hidden[off + d];
            }
            for (int d = 0; d < dim; d++) mean[d] /= tokens;
        }
        return out;
    }

    private ExecutorService workers() {
        ExecutorService w = workers;
        if (w != null) return w;
        synchronized (this) {
            if (workers == null) {
                AtomicInteger n = new AtomicInteger();
                workers = Executors.newFixedThreadPool(predictors.size(), r -> {
                    Thread t = new Thread(r, "finrec-minilm-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
            return workers;
        }
    }

    private static double[][] await(Future<double[][]> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException("MiniLM batch failed: " + e.getCause(), e.getCause());
        }
    }

    private float[] infer(long[] ids, long[] mask, int rows, int len) {
        Predictor<NDList, NDList> p = acquire();
        try (NDManager m = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(rows, len);
            NDArray inputIds = m.create(ids, shape);
            inputIds.setName("input_ids");
            NDArray attention = m.create(mask, shape);
            attention.setName("attention_mask");
            NDArray types = m.create(new long[ids.length], shape);
            types.setName("token_type_ids");
            NDList out = p.predict(new NDList(inputIds, attention, types));
            try {
                return out.get(0).toFloatArray();
            } finally {
                out.close();
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("MiniLM inference failed on a " + rows + "x" + len + " batch: "
                    + e.getMessage(), e);
        } finally {
            pool.add(p);
        }
    }

    private Predictor<NDList, NDList> acquire() {
        try {
            return pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a MiniLM predictor", e);
        }
    }

    private int probeDimension() {
        float[] hidden = infer(new long[] {clsId, sepId}, new long[] {1, 1}, 1, 2);
        if (hidden.length == 0 || hidden.length % 2 != 0)
            throw new IllegalStateException("MiniLM returned " + hidden.length + " floats for a 1x2 probe");
        return hidden.length / 2;
    }

    private static float[] normalize(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        double inv = s > 0 ? 1 / Math.sqrt(s) : 0;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] * inv);
        return out;
    }

    /** Rejects null and texts the tokenizer cannot receive intact (unpaired UTF-16 surrogates). */
    static void checkText(String text, String field) {
        Texts.requireWellFormed(text, field);
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("MiniLmEmbedder is closed");
    }

    /**
     * Waits for running calls, then frees the model, predictors and tokenizer. Idempotent. Does nothing on the
     * {@link #shared()} instance.
     */
    @Override
    public void close() {
        if (isShared) return;
        lifecycle.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            if (workers != null) workers.shutdownNow();
            for (Predictor<NDList, NDList> p : predictors) p.close();
            model.close();
            tokenizer.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
