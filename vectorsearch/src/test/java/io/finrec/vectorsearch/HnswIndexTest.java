package io.finrec.vectorsearch;

import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchRequest;
import io.finrec.api.vector.VectorIndex;
import io.finrec.api.vector.VectorSearcher;
import io.finrec.vectorsearch.hnsw.HnswConfig;
import io.finrec.vectorsearch.hnsw.HnswIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.progress.OperationCancelledException;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.vector.SearchHit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract suite on the HNSW index, with recall measured against the flat index. */
class HnswIndexTest extends VectorIndexContractTest {
    static final HnswConfig CONFIG = HnswConfig.builder().m(16).efConstruction(100).defaultEf(64).seed(3).buildThreads(2)
            .build();

    /** The build settings of every index in this suite. */
    HnswConfig config() {
        return CONFIG;
    }

    @Override
    VectorIndex create(int dimension, Metric metric) {
        return HnswIndex.create(dimension, metric, config());
    }

    @Override
    VectorIndex load(Path file) throws IOException {
        return HnswIndex.load(file);
    }

    @Override
    VectorSearcher openMapped(Path file) throws IOException {
        return HnswIndex.openMapped(file, true);
    }

    @Override
    double minRecall() {
        return 0.95;
    }

    @Override
    SearchRequest request(int k) {
        return SearchRequest.topK(k).withEf(100);
    }

    @Test
    void oneThreadBuildsAreDeterministicGivenTheSeed() {
        HnswConfig one = config().toBuilder().buildThreads(1).build();
        HnswIndex a = HnswIndex.create(DIM, Metric.INNER_PRODUCT, one);
        HnswIndex b = HnswIndex.create(DIM, Metric.INNER_PRODUCT, one);
        a.addAll(ids.subList(0, 1500), List.of(base).subList(0, 1500), 1, ProgressListener.NONE);
        for (int i = 0; i < 1500; i++) b.add(ids.get(i), base[i]);
        for (float[] q : queries) {
            List<SearchHit> x = a.search(q, SearchRequest.topK(10).withEf(16));
            assertEquals(x, b.search(q, SearchRequest.topK(10).withEf(16)));
        }
    }

    @Test
    void cancelledBuildsStopAndNeverReturnUnlinkedVectors() {
        HnswIndex index = HnswIndex.create(DIM, Metric.INNER_PRODUCT, config());
        // Cancel at the second cancellation check (the first is at start, the second after the first batch of
        // inserts): counting checks rather than progress reports keeps this independent of timing, since reports
        // are rate-limited and a fast machine can build all 4,000 vectors between two of them.
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onProgress(io.finrec.api.progress.Progress p) { }

            @Override
            public boolean isCancelled() {
                return checks.incrementAndGet() >= 2;
            }
        };
        assertThrows(OperationCancelledException.class, () -> index.addAll(ids, List.of(base), 2, listener));
        assertTrue(index.size() < N, "stopped early: " + index.size());
        for (float[] q : queries)
            for (SearchHit h : index.search(q, request(K))) assertTrue(index.contains(h.id()), h.id());
    }

    @Test
    void filteredGraphTraversalKeepsRecallAndNeverReturnsRejectedIds() {
        VectorIndex index = filled(Metric.INNER_PRODUCT);
        // with ef = k = 10 on 4,000 vectors, filters keeping more than ~1,130 vectors are searched on the graph
        for (double keep : new double[] {0.35, 0.5, 0.8}) {
            java.util.Set<String> allowed = new java.util.HashSet<>();
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
            for (String id : ids) if (rnd.nextDouble() < keep) allowed.add(id);
            for (io.finrec.api.vector.VectorFilter f : List.of(io.finrec.api.vector.VectorFilter.ofIds(allowed),
                    io.finrec.api.vector.VectorFilter.where(allowed::contains))) {
                SearchRequest r = SearchRequest.topK(K).withEf(K).withFilter(f);
                List<List<SearchHit>> got = searchAll(index, r);
                for (List<SearchHit> hits : got) {
                    assertEquals(K, hits.size());
                    for (SearchHit h : hits) assertTrue(allowed.contains(h.id()), "rejected id " + h.id());
                }
                double recall = recall(exact(f, java.util.Set.of()), got);
                assertTrue(recall >= 0.85, "recall " + recall + " keeping " + keep + " with " + f);
            }
        }
    }
}
