package io.finrec.benchmarks.vector;

import io.finrec.api.vector.Metric;
import io.finrec.vectorsearch.data.GroundTruth;
import io.finrec.vectorsearch.data.SyntheticEmbeddings;

/** The benchmark set: the seeded embedding-like generator (d=384, 1,000 clusters), queries and exact top-10. */
final class VectorData {
    final float[][] base;
    final float[][] queries;
    final int[][] truth;

    VectorData(int n, int queryCount, boolean withTruth) {
        SyntheticEmbeddings g = new SyntheticEmbeddings(SyntheticEmbeddings.Config.embeddingLike(42));
        int threads = Runtime.getRuntime().availableProcessors();
        base = g.base(n, threads);
        queries = g.queries(queryCount, threads);
        truth = withTruth ? GroundTruth.exactTopK(base, queries, Metric.INNER_PRODUCT, 10, threads) : null;
    }

    /** Mean recall@10 of an engine's answers. */
    double recall(AnnEngine e, int ef) {
        double sum = 0;
        for (int q = 0; q < queries.length; q++) {
            int[] got = e.search(queries[q], 10, ef);
            java.util.Set<Integer> want = new java.util.HashSet<>();
            for (int t : truth[q]) want.add(t);
            int hit = 0;
            for (int g : got) if (want.contains(g)) hit++;
            sum += hit / 10.0;
        }
        return sum / queries.length;
    }
}
