package io.finrec.vectorsearch.flat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchHit;
import io.finrec.api.vector.SearchRequest;
import io.finrec.api.vector.VectorFilter;
import io.finrec.vectorsearch.data.SyntheticEmbeddings;
import io.finrec.vectorsearch.quant.Quantization;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The int8 flat scan returns exactly the float scan's hits (ids and scores), for every metric, with vectors far outside
 * the trained range, with ties, and with filters; and it re-ranks only a small share of the vectors.
 */
class Int8ScanTest {
    static final int DIM = 64;

    @Test
    void resultsAreIdenticalToTheFloatScan() {
        SyntheticEmbeddings g = new SyntheticEmbeddings(new SyntheticEmbeddings.Config(DIM, 30, 4, 0.6, 0.5, 5L));
        float[][] base = g.base(5000, 2);
        float[][] queries = g.queries(60, 2);
        SplittableRandom rnd = new SplittableRandom(1);
        for (Metric metric : Metric.values()) {
            FlatIndex floats = FlatIndex.create(DIM, metric);
            FlatIndex codes = FlatIndex.create(DIM, metric, Quantization.INT8);
            for (int i = 0; i < base.length; i++) {
                float[] v = base[i].clone();
                if (i >= 3000 && i % 10 == 0) for (int d = 0; d < DIM; d++) v[d] *= 40; // beyond the trained range
                if (i >= 3000 && i % 10 == 1) v = base[i - 1].clone(); // exact ties
                floats.add("v" + i, v);
                codes.add("v" + i, v);
            }
            long reranked = 0;
            for (int qi = 0; qi < queries.length; qi++) {
                float[] q = queries[qi].clone();
                if (qi % 3 == 0) for (int d = 0; d < DIM; d++) q[d] *= 1e4f;
                VectorFilter f = qi % 4 == 1 ? VectorFilter.where(id -> rnd.nextInt(3) > 0 || id.endsWith("7"))
                        : VectorFilter.ALL;
                SearchRequest r = SearchRequest.topK(qi % 2 == 0 ? 10 : 1).withFilter(qi % 4 == 1
                        ? VectorFilter.where(id -> id.hashCode() % 3 != 0) : VectorFilter.ALL);
                List<SearchHit> want = floats.search(q, r);
                List<SearchHit> got = codes.search(q, r);
                assertEquals(want, got, metric + " query " + qi);
                reranked += Int8Scan.LAST_RERANKED.get()[0];
            }
            double share = reranked / (double) queries.length / base.length;
            assertTrue(share < 0.05, metric + ": re-ranked " + share + " of the vectors per query");
        }
    }
}
