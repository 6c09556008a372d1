package io.finrec.vectorsearch.data;

import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchHit;
import io.finrec.api.vector.SearchRequest;
import io.finrec.vectorsearch.flat.FlatIndex;
import java.util.List;

/** Exact nearest neighbours (by the flat index) and recall@k against them. Stateless and thread-safe. */
public final class GroundTruth {
    private GroundTruth() {}

    /** The exact top-{@code k} base row numbers of each query, best first. */
    public static int[][] exactTopK(float[][] base, float[][] queries, Metric metric, int k, int threads) {
        if (base.length == 0) throw new IllegalArgumentException("base: is empty");
        FlatIndex flat = FlatIndex.create(base[0].length, metric);
        for (int i = 0; i < base.length; i++) flat.add(Integer.toString(i), base[i]);
        List<List<SearchHit>> hits = flat.searchBatch(queries, SearchRequest.topK(k), threads);
        int[][] out = new int[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            List<SearchHit> h = hits.get(q);
            out[q] = new int[h.size()];
            for (int j = 0; j < h.size(); j++) out[q][j] = Integer.parseInt(h.get(j).id());
        }
        return out;
    }

    /**
     * Mean recall@k: the share of each query's true top {@code k} (the first {@code k} of its truth row) found
     * among its first {@code k} results, whose ids are base row numbers.
     */
    public static double recall(int[][] truth, List<List<SearchHit>> results, int k) {
        if (truth.length != results.size())
            throw new IllegalArgumentException("results: " + results.size() + " answers for " + truth.length + " queries");
        double sum = 0;
        for (int q = 0; q < truth.length; q++) {
            int kk = Math.min(k, truth[q].length);
            if (kk == 0) continue;
            java.util.BitSet want = new java.util.BitSet();
            for (int j = 0; j < kk; j++) want.set(truth[q][j]);
            int found = 0;
            List<SearchHit> r = results.get(q);
            for (int j = 0; j < Math.min(k, r.size()); j++) if (want.get(Integer.parseInt(r.get(j).id()))) found++;
            sum += (double) found / kk;
        }
        return sum / truth.length;
    }
}
