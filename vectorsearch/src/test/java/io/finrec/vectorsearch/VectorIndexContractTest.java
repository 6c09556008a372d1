package io.finrec.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.model.ModelFormatException;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchHit;
import io.finrec.api.vector.SearchRequest;
import io.finrec.api.vector.VectorFilter;
import io.finrec.api.vector.VectorIndex;
import io.finrec.api.vector.VectorSearcher;
import io.finrec.vectorsearch.data.GroundTruth;
import io.finrec.vectorsearch.data.SyntheticEmbeddings;
import io.finrec.vectorsearch.flat.FlatIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link VectorIndex} implementation must meet; each index has a subclass. Approximate indexes
 * are measured against the flat (exact) index on a seeded synthetic set.
 */
abstract class VectorIndexContractTest {
    static final int N = 4000;
    static final int DIM = 48;
    static final int K = 10;
    static float[][] base;
    static float[][] queries;
    static List<String> ids;

    @TempDir
    Path dir;

    /** A new empty index. */
    abstract VectorIndex create(int dimension, Metric metric);

    /** Loads a saved index onto the heap. */
    abstract VectorIndex load(Path file) throws IOException;

    /** Opens a saved index memory-mapped, read-only. */
    abstract VectorSearcher openMapped(Path file) throws IOException;

    /** Lowest acceptable recall@10 against exact search (1.0 for exact indexes). */
    abstract double minRecall();

    /** The request used for recall checks (an approximate index may widen ef). */
    SearchRequest request(int k) {
        return SearchRequest.topK(k);
    }

    @BeforeAll
    static void data() {
        SyntheticEmbeddings g = new SyntheticEmbeddings(new SyntheticEmbeddings.Config(DIM, 40, 4, 0.6, 0.5, 7L));
        base = g.base(N, 2);
        queries = g.queries(100, 2);
        ids = IntStream.range(0, N).mapToObj(i -> "v" + i).collect(Collectors.toList());
    }

    VectorIndex filled(Metric metric) {
        VectorIndex index = create(DIM, metric);
        index.addAll(ids, List.of(base), 2, ProgressListener.NONE);
        return index;
    }

    static int row(SearchHit h) {
        return Integer.parseInt(h.id().substring(1));
    }

    static double recall(List<List<SearchHit>> exact, List<List<SearchHit>> got) {
        double sum = 0;
        for (int q = 0; q < exact.size(); q++) {
            Set<String> want = exact.get(q).stream().map(SearchHit::id).collect(Collectors.toSet());
            long found = got.get(q).stream().filter(h -> want.contains(h.id())).count();
            sum += want.isEmpty() ? 1 : (double) found / want.size();
        }
        return sum / exact.size();
    }

    List<List<SearchHit>> exact(VectorFilter filter, Set<String> deleted) {
        FlatIndex flat = FlatIndex.create(DIM, Metric.INNER_PRODUCT);
        for (int i = 0; i < N; i++) if (!deleted.contains(ids.get(i))) flat.add(ids.get(i), base[i]);
        return flat.searchBatch(queries, SearchRequest.topK(K).withFilter(filter), 1);
    }

    List<List<SearchHit>> searchAll(VectorSearcher index, SearchRequest r) {
        List<List<SearchHit>> out = new ArrayList<>();
        for (float[] q : queries) out.add(index.search(q, r));
        return out;
    }

