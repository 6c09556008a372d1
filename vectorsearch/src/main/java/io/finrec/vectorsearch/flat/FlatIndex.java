package io.finrec.vectorsearch.flat;

import io.finrec.api.model.ModelFile;
import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchHit;
import io.finrec.api.vector.SearchRequest;
import io.finrec.api.vector.VectorSearcher;
import io.finrec.vectorsearch.math.Kernels;
import io.finrec.vectorsearch.math.VectorMath;
import io.finrec.vectorsearch.quant.Int8Codes;
import io.finrec.vectorsearch.quant.Quantization;
import io.finrec.vectorsearch.search.OrdinalFilter;
import io.finrec.vectorsearch.search.Parallel;
import io.finrec.vectorsearch.search.Queries;
import io.finrec.vectorsearch.search.StoreBackedIndex;
import io.finrec.vectorsearch.search.TopK;
import io.finrec.vectorsearch.storage.IndexFiles;
import io.finrec.vectorsearch.storage.VectorStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exact (brute-force) vector index: the recall oracle, and the right choice up to about 100k vectors.
 *
 * <p>Vectors live in pages of contiguous {@code float[]}. A search scans them in blocks of {@value #BASE_BLOCK}
 * vectors; {@link #searchBatch} scores {@value #QUERY_BLOCK} queries per pass over each block (4 queries x 4 vectors
 * per kernel step), spread over threads, so the data is read from memory once per query block rather than once per
 * query. Each query keeps a bounded top-k heap; the filter and the deleted bits are checked only for candidates that
 * would enter the heap, so filtering is never slower than not filtering. When an id-list filter keeps fewer than
 * 1/{@value #SPARSE_FILTER_RATIO} of the vectors, only the accepted vectors are scored.
 *
 * <p>With {@link Quantization#INT8} the index also keeps int8 codes of its vectors, and a single-query
 * {@link #search} scans the codes (a quarter of the memory traffic) with a rigorous bound on each approximate score's
 * error, then re-scores on the float vectors every vector the bound cannot rule out (typically a few dozen): the
 * results are still exactly those of the float scan. Batched searches on the heap scan the floats (they are
 * compute-bound, and the blocked float kernel is faster there).
 *
 * <p>Results are exact and deterministic: the top {@code k} by score, ties broken by insertion order. {@code ef} in a
 * request is ignored.
 *
 * <p><b>Thread safety:</b> concurrent readers, single writer (writers are serialised internally), as documented on
 * {@link io.finrec.api.vector.VectorIndex}.
 */
public final class FlatIndex extends StoreBackedIndex {
    /** File kind in the model-file header. */
    public static final String KIND = "finrec.vector-flat";
    static final int VERSION = 2; // 2: quantisation section after the vectors
    static final int BASE_BLOCK = 128;
    static final int QUERY_BLOCK = 32;
    static final int SPARSE_FILTER_RATIO = 16;

    private FlatIndex(VectorStore store) {
        super(store);
    }

    /** An empty index of float vectors. */
    public static FlatIndex create(int dimension, Metric metric) {
        return create(dimension, metric, Quantization.NONE);
    }

    /** An empty index, keeping int8 codes too with {@link Quantization#INT8} (see the class comment). */
    public static FlatIndex create(int dimension, Metric metric, Quantization quantization) {
        return new FlatIndex(new VectorStore(dimension, metric, quantization));
    }

    /** Whether this index keeps int8 codes. */
    public Quantization quantization() {
        return store().quantization();
    }

    /** Loads an index saved by {@link #save} onto the heap (writable), with the quantisation it was saved with. */
    public static FlatIndex load(Path file) throws IOException {
        return read(file, false, true, null);
    }

    /**
     * Loads an index saved by {@link #save} onto the heap (writable) with the given quantisation, whatever it was saved
     * with (codes are recomputed on loading either way).
     */
    public static FlatIndex load(Path file, Quantization quantization) throws IOException {
        return read(file, false, true, Objects.requireNonNull(quantization, "quantization"));
    }

    /**
     * Opens a saved index read-only with its vectors memory-mapped (ids, deleted bits and any int8 codes are on the
     * heap). Without codes, searches use the per-vector kernel over the mapped buffer, slower than the heap index's
     * blocked scan; with codes, searches scan the codes and touch the mapped floats only to re-rank.
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

    private static FlatIndex read(Path file, boolean map, boolean verify, Quantization quantization)
            throws IOException {
        try (ModelFile.Reader r = ModelFile.open(file, KIND, 1, VERSION, verify)) {
            VectorStore s = VectorStore.read(r, IndexFiles.dimension(r), IndexFiles.metric(r), IndexFiles.MAX_VECTORS, map,
                    r.header().version() >= 2);
            r.expectEnd();
            return new FlatIndex(quantization == null ? s : s.requantize(quantization));
        }
    }

    @Override
    public void add(String id, float[] vector) {
        requireWritable();
        float[] v = prepareForAdd(id, vector);
        synchronized (writeLock) {
            store().append(id, v);
            store().syncCodes();
        }
    }

    @Override
    public boolean delete(String id) {
        Objects.requireNonNull(id, "id");
        requireWritable();
        synchronized (writeLock) {
            return store().delete(id) >= 0;
        }
    }

    @Override
    public void compact() {
        requireWritable();
        synchronized (writeLock) {
            store(store().compacted());
        }
    }

    @Override
    public void save(Path file) throws IOException {
        synchronized (writeLock) {
            VectorStore s = store();
            ModelFile.write(file, IndexFiles.header(KIND, VERSION, s, Map.of("index", "flat", "quantization",
                            s.quantization().name()), 0L, 1),
                    out -> s.write(out, out.size()));
        }
    }

    @Override
    public List<SearchHit> search(float[] query, SearchRequest request) {
        Objects.requireNonNull(request, "request");
        float[] q = prepareQuery(query, "query");
        VectorStore.View view = store().view();
        OrdinalFilter filter = view.compile(request.filter());
        TopK heap = new TopK(request.k());
        Int8Codes codes = view.codes();
        if (scanSparse(view, q, queryNorm(q), filter, heap)) {
            return hits(heap, view);
        } else if (codes != null) {
            new Int8Scan(view, q, queryNorm(q), metric() == Metric.L2, filter, request.k()).search(codes, heap);
        } else {
            float[] norms = {queryNorm(q)};
            scan(view, dimension(), q, 1, norms, 0, view.count, filter, new TopK[] {heap}, new float[BASE_BLOCK],
                    metric() == Metric.L2);
        }
        return hits(heap, view);
    }

    /**
     * Runs {@link #search}'s int8 scan for one query (this index must keep codes, and the filter must not be so
     * selective that {@code search} would score the accepted vectors directly) and returns how many vectors it
     * re-scored on floats: the tests' check that staying exact costs a small share of the float scan.
     */
    int int8Rescored(float[] query, SearchRequest request) {
        float[] q = prepareQuery(query, "query");
        VectorStore.View view = store().view();
        Int8Codes codes = view.codes();
        if (codes == null) throw new IllegalStateException("this index keeps no int8 codes");
        return new Int8Scan(view, q, queryNorm(q), metric() == Metric.L2, view.compile(request.filter()), request.k())
                .search(codes, new TopK(request.k()));
    }

    @Override
    public List<List<SearchHit>> searchBatch(float[][] queries, SearchRequest request, int threads) {
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(request, "request");
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        int dim = dimension();
        int n = queries.length;
        float[] packed = new float[n * dim];
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            float[] q = Queries.prepare(queries[i], dim, metric(), false, "queries[" + i + "]");
            System.arraycopy(q, 0, packed, i * dim, dim);
            norms[i] = queryNorm(q);
        }
        VectorStore.View view = store().view();
        OrdinalFilter filter = view.compile(request.filter());
        TopK[] heaps = new TopK[n];
        for (int i = 0; i < n; i++) heaps[i] = new TopK(request.k());
        int[] sparse = sparseOrdinals(view, filter);
        boolean l2 = metric() == Metric.L2;
        // memory-mapped vectors have no blocked float kernel: scan their codes query by query when there are codes
        Int8Codes codes = sparse == null && !view.onHeap() ? view.codes() : null;
        int blocks = (n + QUERY_BLOCK - 1) / QUERY_BLOCK;
        // Few query blocks for many threads: split the data instead, each part with its own heaps, merged at the end.
        int parts = sparse == null && codes == null && blocks < threads
                ? Math.min(threads, Math.max(1, view.count / (4 * BASE_BLOCK))) : 1;
        AtomicInteger next = new AtomicInteger();
        int units = blocks * parts;
        Runnable worker = () -> {
            float[] scratch = new float[QUERY_BLOCK * BASE_BLOCK];
            float[] qblock = new float[QUERY_BLOCK * dim];
            for (int u; (u = next.getAndIncrement()) < units; ) {
                int b = u / parts, part = u % parts;
                int q0 = b * QUERY_BLOCK, nq = Math.min(QUERY_BLOCK, n - q0);
                if (sparse != null) {
                    for (int i = 0; i < nq; i++) {
                        float[] q = java.util.Arrays.copyOfRange(packed, (q0 + i) * dim, (q0 + i + 1) * dim);
                        scoreOrdinals(view, q, norms[q0 + i], sparse, filter, heaps[q0 + i]);
                    }
                    continue;
                }
                if (codes != null) {
                    for (int i = 0; i < nq; i++) {
                        float[] q = java.util.Arrays.copyOfRange(packed, (q0 + i) * dim, (q0 + i + 1) * dim);
                        new Int8Scan(view, q, norms[q0 + i], l2, filter, request.k()).search(codes, heaps[q0 + i]);
                    }
                    continue;
                }
                System.arraycopy(packed, q0 * dim, qblock, 0, nq * dim);
                float[] qn = java.util.Arrays.copyOfRange(norms, q0, q0 + nq);
                int from = (int) ((long) view.count * part / parts), to = (int) ((long) view.count * (part + 1) / parts);
                TopK[] local = new TopK[nq];
                for (int i = 0; i < nq; i++) local[i] = parts == 1 ? heaps[q0 + i] : new TopK(request.k());
                scan(view, dim, qblock, nq, qn, from, to, filter, local, scratch, l2);
                if (parts > 1) merge(local, heaps, q0, request.k());
            }
        };
        Parallel.run(threads, "finrec-flat", worker);
        List<List<SearchHit>> out = new ArrayList<>(n);
        for (TopK h : heaps) out.add(hits(h, view));
        return out;
    }

    private static void merge(TopK[] local, TopK[] heaps, int q0, int k) {
        int[] o = new int[k];
        float[] s = new float[k];
        for (int i = 0; i < local.length; i++) {
            int m = local[i].drainBestFirst(o, s);
            TopK target = heaps[q0 + i];
            synchronized (target) {
                for (int j = 0; j < m; j++) target.offer(s[j], o[j]);
            }
        }
    }

    /** The accepted ordinals when scoring only them beats a full scan, else {@code null}. */
    private static int[] sparseOrdinals(VectorStore.View view, OrdinalFilter filter) {
        if (filter == null) return null;
        int[] acc = filter.acceptedOrdinals();
        return acc != null && (long) acc.length * SPARSE_FILTER_RATIO < view.count ? acc : null;
    }

    private static boolean scanSparse(VectorStore.View view, float[] q, float qn, OrdinalFilter filter, TopK heap) {
        int[] acc = sparseOrdinals(view, filter);
        if (acc == null) return false;
        scoreOrdinals(view, q, qn, acc, filter, heap);
        return true;
    }

    private static void scoreOrdinals(VectorStore.View view, float[] q, float qn, int[] ords, OrdinalFilter filter,
                                      TopK heap) {
        for (int ord : ords) {
            if (!view.isLive(ord) || !filter.accept(ord)) continue;
            heap.offer(view.score(q, qn, ord), ord);
        }
    }

    /**
     * Scores queries {@code [0, nq)} (back to back in {@code queries}) against ordinals {@code [from, to)} block by
     * block, offering each score that would enter a query's heap once its ordinal is live and accepted.
     */
    static void scan(VectorStore.View view, int dim, float[] queries, int nq, float[] qNorms, int from, int to,
                     OrdinalFilter filter, TopK[] heaps, float[] scratch, boolean l2) {
        if (!view.onHeap()) {
            float[] q = new float[dim];
            for (int qi = 0; qi < nq; qi++) {
                System.arraycopy(queries, qi * dim, q, 0, dim);
                TopK h = heaps[qi];
                for (int ord = from; ord < to; ord++) {
                    float s = view.score(q, qNorms[qi], ord);
                    if (h.wouldAccept(s, ord) && view.isLive(ord) && (filter == null || filter.accept(ord)))
                        h.offer(s, ord);
                }
            }
            return;
        }
        Kernels k = VectorMath.KERNELS;
        int pageSize = view.pageSize();
        int o = from;
        while (o < to) {
            int pageEnd = (int) Math.min(to, ((long) o / pageSize + 1) * pageSize);
            int nb = Math.min(BASE_BLOCK, pageEnd - o);
            k.dotBlock(queries, nq, view.page(o), view.offset(o), nb, dim, scratch);
            for (int qi = 0; qi < nq; qi++) {
                TopK h = heaps[qi];
                float thr = h.threshold();
                float qn = qNorms[qi];
                int base = qi * nb;
                for (int j = 0; j < nb; j++) {
                    float s = scratch[base + j];
                    int ord = o + j;
                    if (l2) s = 2 * s - qn - view.normSquared(ord);
                    if (s < thr) continue;
                    if (!h.wouldAccept(s, ord) || !view.isLive(ord) || (filter != null && !filter.accept(ord))) continue;
                    h.offer(s, ord);
                    thr = h.threshold();
                }
            }
            o += nb;
        }
    }
}
