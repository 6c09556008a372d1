package io.finrec.vectorsearch;

import io.finrec.api.vector.Metric;
import io.finrec.api.vector.VectorIndex;
import io.finrec.api.vector.VectorSearcher;
import io.finrec.vectorsearch.flat.FlatIndex;
import java.io.IOException;
import java.nio.file.Path;

/** The contract suite on the exact index. */
class FlatIndexTest extends VectorIndexContractTest {
    @Override
    VectorIndex create(int dimension, Metric metric) {
        return FlatIndex.create(dimension, metric);
    }

    @Override
    VectorIndex load(Path file) throws IOException {
        return FlatIndex.load(file);
    }

    @Override
    VectorSearcher openMapped(Path file) throws IOException {
        return FlatIndex.openMapped(file, true);
    }

    @Override
    double minRecall() {
        return 1.0;
    }
}