    @Test
    void closedFormScoresForEachMetric() {
        VectorIndex ip = create(2, Metric.INNER_PRODUCT);
        ip.add("a", new float[] {1, 0});
        ip.add("b", new float[] {3, 4});
        ip.add("c", new float[] {-1, 0});
        List<SearchHit> hits = ip.search(new float[] {1, 1}, SearchRequest.topK(3));
        assertEquals(List.of(new SearchHit("b", 7f), new SearchHit("a", 1f), new SearchHit("c", -1f)), hits);

        VectorIndex cos = create(2, Metric.COSINE);
        cos.add("a", new float[] {2, 0});
        cos.add("b", new float[] {3, 4});
        hits = cos.search(new float[] {0, 10}, SearchRequest.topK(2));
        assertEquals("b", hits.get(0).id());
        assertEquals(0.8f, hits.get(0).score(), 1e-6);
        assertEquals(0f, hits.get(1).score(), 1e-6);
        assertEquals(1f, cos.search(new float[] {3, 4}, SearchRequest.topK(1)).get(0).score(), 0f, "clamped to 1");
        assertEquals(0.6f, cos.vector("b").orElseThrow()[0], 1e-6, "stored normalised");

        VectorIndex l2 = create(2, Metric.L2);
        l2.add("a", new float[] {1, 1});
        l2.add("b", new float[] {4, 5});
        hits = l2.search(new float[] {1, 2}, SearchRequest.topK(2));
        assertEquals("a", hits.get(0).id());
        assertEquals(-1f, hits.get(0).score(), 1e-5);
        assertEquals(-18f, hits.get(1).score(), 1e-4);
    }

    @Test
    void kLargerThanTheIndexReturnsEverythingAndEmptyIndexReturnsNothing() {
        VectorIndex index = create(3, Metric.INNER_PRODUCT);
        assertEquals(List.of(), index.search(new float[] {1, 2, 3}, SearchRequest.topK(5)));
        index.add("x", new float[] {1, 0, 0});
        index.add("y", new float[] {0, 1, 0});
        assertEquals(2, index.search(new float[] {1, 2, 3}, SearchRequest.topK(5)).size());
    }

    @Test
    void recallAgainstExactSearchAndBatchEqualsSingle() {
        VectorIndex index = filled(Metric.INNER_PRODUCT);
        List<List<SearchHit>> exact = exact(VectorFilter.ALL, Set.of());
        List<List<SearchHit>> got = searchAll(index, request(K));
        double r = recall(exact, got);
        assertTrue(r >= minRecall(), "recall@10 " + r + " < " + minRecall());
        List<List<SearchHit>> batch = index.searchBatch(queries, request(K), 2);
        for (int q = 0; q < queries.length; q++) {
            assertEquals(got.get(q).stream().map(SearchHit::id).collect(Collectors.toList()),
                    batch.get(q).stream().map(SearchHit::id).collect(Collectors.toList()), "query " + q);
        }
        for (List<SearchHit> hits : got) {
            for (int i = 1; i < hits.size(); i++) assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
        }
    }

    @Test
    void filtersAreAppliedDuringSearchAtEverySelectivity() {
        VectorIndex index = filled(Metric.INNER_PRODUCT);
        for (double keep : new double[] {0.01, 0.10, 0.50}) {
            Set<String> allowed = new HashSet<>();
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
            for (String id : ids) if (rnd.nextDouble() < keep) allowed.add(id);
            for (VectorFilter f : List.of(VectorFilter.ofIds(allowed), VectorFilter.where(allowed::contains))) {
                List<List<SearchHit>> got = searchAll(index, request(K).withFilter(f));
                for (List<SearchHit> hits : got) {
                    assertEquals(Math.min(K, allowed.size()), hits.size(), "filter keeps " + keep + " returns k");
                    for (SearchHit h : hits) assertTrue(allowed.contains(h.id()), "filtered id returned: " + h.id());
                }
                double r = recall(exact(f, Set.of()), got);
                assertTrue(r >= minRecall() - 0.02, "filtered recall " + r + " at selectivity " + keep + " " + f);
            }
        }
        Set<String> denied = new HashSet<>(ids.subList(0, N / 2));
        for (List<SearchHit> hits : searchAll(index, request(K).withFilter(VectorFilter.excluding(denied)))) {
            assertEquals(K, hits.size());
            for (SearchHit h : hits) assertFalse(denied.contains(h.id()));
        }
        assertEquals(List.of(), index.search(queries[0], request(K).withFilter(VectorFilter.ofIds(Set.of("nope")))));
    }

