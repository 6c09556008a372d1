package io.finrec.vectorsearch.storage;

import io.finrec.api.model.ModelFile;
import io.finrec.api.model.Payloads;
import io.finrec.api.vector.Metric;
import io.finrec.api.vector.VectorFilter;
import io.finrec.vectorsearch.math.Kernels;
import io.finrec.vectorsearch.math.VectorMath;
import io.finrec.vectorsearch.quant.Int8Codes;
import io.finrec.vectorsearch.quant.Int8Quantizer;
import io.finrec.vectorsearch.quant.Quantization;
import io.finrec.vectorsearch.search.OrdinalFilter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The vectors of an index with their ids: dense ordinals {@code 0..count-1}, vectors in pages of contiguous
 * {@code float[]} (or, read-only, in memory-mapped little-endian buffers), the id map both ways, and a bitset of
 * soft-deleted ordinals. Shared by the flat and HNSW indexes. With {@link Quantization#INT8} it also keeps int8
 * codes of the vectors ({@link Int8Codes}), trained once {@value #MIN_TRAIN} vectors are stored and retrained
 * whenever the count has doubled since (so the trained range follows the data; each retraining recodes every vector,
 * an amortised constant cost per add). Training always uses the first {@code MIN_TRAIN * 2^j} ordinals, so the codes
 * depend on the vectors and their order, not on how the adds were batched. Until then, and for vectors appended since the last
 * {@link #syncCodes}, searches score the float vectors.
 *
 * <p><b>Thread safety:</b> single writer, concurrent readers. Writers ({@link #append}, {@link #delete}) must be
 * serialised by the caller; a reader takes a {@link View} (one volatile read of the count, then the arrays, which only
 * ever grow by copy) and sees every vector appended before the view was taken, never a half-written one.
 */
public final class VectorStore {
    /**
     * Vectors per page are a power of two chosen so a page holds at most 1 MiB: small enough never to be a G1
     * "humongous" object (which would waste up to a region per page), large enough for blocked scans.
     */
    private static final int PAGE_FLOATS = 1 << 18;
    /** Vectors needed before int8 codes are trained (below this a float scan is cheap anyway). */
    public static final int MIN_TRAIN = 1024;

    private final int dim;
    private final Metric metric;
    private Quantization quantization; // set once, before the store is published
    private volatile Int8Codes codes; // null until trained, or without quantisation
    private final int pageBits;
    private final int pageMask;
    private final ByteBuffer[] mapped; // read-only mode when non-null
    private final int mappedBits;
    private final ConcurrentHashMap<String, Integer> ordOf;
    private volatile float[][] pages;
    private volatile String[] ids;
    private volatile float[] norms; // squared norms, L2 only
    private volatile long[] deleted;
    private volatile int count;
    private volatile int deletedCount;

    /** An empty, writable store of float vectors. */
    public VectorStore(int dimension, Metric metric) {
        this(dimension, metric, Quantization.NONE, 16);
    }

    /** An empty, writable store, keeping quantised codes as well when asked. */
    public VectorStore(int dimension, Metric metric, Quantization quantization) {
        this(dimension, metric, quantization, 16);
    }

    private VectorStore(int dimension, Metric metric, Quantization quantization, int initialCapacity) {
        if (dimension < 1) throw new IllegalArgumentException("dimension: must be >= 1, was " + dimension);
        this.dim = dimension;
        this.metric = java.util.Objects.requireNonNull(metric, "metric");
        this.quantization = java.util.Objects.requireNonNull(quantization, "quantization");
        this.pageBits = Math.max(0, 31 - Integer.numberOfLeadingZeros(Math.max(1, PAGE_FLOATS / dimension)));
        this.pageMask = (1 << pageBits) - 1;
        this.mapped = null;
        this.mappedBits = 0;
        this.ordOf = new ConcurrentHashMap<>();
        this.pages = new float[0][];
        this.ids = new String[initialCapacity];
        this.norms = metric == Metric.L2 ? new float[initialCapacity] : null;
        this.deleted = new long[(initialCapacity + 63) >>> 6];
    }

    private VectorStore(int dim, Metric metric, Quantization quantization, ByteBuffer[] mapped, int mappedBits,
                        String[] ids, float[] norms, long[] deleted, int count, int deletedCount) {
        this.dim = dim;
        this.metric = metric;
        this.quantization = quantization;
        this.pageBits = 0;
        this.pageMask = 0;
        this.mapped = mapped;
        this.mappedBits = mappedBits;
        this.pages = null;
        this.ids = ids;
        this.norms = norms;
        this.deleted = deleted;
        this.ordOf = new ConcurrentHashMap<>(Math.max(16, count * 4 / 3));
        for (int i = 0; i < count; i++) if (!isSet(deleted, i)) ordOf.put(ids[i], i);
        this.count = count;
        this.deletedCount = deletedCount;
    }

    /** Vector dimension. */
    public int dimension() {
        return dim;
    }

    /** The metric. */
    public Metric metric() {
        return metric;
    }

    /** Whether int8 codes are kept. */
    public Quantization quantization() {
        return quantization;
    }

    /** Whether this store is memory-mapped and read-only. */
    public boolean isMapped() {
        return mapped != null;
    }

    /** Ordinals handed out so far (live and deleted). */
    public int count() {
        return count;
    }

    /** Live vectors. */
    public int liveCount() {
        return count - deletedCount;
    }

    /** Soft-deleted vectors still stored. */
    public int deletedCount() {
        return deletedCount;
    }

    /** The live ordinal of an id, or -1. */
    public int ordinal(String id) {
        Integer o = ordOf.get(id);
        return o == null ? -1 : o;
    }

    /** A consistent read view. */
    public View view() {
        int c = count; // volatile read first: everything written before the count was published is visible
        return new View(this, c, pages, ids, norms, deleted, codes);
    }

    // ------------------------------------------------------------------ writes (caller serialises)

    /**
     * Appends a prepared vector (already validated and, for cosine, normalised; the store copies it) under an id,
     * soft-deleting the id's previous vector if any. Returns the new ordinal.
     */
    public int append(String id, float[] vector) {
        requireWritable();
        int ord = count;
        if (ord == Integer.MAX_VALUE - 8) throw new IllegalStateException("index is full (2^31 vectors)");
        ensureCapacity(ord + 1);
        float[] page = pages[ord >>> pageBits];
        System.arraycopy(vector, 0, page, (ord & pageMask) * dim, dim);
        ids[ord] = id;
        if (norms != null) norms[ord] = VectorMath.normSquared(vector);
        Integer previous = ordOf.put(id, ord);
        if (previous != null) markDeleted(previous);
        count = ord + 1; // publish
        return ord;
    }

    /** Soft-deletes an id's live vector; returns its ordinal or -1 if it had none. */
    public int delete(String id) {
        requireWritable();
        Integer ord = ordOf.remove(id);
        if (ord == null) return -1;
        markDeleted(ord);
        count = count; // publish the bit to readers that read the count afterwards
        return ord;
    }

    /**
     * Brings the int8 codes up to date after appends (writer only; a no-op without quantisation): trains them once
     * {@value #MIN_TRAIN} vectors are stored, retrains when the count has doubled since the last training, and codes
     * the vectors appended since the last call.
     */
    public void syncCodes() {
        if (quantization != Quantization.INT8) return;
        View v = view();
        int n = v.count;
        Int8Codes c = codes;
        if (c == null ? n >= MIN_TRAIN : n >= 2L * c.quantizer().trainedOn()) {
            // train on the first MIN_TRAIN * 2^j ordinals, so the codes do not depend on how the adds were batched
            int t = MIN_TRAIN;
            while (2L * t <= n) t *= 2;
            c = new Int8Codes(Int8Quantizer.train(dim, t, v::copyVector));
            encodeFrom(c, v, n);
            codes = c;
        } else if (c != null) {
            encodeFrom(c, v, n);
        }
    }

    private void encodeFrom(Int8Codes c, View v, int n) {
        if (v.pages != null) {
            for (int o = c.count(); o < n; o++) c.append(v.page(o), v.offset(o));
            return;
        }
        float[] buf = new float[dim];
        for (int o = c.count(); o < n; o++) {
            v.copyVector(o, buf);
            c.append(buf, 0);
        }
    }

    private void markDeleted(int ord) {
        long[] d = deleted;
        d[ord >>> 6] |= 1L << ord;
        deletedCount = deletedCount + 1;
    }

    private void ensureCapacity(int n) {
        int pagesNeeded = (n + pageMask) >>> pageBits;
        float[][] p = pages;
        if (pagesNeeded > p.length) {
            float[][] np = Arrays.copyOf(p, pagesNeeded);
            for (int i = p.length; i < np.length; i++) np[i] = new float[(pageMask + 1) * dim];
            pages = np;
        }
        if (n > ids.length) {
            int cap = Math.max(n, ids.length + (ids.length >> 1) + 16);
            ids = Arrays.copyOf(ids, cap);
            if (norms != null) norms = Arrays.copyOf(norms, cap);
        }
        if (((n + 63) >>> 6) > deleted.length) deleted = Arrays.copyOf(deleted, Math.max((n + 63) >>> 6, deleted.length * 2));
    }

    private void requireWritable() {
        if (mapped != null) throw new UnsupportedOperationException("this index is memory-mapped and read-only");
    }

    /** A new writable store holding only the live vectors, in ordinal order. */
    public VectorStore compacted() {
        View v = view();
        VectorStore out = new VectorStore(dim, metric, quantization, Math.max(16, v.count - deletedCount));
        float[] buf = new float[dim];
        for (int o = 0; o < v.count; o++) {
            if (!v.isLive(o)) continue;
            v.copyVector(o, buf);
            out.append(v.id(o), buf);
        }
        out.syncCodes();
        return out;
    }

    /** Estimated heap bytes (mapped vectors excluded). */
    public long ramBytesUsed() {
        View v = view();
        long b = 128;
        if (v.pages != null) {
            b += 16 + 8L * v.pages.length;
            for (float[] p : v.pages) b += 16 + 4L * p.length;
        }
        b += 16 + 8L * v.ids.length;
        for (int i = 0; i < v.count; i++) {
            String s = v.ids[i];
            if (s != null) b += 24 + 16 + s.length() + (isSet(v.deleted, i) ? 0 : 48); // String + bytes (+ map entry)
        }
        b += 64 + 8L * Math.max(16, Integer.highestOneBit(Math.max(1, ordOf.size()) * 2)); // map table
        if (v.norms != null) b += 16 + 4L * v.norms.length;
        b += 16 + 8L * v.deleted.length;
        if (v.codes != null) b += v.codes.ramBytesUsed();
        return b;
    }

    // ------------------------------------------------------------------ persistence

    /**
     * Writes dimension-independent parts then the vectors as little-endian floats starting at a 64-byte aligned file
     * offset (so {@link #read} can memory-map them), then the quantisation section (mode byte; for int8 whether it is
     * trained and the quantiser's parameters; the codes themselves are recomputed on reading). {@code startSize} is
     * {@code out.size()} when the payload began.
     */
    public void write(DataOutputStream out, int startSize) throws IOException {
        View v = view();
        out.writeInt(v.count);
        Payloads.writeStrings(out, Arrays.asList(v.ids).subList(0, v.count));
        long[] bits = Arrays.copyOf(v.deleted, (v.count + 63) >>> 6);
        out.writeInt(bits.length);
        for (long w : bits) out.writeLong(w);
        long cur = out.size() + 12L;
        int pad = (int) ((64 - (18 + cur) % 64) % 64);
        out.writeLong(cur + pad - startSize);
        out.writeInt(pad);
        out.write(new byte[pad]);
        ByteBuffer bb = ByteBuffer.allocate(4 * dim * 256).order(ByteOrder.LITTLE_ENDIAN);
        float[] buf = new float[dim];
        for (int o = 0; o < v.count; o++) {
            v.copyVector(o, buf);
            for (float f : buf) bb.putFloat(f);
            if (!bb.hasRemaining()) {
                out.write(bb.array(), 0, bb.position());
                bb.clear();
            }
        }
        out.write(bb.array(), 0, bb.position());
        out.writeByte(quantization.ordinal());
        if (quantization == Quantization.INT8) {
            Int8Codes c = v.codes;
            out.writeBoolean(c != null);
            if (c != null) c.quantizer().write(out);
        }
    }

    /**
     * Reads a store written by {@link #write}. With {@code map} the vectors are memory-mapped read-only from the
     * file instead of loaded on the heap. {@code quantSection}: whether the file has the quantisation section
     * (files written before it existed do not).
     */
    public static VectorStore read(ModelFile.Reader r, int dim, Metric metric, int maxCount, boolean map,
                                   boolean quantSection) throws IOException {
        VectorStore s = readVectors(r, dim, metric, maxCount, map);
        if (!quantSection) return s;
        DataInputStream in = r.payload();
        int mode = in.readUnsignedByte();
        if (mode >= Quantization.values().length) throw r.invalid("quantisation mode " + mode + " is unknown");
        if (mode == Quantization.NONE.ordinal()) return s;
        Int8Quantizer trained = in.readBoolean() ? Int8Quantizer.read(in, dim, r::invalid) : null;
        s.quantization = Quantization.values()[mode]; // before the store is published
        if (trained == null) {
            s.syncCodes();
        } else {
            Int8Codes c = new Int8Codes(trained);
            s.encodeFrom(c, s.view(), s.count);
            s.codes = c;
        }
        return s;
    }

    /**
     * Switches a store just read (not yet shared with other threads) to another quantisation: drops the codes, or
     * trains and computes them. Returns this store.
     */
    public VectorStore requantize(Quantization q) {
        java.util.Objects.requireNonNull(q, "quantization");
        if (q == quantization) return this;
        quantization = q;
        codes = null;
        syncCodes();
        return this;
    }

    private static VectorStore readVectors(ModelFile.Reader r, int dim, Metric metric, int maxCount, boolean map)
            throws IOException {
        DataInputStream in = r.payload();
        int count = in.readInt();
        if (count < 0 || count > maxCount) throw r.invalid("vector count " + count + " is not in [0, " + maxCount + "]");
        List<String> idList = Payloads.readStrings(in, count, "ids");
        if (idList.size() != count) throw r.invalid(idList.size() + " ids for " + count + " vectors");
        int words = in.readInt();
        if (words != (count + 63) >>> 6) throw r.invalid("deleted bitset has " + words + " words for " + count + " vectors");
        long[] deleted = new long[Math.max(1, words)];
        int deletedCount = 0;
        for (int i = 0; i < words; i++) {
            deleted[i] = in.readLong();
            deletedCount += Long.bitCount(deleted[i]);
        }
        if (words > 0 && (count & 63) != 0 && (deleted[words - 1] >>> (count & 63)) != 0)
            throw r.invalid("deleted bitset marks ordinals beyond the vector count");
        long vecRel = in.readLong();
        int pad = in.readInt();
        if (pad < 0 || pad >= 64) throw r.invalid("alignment padding " + pad + " is impossible");
        in.skipNBytes(pad);
        long bytes = 4L * dim * count;
        if (vecRel < 0 || vecRel + bytes > r.payloadLength()) throw r.invalid("vector section lies outside the payload");
        String[] ids = idList.toArray(new String[Math.max(16, count)]);
        java.util.HashSet<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            if (ids[i].isEmpty()) throw r.invalid("id of ordinal " + i + " is empty");
            if (!isSet(deleted, i) && !seen.add(ids[i])) throw r.invalid("id '" + ids[i] + "' is live twice");
        }
        if (map) {
            in.skipNBytes(bytes);
            int perBuffer = Integer.highestOneBit(Math.max(1, (Integer.MAX_VALUE - 64) / (4 * dim)));
            int bits = Integer.numberOfTrailingZeros(perBuffer);
            int buffers = (int) ((count + (long) perBuffer - 1) / perBuffer);
            ByteBuffer[] mapped = new ByteBuffer[buffers];
            try (FileChannel ch = FileChannel.open(r.file(), StandardOpenOption.READ)) {
                for (int b = 0; b < buffers; b++) {
                    long first = (long) b * perBuffer;
                    long n = Math.min(perBuffer, count - first);
                    mapped[b] = ch.map(FileChannel.MapMode.READ_ONLY, r.payloadOffset() + vecRel + first * 4 * dim,
                            n * 4 * dim).order(ByteOrder.LITTLE_ENDIAN);
                }
            }
            float[] norms = null;
            VectorStore s = new VectorStore(dim, metric, Quantization.NONE, mapped, bits, ids, null, deleted, count,
                    deletedCount);
            if (metric == Metric.L2) {
                norms = new float[count];
                View v = s.view();
                float[] buf = new float[dim];
                for (int o = 0; o < count; o++) {
                    v.copyVector(o, buf);
                    norms[o] = VectorMath.normSquared(buf);
                }
                s.norms = norms;
            }
            return s;
        }
        VectorStore s = new VectorStore(dim, metric, Quantization.NONE, Math.max(16, count));
        byte[] chunk = new byte[4 * dim * 256];
        ByteBuffer bb = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        float[] buf = new float[dim];
        for (int o = 0; o < count; ) {
            int n = Math.min(256, count - o);
            in.readFully(chunk, 0, 4 * dim * n);
            bb.clear();
            for (int j = 0; j < n; j++, o++) {
                for (int i = 0; i < dim; i++) {
                    float f = bb.getFloat();
                    if (!Float.isFinite(f)) throw r.invalid("vector " + o + " component " + i + " is " + f);
                    buf[i] = f;
                }
                s.ensureCapacity(o + 1);
                System.arraycopy(buf, 0, s.pages[o >>> s.pageBits], (o & s.pageMask) * dim, dim);
                s.ids[o] = ids[o];
                if (s.norms != null) s.norms[o] = VectorMath.normSquared(buf);
                if (!isSet(deleted, o)) s.ordOf.put(ids[o], o);
            }
        }
        System.arraycopy(deleted, 0, s.deleted, 0, Math.min(deleted.length, s.deleted.length));
        s.deletedCount = deletedCount;
        s.count = count;
        return s;
    }

    static boolean isSet(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    // ------------------------------------------------------------------ reads

    /**
     * A consistent snapshot for reading: the ordinals below {@link #count} with their vectors and ids. Deleted bits
     * are read live (a delete that completed before the view was taken is always seen). One per query; immutable.
     */
    public static final class View {
        /** Ordinals {@code < count} are readable. */
        public final int count;
        private final VectorStore store;
        private final float[][] pages;
        private final String[] ids;
        private final float[] norms;
        private final long[] deleted;
        private final int pageBits;
        private final int pageMask;
        private final int dim;
        private final Kernels k = VectorMath.KERNELS;
        private final Int8Codes codes;

        View(VectorStore store, int count, float[][] pages, String[] ids, float[] norms, long[] deleted,
             Int8Codes codes) {
            this.codes = codes;
            this.store = store;
            this.count = count;
            this.pages = pages;
            this.ids = ids;
            this.norms = norms;
            this.deleted = deleted;
            this.pageBits = store.pageBits;
            this.pageMask = store.pageMask;
            this.dim = store.dim;
        }

        /**
         * The int8 codes, or {@code null} without quantisation or before training. They may cover fewer ordinals than
         * {@link #count} (vectors appended since the last sync) or more (appended after this view was taken): use
         * {@code min(codes.count(), count)}.
         */
        public Int8Codes codes() {
            return codes;
        }

        /** Whether the vectors are on the heap in pages (else memory-mapped). */
        public boolean onHeap() {
            return pages != null;
        }

        /** Vectors per page (heap mode). */
        public int pageSize() {
            return pageMask + 1;
        }

        /** The page holding an ordinal (heap mode). */
        public float[] page(int ord) {
            return pages[ord >>> pageBits];
        }

        /** The float offset of an ordinal in its page (heap mode). */
        public int offset(int ord) {
            return (ord & pageMask) * dim;
        }

        /** The caller's id of an ordinal. */
        public String id(int ord) {
            return ids[ord];
        }

        /** Whether the ordinal is live (not deleted). */
        public boolean isLive(int ord) {
            return !isSet(deleted, ord);
        }

        /** Vector dimension. */
        public int dimension() {
            return dim;
        }

        /** The squared norm of an ordinal's vector under L2, else 0 (what {@link #score} expects as query norm). */
        public float normSquaredOrZero(int ord) {
            return norms == null ? 0f : norms[ord];
        }

        /** The internal similarity of two stored vectors (heap mode). */
        public float similarity(int a, int b) {
            float d = k.dot(pages[a >>> pageBits], (a & pageMask) * dim, pages[b >>> pageBits], (b & pageMask) * dim, dim);
            return norms == null ? d : 2 * d - norms[a] - norms[b];
        }

        /** The squared norm of an ordinal's vector (L2 only). */
        public float normSquared(int ord) {
            return norms[ord];
        }

        /** Raw dot product of a prepared query with an ordinal's vector. */
        public float dot(float[] q, int ord) {
            if (pages != null) return k.dot(q, 0, pages[ord >>> pageBits], (ord & pageMask) * dim, dim);
            ByteBuffer b = store.mapped[ord >>> store.mappedBits];
            return k.dot(q, 0, b, (ord & ((1 << store.mappedBits) - 1)) * 4 * dim, dim);
        }

        /**
         * The internal similarity (higher is closer): the dot product, or for L2 the negated squared distance given
         * the query's squared norm.
         */
        public float score(float[] q, float qNormSq, int ord) {
            float d = dot(q, ord);
            return norms == null ? d : 2 * d - qNormSq - norms[ord];
        }

        /** Copies an ordinal's vector into {@code out}. */
        public void copyVector(int ord, float[] out) {
            if (pages != null) {
                System.arraycopy(pages[ord >>> pageBits], (ord & pageMask) * dim, out, 0, dim);
            } else {
                ByteBuffer b = store.mapped[ord >>> store.mappedBits];
                int p = (ord & ((1 << store.mappedBits) - 1)) * 4 * dim;
                for (int i = 0; i < dim; i++) out[i] = b.getFloat(p + 4 * i);
            }
        }

        /** Resolves a filter for this view; {@code null} for {@link VectorFilter#ALL}. */
        public OrdinalFilter compile(VectorFilter f) {
            java.util.Objects.requireNonNull(f, "filter");
            if (f == VectorFilter.ALL) return null;
            Optional<Set<String>> allowed = f.allowedIds();
            if (allowed.isPresent()) {
                long[] bits = new long[(count + 63) >>> 6];
                int[] ords = new int[allowed.get().size()];
                int n = 0;
                for (String id : allowed.get()) {
                    Integer o = id == null ? null : store.ordOf.get(id);
                    if (o != null && o < count && f.accept(id)) {
                        bits[o >>> 6] |= 1L << o;
                        ords[n++] = o;
                    }
                }
                int[] sorted = Arrays.copyOf(ords, n);
                Arrays.sort(sorted);
                return new BitsFilter(bits, n, sorted);
            }
            Optional<Set<String>> denied = f.deniedIds();
            if (denied.isPresent()) {
                long[] bits = new long[(count + 63) >>> 6];
                Arrays.fill(bits, -1L);
                int n = count;
                for (String id : denied.get()) {
                    Integer o = id == null ? null : store.ordOf.get(id);
                    if (o != null && o < count && (bits[o >>> 6] & (1L << o)) != 0) {
                        bits[o >>> 6] &= ~(1L << o);
                        n--;
                    }
                }
                return new BitsFilter(bits, n, null);
            }
            return new PredicateFilter(f, ids, count);
        }
    }

    private record BitsFilter(long[] bits, int cardinality, int[] sorted) implements OrdinalFilter {
        @Override
        public boolean accept(int ord) {
            return (bits[ord >>> 6] & (1L << ord)) != 0;
        }

        @Override
        public int estimatedCount() {
            return cardinality;
        }

        @Override
        public int[] acceptedOrdinals() {
            return sorted;
        }
    }

    private static final class PredicateFilter implements OrdinalFilter {
        private final VectorFilter f;
        private final String[] ids;
        private final int count;

        PredicateFilter(VectorFilter f, String[] ids, int count) {
            this.f = f;
            this.ids = ids;
            this.count = count;
        }

        @Override
        public boolean accept(int ord) {
            return f.accept(ids[ord]);
        }

        @Override
        public int estimatedCount() {
            if (count == 0) return 0;
            int samples = Math.min(count, 256);
            int hits = 0;
            for (int i = 0; i < samples; i++) if (accept((int) ((long) i * count / samples))) hits++;
            return (int) ((long) hits * count / samples);
        }
    }
}
