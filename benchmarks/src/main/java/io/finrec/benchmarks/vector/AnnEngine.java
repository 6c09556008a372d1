package io.finrec.benchmarks.vector;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchHit;
import io.finrec.api.vector.SearchRequest;
import io.finrec.vectorsearch.hnsw.HnswConfig;
import io.finrec.vectorsearch.hnsw.HnswIndex;
import io.finrec.vectorsearch.quant.Quantization;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;

/**
 * One HNSW-style engine behind a tiny common interface, so FinRec, jvector and Lucene are built and searched on the
 * same data, inner product, in one JVM. Not thread-safe unless stated: build once, then {@link #search} from one
 * thread (the FinRec engine's search is thread-safe).
 */
abstract class AnnEngine {
    /** Engine name for reports. */
    abstract String name();

    /** Builds over {@code base} (row numbers are the ids) with up to {@code threads} threads. */
    abstract void build(float[][] base, int m, int efConstruction, int threads);

    /** The row numbers of the best {@code k} base vectors, searching with breadth {@code ef}. */
    abstract int[] search(float[] query, int k, int ef);

    static List<AnnEngine> all() {
        return List.of(new FinRec(), new FinRecInt8(false), new FinRecInt8(true), new JVector(), new Lucene());
    }

    static AnnEngine named(String name) {
        for (AnnEngine e : all()) if (e.name().equals(name)) return e;
        throw new IllegalArgumentException("engine: '" + name + "' is not one of finrec, finrec-int8, finrec-int8-copy, jvector, lucene");
    }

    /** FinRec's {@link HnswIndex}. */
    static class FinRec extends AnnEngine {
        HnswIndex index;

        @Override
        String name() {
            return "finrec";
        }

        Quantization quantization() {
            return Quantization.NONE;
        }

        @Override
        void build(float[][] base, int m, int efConstruction, int threads) {
            index = HnswIndex.create(base[0].length, Metric.INNER_PRODUCT, HnswConfig.builder().m(m)
                    .efConstruction(efConstruction).buildThreads(threads).quantization(quantization()).build());
            List<String> ids = new ArrayList<>(base.length);
            for (int i = 0; i < base.length; i++) ids.add(Integer.toString(i));
            index.addAll(ids, Arrays.asList(base), threads, ProgressListener.NONE);
        }

        @Override
        int[] search(float[] query, int k, int ef) {
            List<SearchHit> hits = index.search(query, SearchRequest.topK(k).withEf(ef));
            int[] out = new int[hits.size()];
            for (int i = 0; i < out.length; i++) out[i] = Integer.parseInt(hits.get(i).id());
            return out;
        }
    }

    /**
     * FinRec's {@link HnswIndex} with int8 codes: built on them ({@code finrec-int8}: traversal on codes, neighbours
     * chosen on floats), or ({@code finrec-int8-copy}, through {@link #copyOf}) over the very graph of a float index
     * (saved, then loaded with codes), so the two differ only in how searches score.
     */
    static final class FinRecInt8 extends FinRec {
        final boolean copy;

        FinRecInt8(boolean copy) {
            this.copy = copy;
        }

        @Override
        String name() {
            return copy ? "finrec-int8-copy" : "finrec-int8";
        }

        @Override
        Quantization quantization() {
            return Quantization.INT8;
        }

        /** This engine over the graph of a built float engine. */
        static FinRecInt8 copyOf(FinRec built) {
            try {
                java.nio.file.Path f = java.nio.file.Files.createTempFile("finrec-ann", ".frec");
                try {
                    built.index.save(f);
                    FinRecInt8 e = new FinRecInt8(true);
                    e.index = HnswIndex.load(f, Quantization.INT8);
                    return e;
                } finally {
                    java.nio.file.Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** jvector's graph (Vamana-style, one layer, alpha 1.2, overflow 1.2: its defaults). */
    static final class JVector extends AnnEngine {
        static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();
        RandomAccessVectorValues ravv;
        OnHeapGraphIndex graph;
        GraphSearcher searcher;

        @Override
        String name() {
            return "jvector";
        }

        @Override
        void build(float[][] base, int m, int efConstruction, int threads) {
            List<VectorFloat<?>> list = new ArrayList<>(base.length);
            for (float[] v : base) list.add(VTS.createFloatVector(v));
            ravv = new ListRandomAccessVectorValues(list, base[0].length);
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                GraphIndexBuilder b = new GraphIndexBuilder(
                        io.github.jbellis.jvector.graph.similarity.BuildScoreProvider.randomAccessScoreProvider(ravv,
                                VectorSimilarityFunction.DOT_PRODUCT),
                        base[0].length, m, efConstruction, 1.2f, 1.2f, pool, pool);
                graph = b.build(ravv);
            } finally {
                pool.shutdown();
            }
            searcher = new GraphSearcher(graph);
        }

        @Override
        int[] search(float[] query, int k, int ef) {
            VectorFloat<?> q = VTS.createFloatVector(query);
            SearchResult r = searcher.search(SearchScoreProvider.exact(q, VectorSimilarityFunction.DOT_PRODUCT, ravv),
                    k, Math.max(k, ef), 0f, 0f, Bits.ALL);
            SearchResult.NodeScore[] ns = r.getNodes();
            int[] out = new int[Math.min(k, ns.length)];
            for (int i = 0; i < out.length; i++) out[i] = ns[i].node;
            return out;
        }
    }

    /** Lucene's {@code util.hnsw} graph, built on one thread as Lucene's flush does. */
    static final class Lucene extends AnnEngine {
        org.apache.lucene.util.hnsw.RandomAccessVectorValues.Floats values;
        OnHeapHnswGraph graph;

        @Override
        String name() {
            return "lucene";
        }

        @Override
        void build(float[][] base, int m, int efConstruction, int threads) {
            try {
                values = org.apache.lucene.util.hnsw.RandomAccessVectorValues.fromFloats(Arrays.asList(base),
                        base[0].length);
                HnswGraphBuilder b = HnswGraphBuilder.create(DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorerSupplier(
                        org.apache.lucene.index.VectorSimilarityFunction.DOT_PRODUCT, values), m, efConstruction, 42L);
                graph = b.build(base.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        int[] search(float[] query, int k, int ef) {
            try {
                RandomVectorScorer scorer = DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorer(
                        org.apache.lucene.index.VectorSimilarityFunction.DOT_PRODUCT, values, query);
                TopKnnCollector c = new TopKnnCollector(Math.max(k, ef), Integer.MAX_VALUE);
                HnswGraphSearcher.search(scorer, c, graph, null);
                TopDocs td = c.topDocs();
                int[] out = new int[Math.min(k, td.scoreDocs.length)];
                for (int i = 0; i < out.length; i++) out[i] = td.scoreDocs[i].doc;
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
