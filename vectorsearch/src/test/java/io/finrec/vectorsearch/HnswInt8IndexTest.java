package io.finrec.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchHit;
import io.finrec.api.vector.SearchRequest;
import io.finrec.api.vector.VectorFilter;
import io.finrec.vectorsearch.hnsw.HnswConfig;
import io.finrec.vectorsearch.hnsw.HnswIndex;
import io.finrec.vectorsearch.quant.Quantization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract suite and the HNSW tests on an index traversing int8 codes and re-ranking on floats. */
class HnswInt8IndexTest extends HnswIndexTest {
    @Override
    HnswConfig config() {
        return CONFIG.toBuilder().quantization(Quantization.INT8).build();
    }

    /**
     * On one graph (a float index saved, then loaded with codes), traversing the codes loses almost no recall at small
     * ef, where scoring errors would show first, and every returned score is the float score of the returned vector.
     */
    @Test
    void codesOnTheSameGraphKeepRecallAndReturnExactScores() throws IOException {
        HnswIndex floats = HnswIndex.create(DIM, Metric.INNER_PRODUCT, CONFIG);
        floats.addAll(ids, List.of(base), 2, ProgressListener.NONE);
        Path file = dir.resolve("floats.frec");
        floats.save(file);
        HnswIndex coded = HnswIndex.load(file, Quantization.INT8);
        assertEquals(Quantization.INT8, coded.config().quantization());
        assertEquals(Quantization.NONE, HnswIndex.load(file).config().quantization());
        List<List<SearchHit>> truth = exact(VectorFilter.ALL, Set.of());
        for (int ef : new int[] {10, 20, 40}) {
            SearchRequest r = SearchRequest.topK(K).withEf(ef);
            double withFloats = recall(truth, searchAll(floats, r));
            List<List<SearchHit>> got = searchAll(coded, r);
            double withCodes = recall(truth, got);
            assertTrue(withCodes >= withFloats - 0.03, "ef " + ef + ": recall " + withCodes + " on codes, "
                    + withFloats + " on floats");
            for (int q = 0; q < queries.length; q++) {
                assertEquals(K, got.get(q).size());
                for (SearchHit h : got.get(q)) {
                    float want = 0;
                    for (int d = 0; d < DIM; d++) want += base[row(h)][d] * queries[q][d];
                    assertEquals(want, h.score(), 1e-5, "re-ranked score of " + h.id());
                }
            }
        }
        assertTrue(coded.ramBytesUsed() >= floats.ramBytesUsed() + (long) N * DIM, "the codes are kept and counted");
    }
}