    @Test
    void deletesAreNeverReturnedUpsertsReplaceAndCompactionKeepsResults() {
        VectorIndex index = filled(Metric.INNER_PRODUCT);
        List<List<SearchHit>> before = searchAll(index, request(K));
        Set<String> deleted = new HashSet<>();
        for (List<SearchHit> hits : before.subList(0, 20)) deleted.add(hits.get(0).id());
        for (int i = 0; i < N; i += 7) deleted.add(ids.get(i));
        for (String id : deleted) assertTrue(index.delete(id));
        assertFalse(index.delete("v0"), "second delete of v0");
        assertFalse(index.delete("never-added"));
        assertEquals(N - deleted.size(), index.size());
        assertEquals(deleted.size(), index.deletedCount());
        assertFalse(index.contains("v0"));
        assertTrue(index.vector("v0").isEmpty());
        List<List<SearchHit>> after = searchAll(index, request(K));
        for (List<SearchHit> hits : after) {
            assertEquals(K, hits.size());
            for (SearchHit h : hits) assertFalse(deleted.contains(h.id()), "deleted id returned: " + h.id());
        }
        assertTrue(recall(exact(VectorFilter.ALL, deleted), after) >= minRecall() - 0.02);

        index.compact();
        assertEquals(0, index.deletedCount());
        assertEquals(N - deleted.size(), index.size());
        List<List<SearchHit>> compacted = searchAll(index, request(K));
        for (List<SearchHit> hits : compacted)
            for (SearchHit h : hits) assertFalse(deleted.contains(h.id()));
        assertTrue(recall(exact(VectorFilter.ALL, deleted), compacted) >= minRecall() - 0.02);

        // upsert: v1 moves onto query 0, so it becomes its best hit
        index.add("v1", queries[0]);
        assertEquals("v1", index.search(queries[0], request(1)).get(0).id());
        assertEquals(N - deleted.size(), index.size(), "upsert does not grow the live count");
        index.add("v0", base[0]);
        assertTrue(index.contains("v0"));
    }

    @Test
    void saveLoadAndMemoryMappedOpenGiveIdenticalResults() throws IOException {
        VectorIndex index = filled(Metric.COSINE);
        for (int i = 0; i < 50; i++) index.delete(ids.get(i * 3));
        Path file = dir.resolve("index.frec");
        index.save(file);
        List<List<SearchHit>> want = searchAll(index, request(K));
        VectorIndex loaded = load(file);
        assertEquals(index.size(), loaded.size());
        assertEquals(Metric.COSINE, loaded.metric());
        assertEquals(want, searchAll(loaded, request(K)));
        VectorSearcher mapped = openMapped(file);
        assertEquals(index.size(), mapped.size());
        List<List<SearchHit>> got = searchAll(mapped, request(K));
        for (int q = 0; q < want.size(); q++) {
            assertEquals(want.get(q).stream().map(SearchHit::id).collect(Collectors.toList()),
                    got.get(q).stream().map(SearchHit::id).collect(Collectors.toList()));
        }
        assertTrue(mapped.ramBytesUsed() < loaded.ramBytesUsed(), "mapped vectors are off-heap");
        loaded.add("new", base[1]);
        assertTrue(loaded.contains("new"));
        if (mapped instanceof VectorIndex w)
            assertThrows(UnsupportedOperationException.class, () -> w.add("x", base[0]));
    }

