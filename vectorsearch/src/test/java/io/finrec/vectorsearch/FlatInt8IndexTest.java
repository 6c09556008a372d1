package io.finrec.vectorsearch;

import io.finrec.api.vector.Metric;
import io.finrec.api.vector.VectorIndex;
import io.finrec.vectorsearch.flat.FlatIndex;
import io.finrec.vectorsearch.quant.Quantization;

/** The contract suite on the exact index with int8 codes: still exact (minimum recall 1.0, batch equals single). */
class FlatInt8IndexTest extends FlatIndexTest {
    @Override
    VectorIndex create(int dimension, Metric metric) {
        return FlatIndex.create(dimension, metric, Quantization.INT8);
    }
}
