package io.finrec.vectorsearch;

import io.finrec.vectorsearch.hnsw.HnswConfig;
import io.finrec.vectorsearch.quant.Quantization;

/** The contract suite and the HNSW tests on an index traversing int8 codes and re-ranking on floats. */
class HnswInt8IndexTest extends HnswIndexTest {
    @Override
    HnswConfig config() {
        return CONFIG.toBuilder().quantization(Quantization.INT8).build();
    }
}