    @Test
    void corruptTruncatedAndForeignFilesAreRejected() throws IOException {
        VectorIndex index = filled(Metric.INNER_PRODUCT);
        Path file = dir.resolve("index.frec");
        index.save(file);
        byte[] bytes = Files.readAllBytes(file);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        Path bad = dir.resolve("bad.frec");
        Files.write(bad, flipped);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> load(bad));
        assertEquals(ModelFormatException.Reason.CHECKSUM_MISMATCH, e.reason());
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThrows(ModelFormatException.class, () -> load(bad));
        Files.writeString(bad, "id,vector\na,1 2 3\n");
        e = assertThrows(ModelFormatException.class, () -> load(bad));
        assertEquals(ModelFormatException.Reason.NOT_A_MODEL_FILE, e.reason());
    }

    @Test
    void badInputGetsClearErrors() {
        VectorIndex index = create(3, Metric.COSINE);
        index.add("a", new float[] {1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> index.add("b", new float[] {1, 2}));
        assertTrue(e.getMessage().contains("dimension 2") && e.getMessage().contains("'b'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> index.add("b", new float[] {1, Float.NaN, 2}));
        assertTrue(e.getMessage().contains("component 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> index.add("b", new float[] {0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> index.add("", new float[] {1, 0, 0}));
        assertThrows(NullPointerException.class, () -> index.add(null, new float[] {1, 0, 0}));
        e = assertThrows(IllegalArgumentException.class,
                () -> index.search(new float[] {1, Float.POSITIVE_INFINITY, 0}, SearchRequest.topK(1)));
        assertTrue(e.getMessage().startsWith("query"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> index.search(new float[4], SearchRequest.topK(1)));
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.topK(0));
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.topK(-3));
        e = assertThrows(IllegalArgumentException.class,
                () -> index.searchBatch(new float[][] {{1, 0, 0}, {1, 0}}, SearchRequest.topK(1), 1));
        assertTrue(e.getMessage().contains("queries[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> index.addAll(List.of("p", "q"),
                List.of(new float[] {1, 0, 0}, new float[] {1, 0, Float.NaN}), 1, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("'q'"), e.getMessage());
        assertFalse(index.delete("unknown"));
        assertTrue(index.vector("unknown").isEmpty());
        assertEquals(1, index.size(), "a bad row fails before any row is added");
        assertThrows(IllegalArgumentException.class, () -> create(0, Metric.L2));
    }

    @Test
    void searchesWhileAddingAndDeletingSeeOnlyCompleteVectors() throws Exception {
        VectorIndex index = create(DIM, Metric.INNER_PRODUCT);
        for (int i = 0; i < 500; i++) index.add(ids.get(i), base[i]);
        AtomicInteger added = new AtomicInteger(500);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 500; i < 2500; i++) {
                    index.add(ids.get(i), base[i]);
                    added.set(i + 1);
                    if (i % 10 == 0) index.delete(ids.get(i - 400));
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        });
        List<Thread> readers = new ArrayList<>();
        AtomicInteger searches = new AtomicInteger();
        for (int t = 0; t < 2; t++) {
            readers.add(new Thread(() -> {
                try {
                    while (writer.isAlive() || searches.get() < 50) {
                        int visible = added.get();
                        float[] query = queries[searches.get() % queries.length];
                        for (SearchHit h : index.search(query, request(K))) {
                            int r = row(h);
                            if (r >= 2500) throw new AssertionError("never-added id " + h.id());
                            // the score must be that of the complete vector
                            float want = 0;
                            for (int d = 0; d < DIM; d++) want += base[r][d] * query[d];
                            if (Math.abs(want - h.score()) > 1e-4) throw new AssertionError("torn vector " + h);
                        }
                        if (visible >= 500 && index.search(queries[0], request(K)).size() < K)
                            throw new AssertionError("lost results while adding");
                        searches.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        writer.start();
        readers.forEach(Thread::start);
        writer.join();
        for (Thread r : readers) r.join();
        if (failure.get() != null) throw new AssertionError("concurrent use failed", failure.get());
        assertTrue(searches.get() >= 50);
        assertEquals(2500 - 200, index.size());
        for (int i = 100; i < 2100; i += 10) assertFalse(index.contains(ids.get(i)), ids.get(i));
    }

    @Test
    void ramBytesUsedIsWithin30PercentOfMeasuredHeap() {
        Runtime rt = Runtime.getRuntime();
        long before = usedAfterGc(rt);
        VectorIndex index = create(128, Metric.INNER_PRODUCT);
        SyntheticEmbeddings g = new SyntheticEmbeddings(new SyntheticEmbeddings.Config(128, 20, 4, 0.6, 0.5, 3L));
        float[][] v = g.base(20_000, 2);
        List<String> names = IntStream.range(0, v.length).mapToObj(i -> "item-" + i).collect(Collectors.toList());
        long withData = usedAfterGc(rt);
        index.addAll(names, List.of(v), 2, ProgressListener.NONE);
        long after = usedAfterGc(rt);
        long measured = after - withData;
        long estimated = index.ramBytesUsed();
        assertTrue(Math.abs(estimated - measured) <= 0.3 * measured,
                "estimated " + estimated + " vs measured " + measured + " (baseline " + before + ")");
        assertNotEquals(0, index.size());
    }

    static long usedAfterGc(Runtime rt) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
