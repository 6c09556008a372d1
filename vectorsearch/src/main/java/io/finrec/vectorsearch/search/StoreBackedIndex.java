package io.finrec.vectorsearch.search;

import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchHit;
import io.finrec.api.vector.VectorIndex;
import io.finrec.vectorsearch.storage.VectorStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the flat and HNSW indexes share: the {@link VectorStore} behind them, id look-ups, argument checks, and the
 * mapping from internal to public scores. Subclasses publish a new store (after compaction) through
 * {@link #store(VectorStore)}. Thread safety: as {@link VectorIndex} (single writer, serialised on {@link #writeLock},
 * concurrent readers).
 */
public abstract class StoreBackedIndex implements VectorIndex {
    /** Writers synchronise on this. */
    protected final Object writeLock = new Object();
    private volatile VectorStore store;

    /** An index over a store. */
    protected StoreBackedIndex(VectorStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The current store. */
    protected final VectorStore store() {
        return store;
    }

    /** Publishes a new store (after compaction). */
    protected final void store(VectorStore s) {
        this.store = s;
    }

    @Override
    public final Metric metric() {
        return store.metric();
    }

    @Override
    public final int dimension() {
        return store.dimension();
    }

    @Override
    public final int size() {
        return store.liveCount();
    }

    @Override
    public final int deletedCount() {
        return store.deletedCount();
    }

    @Override
    public final boolean contains(String id) {
        Objects.requireNonNull(id, "id");
        return store.ordinal(id) >= 0;
    }

    @Override
    public final Optional<float[]> vector(String id) {
        Objects.requireNonNull(id, "id");
        VectorStore s = store;
        VectorStore.View v = s.view();
        int o = s.ordinal(id);
        if (o < 0 || o >= v.count) return Optional.empty();
        float[] out = new float[s.dimension()];
        v.copyVector(o, out);
        return Optional.of(out);
    }

    /** Checks an id and a vector for {@link #add} and returns the vector to store. */
    protected final float[] prepareForAdd(String id, float[] vector) {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) throw new IllegalArgumentException("id: must not be empty");
        return Queries.prepare(vector, dimension(), metric(), false, "vector of '" + id + "'");
    }

    /** Checks a query and returns the form to compute with. */
    protected final float[] prepareQuery(float[] query, String what) {
        return Queries.prepare(query, dimension(), metric(), false, what);
    }

    /** The squared norm a query contributes to L2 scores (0 for other metrics). */
    protected final float queryNorm(float[] preparedQuery) {
        if (metric() != Metric.L2) return 0f;
        return io.finrec.vectorsearch.math.VectorMath.normSquared(preparedQuery);
    }

    /** Drains a heap into public hits. */
    protected final List<SearchHit> hits(TopK heap, VectorStore.View view) {
        return metric() == Metric.COSINE ? heap.drainHits(view::id, s -> Math.max(-1f, Math.min(1f, s)))
                : heap.drainHits(view::id, s -> s);
    }

    /** Fails with {@link UnsupportedOperationException} on memory-mapped (read-only) indexes. */
    protected final void requireWritable() {
        if (store.isMapped()) throw new UnsupportedOperationException("this index is memory-mapped and read-only");
    }

    @Override
    public long ramBytesUsed() {
        return 64 + store.ramBytesUsed();
    }
}
