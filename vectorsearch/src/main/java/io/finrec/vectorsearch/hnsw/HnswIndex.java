package io.finrec.vectorsearch.hnsw;

import io.finrec.api.model.ModelFile;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.progress.ProgressTracker;
import io.finrec.api.random.Seeds;
import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchHit;
import io.finrec.api.vector.SearchRequest;
import io.finrec.api.vector.VectorSearcher;
import io.finrec.vectorsearch.math.Kernels;
import io.finrec.vectorsearch.math.VectorMath;
import io.finrec.vectorsearch.quant.Int8Codes;
import io.finrec.vectorsearch.quant.Int8Query;
import io.finrec.vectorsearch.quant.Quantization;
import io.finrec.vectorsearch.search.OrdinalFilter;
import io.finrec.vectorsearch.search.Parallel;
import io.finrec.vectorsearch.search.Queries;
import io.finrec.vectorsearch.search.StoreBackedIndex;
import io.finrec.vectorsearch.search.TopK;
import io.finrec.vectorsearch.storage.IndexFiles;
import io.finrec.vectorsearch.storage.VectorStore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Approximate nearest-neighbour index on a Hierarchical Navigable Small World graph (Malkov and Yashunin, 2016).
 *
 * <h2>Build</h2>
 * Each node gets a level drawn from a geometric distribution seeded by {@link HnswConfig#seed()} and its ordinal (so
 * levels never depend on thread timing), is linked on each of its levels to neighbours chosen by the paper's
 * heuristic (a candidate is kept only if it is closer to the new node than to every neighbour kept before it) among
 * {@code efConstruction} candidates, and is added to those neighbours' lists; a full list keeps the new node only
 * if it is diverse and better than the list's worst entry. {@link #addAll} inserts in parallel on
 * {@link HnswConfig#buildThreads()} threads; a one-thread build is fully deterministic, a parallel one gives
 * graphs of the same quality that differ in detail.
 *
 * <h2>Search</h2>
 * Greedy descent through the upper levels, then a best-first search of breadth {@code ef} (per request, default
 * {@link HnswConfig#defaultEf()}, never less than {@code k}) on level 0. A filter is applied during that search:
 * rejected and deleted nodes are traversed but never enter the results, so the search widens until it has
 * {@code ef} accepted nodes. When a filter keeps so few vectors that traversal would cost more than scoring them
 * (accepted count squared below {@code ef * 2M * size}, e.g. under ~6 % of 100k vectors at ef=64, M=16), the index
 * scores exactly the accepted vectors instead: results for very selective filters are then exact.
 *
 * <h2>Quantisation</h2>
 * With {@link Quantization#INT8} in the config the index also keeps int8 codes of its vectors; searches then score
 * the codes while traversing (a quarter of the memory per visited node) and re-score the {@code ef} best on the
 * float vectors, so returned scores are exact. Building traverses the codes as well, then chooses each node's
 * neighbours among the {@code efConstruction} candidates on their float vectors.
 *
 * <h2>Updates</h2>
 * {@link #add} inserts one node (an upsert soft-deletes the old vector and inserts the new one). Deleted nodes
 * stay in the graph as stepping stones until {@link #compact()}, which rebuilds the graph over the live vectors
 * (cost of a fresh build; searches continue on the old graph meanwhile).
 *
 * <p><b>Thread safety:</b> concurrent readers, single writer (writers are serialised internally), as documented on
 * {@link io.finrec.api.vector.VectorIndex}; a search running while nodes are added may miss the newest nodes but
 * always returns complete, live vectors.
 */
public final class HnswIndex extends StoreBackedIndex {
    /** File kind in the model-file header. */
    public static final String KIND = "finrec.vector-hnsw";
    static final int VERSION = 2; // 2: quantisation section after the vectors

    private final HnswConfig config;
    private final double levelMultiplier;
    private volatile Generation gen;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** A vector store and the graph over it, swapped together by compaction. */
    private record Generation(VectorStore store, HnswGraph graph) {}

    private HnswIndex(VectorStore store, HnswGraph graph, HnswConfig config) {
        super(store);
        this.config = config;
        this.levelMultiplier = 1.0 / Math.log(config.m());
        this.gen = new Generation(store, graph);
    }

    /** An empty index. */
    public static HnswIndex create(int dimension, Metric metric, HnswConfig config) {
        Objects.requireNonNull(config, "config");
        return new HnswIndex(new VectorStore(dimension, metric, config.quantization()), new HnswGraph(config.m()),
                config);
    }

    /** The build settings. */
    public HnswConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void add(String id, float[] vector) {
        requireWritable();
        float[] v = prepareForAdd(id, vector);
        synchronized (writeLock) {
            Generation g = gen;
            int ord;
            synchronized (g.graph) {
                ord = g.store.append(id, v);
                g.graph.ensureCapacity(ord + 1);
            }
            insert(g, ord, scratch.get());
            g.store.syncCodes();
        }
    }

    /**
     * Adds many vectors, inserting them into the graph on {@code threads} threads (vectors are validated first, so a
     * bad row fails before anything is added). Cancellation through {@code progress} stops between nodes; vectors
     * appended but not yet linked are then linked before returning, so the graph stays whole.
     */
    @Override
    public void addAll(List<String> ids, List<float[]> vectors, int threads, ProgressListener progress) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(progress, "progress");
        requireWritable();
        if (ids.size() != vectors.size())
            throw new IllegalArgumentException("vectors: " + vectors.size() + " vectors for " + ids.size() + " ids");
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        float[][] prepared = new float[ids.size()][];
        for (int i = 0; i < prepared.length; i++) {
            try {
                prepared[i] = prepareForAdd(ids.get(i), vectors.get(i));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("row " + i + " (id '" + ids.get(i) + "'): " + e.getMessage(), e);
            }
        }
        synchronized (writeLock) {
            Generation g = gen;
            int first;
            synchronized (g.graph) {
                g.graph.ensureCapacity(g.store.count() + prepared.length);
                first = g.store.count();
                for (int i = 0; i < prepared.length; i++) g.store.append(ids.get(i), prepared[i]);
            }
            g.store.syncCodes();
            link(g, first, first + prepared.length, threads, progress);
        }
    }

    /**
     * Links ordinals {@code [from, to)} (already in the store) into the graph on {@code threads} threads. On
     * cancellation the ordinals not yet linked are soft-deleted (never returned), then the cancellation is rethrown.
     */
    private void link(Generation g, int from, int to, int threads, ProgressListener progress) {
        ProgressTracker tracker = ProgressTracker.start("build HNSW graph", to - from, "vectors", progress);
        AtomicInteger next = new AtomicInteger(from);
        AtomicReference<RuntimeException> cancelled = new AtomicReference<>();
        Runnable worker = () -> {
            Scratch s = new Scratch();
            int done = 0;
            while (cancelled.get() == null) {
                int ord = next.getAndIncrement();
                if (ord >= to) break;
                insert(g, ord, s);
                if (++done == 64) {
                    try {
                        synchronized (tracker) {
                            tracker.advance(done);
                        }
                    } catch (RuntimeException e) {
                        cancelled.compareAndSet(null, e);
                    }
                    done = 0;
                }
            }
            if (done > 0 && cancelled.get() == null) {
                try {
                    synchronized (tracker) {
                        tracker.advance(done);
                    }
                } catch (RuntimeException e) {
                    cancelled.compareAndSet(null, e);
                }
            }
        };
        Parallel.run(Math.min(threads, Math.max(1, to - from)), "finrec-hnsw-build", worker);
        if (cancelled.get() != null) {
            VectorStore.View v = g.store.view();
            for (int o = Math.min(next.get(), to); o < to; o++) if (v.isLive(o)) g.store.delete(v.id(o));
            throw cancelled.get();
        }
    }

    @Override
    public boolean delete(String id) {
        Objects.requireNonNull(id, "id");
        requireWritable();
        synchronized (writeLock) {
            return gen.store.delete(id) >= 0;
        }
    }

    @Override
    public void compact() {
        requireWritable();
        synchronized (writeLock) {
            Generation old = gen;
            VectorStore s = old.store.compacted();
            HnswGraph graph = new HnswGraph(config.m());
            graph.ensureCapacity(s.count());
            Generation g = new Generation(s, graph);
            link(g, 0, s.count(), config.buildThreads(), ProgressListener.NONE);
            store(s);
            gen = g;
        }
    }

    private int levelOf(int ord) {
        double u = Seeds.random(config.seed(), "hnsw.level", ord).nextDouble();
        int level = (int) (-Math.log(1.0 - u) * levelMultiplier);
        return Math.min(level, HnswGraph.MAX_LEVEL);
    }

    /** Links one stored node into the graph. */
    private void insert(Generation g, int node, Scratch s) {
        HnswGraph graph = g.graph;
        VectorStore.View view = g.store.view();
        int level = levelOf(node);
        graph.initNode(node, level);
        long e;
        synchronized (graph) {
            e = graph.entry;
            if (e == -1) {
                graph.entry = ((long) level << 32) | node;
                return;
            }
        }
        float[] q = s.query(view, node);
        float qn = view.normSquaredOrZero(node);
        Int8Codes codes = view.codes();
        Scorer scorer = codes == null ? new ExactScorer(view, q, qn)
                : new Int8Scorer(view, q, qn, metric() == Metric.L2, codes, s.queryCodes(view.dimension()));
        int ep = (int) e;
        int top = (int) (e >>> 32);
        float epScore = scorer.score(ep);
        for (int l = top; l > level; l--) {
            long best = greedy(graph, view, scorer, ep, epScore, l);
            ep = (int) best;
            epScore = Float.intBitsToFloat((int) (best >>> 32));
        }
        // Choose the neighbours top-down, then link bottom-up: a concurrent search that reaches the node on some
        // level through a neighbour's list then always finds its lists on the levels below already filled.
        int linkTop = Math.min(level, top);
        for (int l = linkTop; l >= 0; l--) {
            int n = searchLayer(graph, view, scorer, ep, epScore, config.efConstruction(), l, null, s, false,
                    view.count);
            int[] cand = s.resultNodes;
            float[] candScores = s.resultScores;
            int nextEp = n > 0 ? cand[0] : ep;
            float nextEpScore = n > 0 ? candScores[0] : epScore;
            if (codes != null) s.rescoreExactly(view, q, qn, n); // candidates found on codes, chosen on floats
            s.selected[l] = selectDiverse(view, cand, candScores, n, graph.maxSize(l), s);
            s.keepSelection(l);
            ep = nextEp;
            epScore = nextEpScore;
        }
        for (int l = 0; l <= linkTop; l++) {
            int[] nodes = s.levelNodes[l];
            float[] scores = s.levelScores[l];
            for (int i = 0; i < s.selected[l]; i++) addLink(graph, view, node, l, nodes[i], scores[i]);
            for (int i = 0; i < s.selected[l]; i++) addLink(graph, view, nodes[i], l, node, scores[i]);
        }
        if (level > top) {
            synchronized (graph) {
                if (level > (int) (graph.entry >>> 32)) graph.entry = ((long) level << 32) | node;
            }
        }
    }

    /** The HNSW heuristic over candidates sorted best first; fills {@code s.selNodes/selScores}, returns the count. */
    private static int selectDiverse(VectorStore.View view, int[] cand, float[] scores, int n, int max, Scratch s) {
        s.ensureSelection(max);
        int kept = 0;
        for (int i = 0; i < n && kept < max; i++) {
            int c = cand[i];
            boolean diverse = true;
            for (int j = 0; j < kept; j++) {
                if (view.similarity(c, s.selNodes[j]) > scores[i]) {
                    diverse = false;
                    break;
                }
            }
            if (diverse) {
                s.selNodes[kept] = c;
                s.selScores[kept] = scores[i];
                kept++;
            }
        }
        return kept;
    }

    /**
     * Adds {@code q} (similarity {@code score}) to {@code node}'s list at {@code level}, keeping it sorted; a full list
     * takes {@code q} only if it is diverse with respect to the better entries, dropping the worst entry.
     */
    private static void addLink(HnswGraph graph, VectorStore.View view, int node, int level, int q, float score) {
        synchronized (graph.lock(node)) {
            int[] a = graph.linkArray(node, level);
            float[] sc = graph.scoreArray(node, level);
            int off = graph.offset(node, level);
            int cnt = a[off];
            int max = graph.maxSize(level);
            int i = 0;
            while (i < cnt && sc[off + 1 + i] >= score) {
                if (a[off + 1 + i] == q) return;
                i++;
            }
            for (int j = i; j < cnt; j++) if (a[off + 1 + j] == q) return;
            if (cnt == max) {
                if (i == cnt) return;
                for (int j = 0; j < i; j++) {
                    if (view.similarity(q, a[off + 1 + j]) > score) return;
                }
                cnt--;
            }
            System.arraycopy(a, off + 1 + i, a, off + 2 + i, cnt - i);
            System.arraycopy(sc, off + 1 + i, sc, off + 2 + i, cnt - i);
            a[off + 1 + i] = q;
            sc[off + 1 + i] = score;
            a[off] = cnt + 1;
        }
    }

    /** Greedy walk on one upper level; returns {@code floatBits(score) << 32 | node} of the best node found. */
    private static long greedy(HnswGraph graph, VectorStore.View view, Scorer scorer, int ep, float epScore,
                               int level) {
        int cur = ep;
        float best = epScore;
        boolean changed = true;
        while (changed) {
            changed = false;
            if (graph.level(cur) < level) break;
            int[] a = graph.linkArray(cur, level);
            int off = graph.offset(cur, level);
            int cnt = Math.min(a[off], graph.maxSize(level));
            for (int i = 1; i <= cnt; i++) {
                int nb = a[off + i];
                if (nb >= view.count) continue;
                float sc = scorer.score(nb);
                if (sc > best) {
                    best = sc;
                    cur = nb;
                    changed = true;
                }
            }
        }
        return ((long) Float.floatToRawIntBits(best) << 32) | (cur & 0xffffffffL);
    }

    /**
     * Best-first search of breadth {@code ef} on one level from {@code ep}. Results (accepted, and live when
     * {@code liveOnly}) go to {@code s.resultNodes/resultScores} best first; returns their count.
     */
    private static int searchLayer(HnswGraph graph, VectorStore.View view, Scorer scorer, int ep,
                                   float epScore, int ef, int level, OrdinalFilter filter, Scratch s,
                                   boolean liveOnly, int limit) {
        s.startVisit(limit);
        NodeHeap candidates = s.candidates;
        candidates.clear();
        TopK results = s.results(ef);
        int[] stamps = s.visited;
        int stamp = s.stamp;
        stamps[ep] = stamp;
        candidates.push(epScore, ep);
        if ((!liveOnly || view.isLive(ep)) && (filter == null || filter.accept(ep))) results.offer(epScore, ep);
        int maxSize = graph.maxSize(level);
        s.ensureBatch(maxSize);
        int[] batch = s.batchNodes;
        float[] batchScores = s.batchScores;
        while (!candidates.isEmpty()) {
            float cs = candidates.topScore();
            int c = candidates.topNode();
            if (results.isFull() && cs < results.threshold()) break;
            candidates.pop();
            int[] a = graph.linkArray(c, level);
            int off = graph.offset(c, level);
            int cnt = Math.min(a[off], maxSize);
            int n = 0;
            for (int i = 1; i <= cnt; i++) {
                int nb = a[off + i];
                if (nb >= limit || stamps[nb] == stamp) continue;
                stamps[nb] = stamp;
                batch[n++] = nb;
            }
            if (n == 0) continue;
            scorer.score(batch, n, batchScores);
            for (int j = 0; j < n; j++) {
                float sc = batchScores[j];
                if (!results.isFull() || sc > results.threshold()) {
                    int nb = batch[j];
                    candidates.push(sc, nb);
                    if ((!liveOnly || view.isLive(nb)) && (filter == null || filter.accept(nb))) results.offer(sc, nb);
                }
            }
        }
        s.ensureResults(results.size());
        return results.drainBestFirst(s.resultNodes, s.resultScores);
    }

    // ------------------------------------------------------------------ search

    @Override
    public List<SearchHit> search(float[] query, SearchRequest request) {
        Objects.requireNonNull(request, "request");
        float[] q = prepareQuery(query, "query");
        return search(gen, q, request, scratch.get());
    }

    private List<SearchHit> search(Generation g, float[] q, SearchRequest request, Scratch s) {
        VectorStore.View view = g.store.view();
        float qn = queryNorm(q);
        int k = request.k();
        int ef = Math.max(k, request.ef().orElse(config.defaultEf()));
        OrdinalFilter filter = view.compile(request.filter());
        TopK top = new TopK(k);
        if (filter != null && preferExact(filter, view.count, ef)) {
            int[] acc = filter.acceptedOrdinals();
            if (acc != null) {
                for (int o : acc) if (view.isLive(o)) top.offer(view.score(q, qn, o), o);
            } else {
                for (int o = 0; o < view.count; o++) {
                    if (view.isLive(o) && filter.accept(o)) top.offer(view.score(q, qn, o), o);
                }
            }
            return hits(top, view);
        }
        long e = g.graph.entry;
        if (e == -1 || view.count == 0) return List.of();
        int ep = (int) e;
        if (ep >= view.count) return exactAll(view, q, qn, filter, top);
        Int8Codes codes = view.codes();
        Scorer scorer = codes == null ? new ExactScorer(view, q, qn)
                : new Int8Scorer(view, q, qn, metric() == Metric.L2, codes, s.queryCodes(view.dimension()));
        float epScore = scorer.score(ep);
        for (int l = (int) (e >>> 32); l > 0; l--) {
            long best = greedy(g.graph, view, scorer, ep, epScore, l);
            ep = (int) best;
            epScore = Float.intBitsToFloat((int) (best >>> 32));
        }
        int n = searchLayer(g.graph, view, scorer, ep, epScore, ef, 0, filter, s, true, view.count);
        if (codes == null) {
            for (int i = 0; i < Math.min(n, k); i++) top.offer(s.resultScores[i], s.resultNodes[i]);
        } else { // re-rank the ef best by code score on the float vectors
            for (int i = 0; i < n; i++) top.offer(view.score(q, qn, s.resultNodes[i]), s.resultNodes[i]);
        }
        return hits(top, view);
    }

    private List<SearchHit> exactAll(VectorStore.View view, float[] q, float qn, OrdinalFilter filter, TopK top) {
        for (int o = 0; o < view.count; o++) {
            if (view.isLive(o) && (filter == null || filter.accept(o))) top.offer(view.score(q, qn, o), o);
        }
        return hits(top, view);
    }

    /** Whether scoring the accepted vectors costs less than traversing the graph for them. */
    private boolean preferExact(OrdinalFilter filter, int count, int ef) {
        long accepted = filter.estimatedCount();
        return accepted * accepted <= (long) ef * 2 * config.m() * count;
    }

    @Override
    public List<List<SearchHit>> searchBatch(float[][] queries, SearchRequest request, int threads) {
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(request, "request");
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        float[][] prepared = new float[queries.length][];
        for (int i = 0; i < queries.length; i++)
            prepared[i] = Queries.prepare(queries[i], dimension(), metric(), false, "queries[" + i + "]");
        Generation g = gen;
        @SuppressWarnings("unchecked")
        List<SearchHit>[] out = new List[queries.length];
        AtomicInteger next = new AtomicInteger();
        Parallel.run(Math.min(threads, Math.max(1, queries.length)), "finrec-hnsw-search", () -> {
            Scratch s = new Scratch();
            for (int i; (i = next.getAndIncrement()) < prepared.length; ) out[i] = search(g, prepared[i], request, s);
        });
        return new ArrayList<>(List.of(out));
    }

    @Override
    public long ramBytesUsed() {
        return super.ramBytesUsed() + gen.graph.ramBytesUsed();
    }

    // ------------------------------------------------------------------ persistence

    @Override
    public void save(Path file) throws IOException {
        synchronized (writeLock) {
            Generation g = gen;
            HnswGraph graph = g.graph;
            long e = graph.entry;
            Map<String, Object> meta = Map.of("index", "hnsw", "m", config.m(), "efConstruction",
                    config.efConstruction(), "defaultEf", config.defaultEf(), "seed", config.seed(),
                    "quantization", config.quantization().name());
            ModelFile.write(file, IndexFiles.header(KIND, VERSION, g.store, meta, config.seed(), config.buildThreads()),
                    out -> {
                        g.store.write(out, out.size());
                        writeGraph(out, graph, g.store.count(), e);
                    });
        }
    }

    private static void writeGraph(DataOutputStream out, HnswGraph graph, int count, long entry) throws IOException {
        out.writeLong(entry);
        byte[] levels = java.util.Arrays.copyOf(graph.levels, count);
        out.write(levels);
        for (int node = 0; node < count; node++) {
            for (int l = 0; l <= levels[node]; l++) {
                int[] a = graph.linkArray(node, l);
                float[] sc = graph.scoreArray(node, l);
                int off = graph.offset(node, l);
                int cnt = a[off];
                out.writeShort(cnt);
                for (int i = 1; i <= cnt; i++) out.writeInt(a[off + i]);
                for (int i = 1; i <= cnt; i++) out.writeFloat(sc[off + i]);
            }
        }
    }

    /**
     * Loads an index saved by {@link #save} onto the heap (writable; build threads: one per core), with the
     * quantisation it was saved with.
     */
    public static HnswIndex load(Path file) throws IOException {
        return read(file, false, true, null);
    }

    /**
     * Loads an index saved by {@link #save} onto the heap with the given quantisation, whatever it was saved with:
     * the graph is the same, codes are recomputed on loading either way.
     */
    public static HnswIndex load(Path file, Quantization quantization) throws IOException {
        return read(file, false, true, Objects.requireNonNull(quantization, "quantization"));
    }

    /**
     * Opens a saved index read-only with its vectors memory-mapped; the graph, ids and any int8 codes are read onto
     * the heap.
     *
     * @param verifyChecksum whether to read the whole file once to check its CRC (skip for files checked before)
     */
    public static VectorSearcher openMapped(Path file, boolean verifyChecksum) throws IOException {
        return read(file, true, verifyChecksum, null);
    }

    /** As {@link #openMapped(Path, boolean)}, with the given quantisation whatever the file was saved with. */
    public static VectorSearcher openMapped(Path file, boolean verifyChecksum, Quantization quantization)
            throws IOException {
        return read(file, true, verifyChecksum, Objects.requireNonNull(quantization, "quantization"));
    }

    private static HnswIndex read(Path file, boolean map, boolean verify, Quantization quantization)
            throws IOException {
        try (ModelFile.Reader r = ModelFile.open(file, KIND, 1, VERSION, verify)) {
            var meta = r.header().metadata();
            HnswConfig config;
            try {
                config = HnswConfig.builder().m(meta.path("m").asInt(-1)).efConstruction(meta.path("efConstruction")
                        .asInt(-1)).defaultEf(meta.path("defaultEf").asInt(-1)).seed(meta.path("seed").asLong()).build();
            } catch (IllegalArgumentException e) {
                throw r.invalid("HNSW settings: " + e.getMessage());
            }
            VectorStore store = VectorStore.read(r, IndexFiles.dimension(r), IndexFiles.metric(r), IndexFiles.MAX_VECTORS, map,
                    r.header().version() >= 2);
            HnswGraph graph = readGraph(r, config.m(), store.count());
            r.expectEnd();
            if (quantization != null) store.requantize(quantization);
            return new HnswIndex(store, graph, config.toBuilder().quantization(store.quantization()).build());
        }
    }

    private static HnswGraph readGraph(ModelFile.Reader r, int m, int count) throws IOException {
        DataInputStream in = r.payload();
        HnswGraph graph = new HnswGraph(m);
        graph.ensureCapacity(count);
        long entry = in.readLong();
        if (count == 0 ? entry != -1 : (entry < 0 || (int) entry >= count || (entry >>> 32) > HnswGraph.MAX_LEVEL))
            throw r.invalid("HNSW entry point " + entry + " is impossible for " + count + " nodes");
        byte[] levels = in.readNBytes(count);
        if (levels.length < count) throw r.invalid("HNSW levels are truncated");
        for (int node = 0; node < count; node++) {
            if (levels[node] < 0 || levels[node] > HnswGraph.MAX_LEVEL)
                throw r.invalid("HNSW node " + node + " has level " + levels[node]);
            graph.initNode(node, levels[node]);
            for (int l = 0; l <= levels[node]; l++) {
                int[] a = graph.linkArray(node, l);
                float[] sc = graph.scoreArray(node, l);
                int off = graph.offset(node, l);
                int cnt = in.readUnsignedShort();
                if (cnt > graph.maxSize(l)) throw r.invalid("HNSW node " + node + " has " + cnt + " links on level " + l);
                a[off] = cnt;
                for (int i = 1; i <= cnt; i++) {
                    int nb = in.readInt();
                    if (nb < 0 || nb >= count) throw r.invalid("HNSW node " + node + " links to " + nb);
                    a[off + i] = nb;
                }
                for (int i = 1; i <= cnt; i++) sc[off + i] = in.readFloat();
            }
        }
        if (count > 0 && levels[(int) entry] != (int) (entry >>> 32))
            throw r.invalid("HNSW entry point level does not match its node");
        graph.entry = entry;
        return graph;
    }

    // ------------------------------------------------------------------ scoring

    /**
     * Scores one query against stored vectors by ordinal (higher is closer). One per query; not thread-safe.
     *
     * <p>A search scores a candidate's unvisited neighbours together ({@link #score(int[], int, float[])}), first
     * reading one value from each cache line they will need: Java has no prefetch instruction, and these independent
     * loads let the CPU fetch the rows from memory in parallel instead of one row after the other as the dot products
     * reach them. On the 100k x 384 set (M=16, ef=64, Java 17, AVX2, one JVM, interleaved) that made the int8 search
     * 1.37x faster with every line of a 384-byte code row read ahead (only the first line, or every other one: no
     * gain), and the float search 1.01-1.09x with the first line of each 1,536-byte row (the hardware prefetcher
     * streams the rest; reading every line was 0.93x).
     */
    private abstract static class Scorer {
        /** Keeps the read-ahead loads alive (the JIT drops loads whose values are never used). */
        int sink;

        abstract float score(int ord);

        /** Scores {@code ords[0..n)} into {@code out[0..n)}, reading their rows ahead (see the class comment). */
        abstract void score(int[] ords, int n, float[] out);
    }

    /** Float dot products: the build, and searches without codes. */
    private static final class ExactScorer extends Scorer {
        private final VectorStore.View view;
        private final float[] q;
        private final float qn;

        ExactScorer(VectorStore.View view, float[] q, float qn) {
            this.view = view;
            this.q = q;
            this.qn = qn;
        }

        @Override
        float score(int ord) {
            return view.score(q, qn, ord);
        }

        @Override
        void score(int[] ords, int n, float[] out) {
            if (view.onHeap()) {
                int t = 0;
                for (int j = 0; j < n; j++) t += Float.floatToRawIntBits(view.page(ords[j])[view.offset(ords[j])]);
                sink = t;
            }
            for (int j = 0; j < n; j++) out[j] = view.score(q, qn, ords[j]);
        }
    }

    /** Int8 code dot products (floats for ordinals not coded yet). */
    private static final class Int8Scorer extends Scorer {
        private final VectorStore.View view;
        private final float[] q;
        private final float qn;
        private final int[] qc;
        private final float offset;
        private final float scale;
        private final int coded;
        private final byte[][] pages;
        private final int pageBits;
        private final int pageMask;
        private final int dim;
        private final boolean l2;
        private final Kernels kern = VectorMath.KERNELS;

        Int8Scorer(VectorStore.View view, float[] q, float qn, boolean l2, Int8Codes codes, int[] codeBuffer) {
            this.view = view;
            this.q = q;
            this.qn = qn;
            this.coded = Math.min(codes.count(), view.count); // count first, then the pages
            this.pages = codes.pages();
            this.pageBits = codes.pageBits();
            this.pageMask = (1 << pageBits) - 1;
            this.dim = view.dimension();
            Int8Query pq = codes.quantizer().prepare(q, codeBuffer);
            this.qc = pq.codes();
            this.offset = pq.offset();
            this.scale = pq.scale();
            this.l2 = l2;
        }

        @Override
        float score(int ord) {
            if (ord >= coded) return view.score(q, qn, ord);
            float a = offset + scale * kern.dotInt8(qc, pages[ord >>> pageBits], (ord & pageMask) * dim, dim);
            return l2 ? 2 * a - qn - view.normSquared(ord) : a;
        }

        @Override
        void score(int[] ords, int n, float[] out) {
            int t = 0;
            for (int j = 0; j < n; j++) {
                int o = ords[j];
                if (o >= coded) continue;
                byte[] p = pages[o >>> pageBits];
                int off = (o & pageMask) * dim;
                for (int i = 0; i < dim; i += 64) t += p[off + i]; // every cache line of the row
                t += p[off + dim - 1];
            }
            sink = t;
            for (int j = 0; j < n; j++) out[j] = score(ords[j]);
        }
    }

    // ------------------------------------------------------------------ per-thread scratch

    /** Reusable per-thread search state. Not thread-safe. */
    private static final class Scratch {
        int[] visited = new int[0];
        int stamp;
        final NodeHeap candidates = new NodeHeap();
        private TopK results;
        int[] resultNodes = new int[0];
        float[] resultScores = new float[0];
        int[] selNodes = new int[0];
        float[] selScores = new float[0];
        float[] vector = new float[0];
        int[] codes = new int[0];
        int[] batchNodes = new int[0];
        float[] batchScores = new float[0];
        final int[] selected = new int[HnswGraph.MAX_LEVEL + 1];
        final int[][] levelNodes = new int[HnswGraph.MAX_LEVEL + 1][0];
        final float[][] levelScores = new float[HnswGraph.MAX_LEVEL + 1][0];

        /** Replaces the scores of the first {@code n} results by exact ones and re-sorts them best first. */
        void rescoreExactly(VectorStore.View view, float[] q, float qn, int n) {
            for (int i = 0; i < n; i++) {
                int node = resultNodes[i];
                float sc = view.score(q, qn, node);
                int j = i;
                for (; j > 0 && (resultScores[j - 1] < sc || (resultScores[j - 1] == sc && resultNodes[j - 1] > node)); j--) {
                    resultNodes[j] = resultNodes[j - 1];
                    resultScores[j] = resultScores[j - 1];
                }
                resultNodes[j] = node;
                resultScores[j] = sc;
            }
        }

        /** Keeps the current selection as level {@code l}'s (until the node is linked). */
        void keepSelection(int l) {
            int n = selected[l];
            if (levelNodes[l].length < n) {
                levelNodes[l] = new int[selNodes.length];
                levelScores[l] = new float[selNodes.length];
            }
            System.arraycopy(selNodes, 0, levelNodes[l], 0, n);
            System.arraycopy(selScores, 0, levelScores[l], 0, n);
        }

        int[] queryCodes(int dim) {
            if (codes.length != dim) codes = new int[dim];
            return codes;
        }

        /** Room for one candidate's neighbours (their ordinals and scores). */
        void ensureBatch(int n) {
            if (batchNodes.length < n) {
                batchNodes = new int[n];
                batchScores = new float[n];
            }
        }

        void startVisit(int n) {
            if (visited.length < n) {
                visited = new int[Math.max(n, visited.length + (visited.length >> 1))];
                stamp = 0;
            }
            if (++stamp == Integer.MAX_VALUE) {
                java.util.Arrays.fill(visited, 0);
                stamp = 1;
            }
        }

        TopK results(int ef) {
            if (results == null || results.capacity() != ef) results = new TopK(ef);
            results.reset();
            return results;
        }

        void ensureResults(int n) {
            if (resultNodes.length < n) {
                resultNodes = new int[n];
                resultScores = new float[n];
            }
        }

        void ensureSelection(int n) {
            if (selNodes.length < n) {
                selNodes = new int[n];
                selScores = new float[n];
            }
        }

        float[] query(VectorStore.View view, int node) {
            if (vector.length != view.dimension()) vector = new float[view.dimension()];
            view.copyVector(node, vector);
            return vector;
        }
    }
}
