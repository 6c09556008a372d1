package io.finrec.vectorsearch;

import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchRequest;
import io.finrec.api.vector.VectorIndex;
import io.finrec.api.vector.VectorSearcher;
import io.finrec.vectorsearch.hnsw.HnswConfig;
import io.finrec.vectorsearch.hnsw.HnswIndex;
import java.io.IOException;
import java.nio.file.Path;

/** The contract suite on the HNSW index, with recall measured against the flat index. */
class HnswIndexTest extends VectorIndexContractTest {
    static final HnswConfig CONFIG = HnswConfig.builder().m(16).efConstruction(100).defaultEf(64).seed(3).buildThreads(2)
            .build();

    @Override
    VectorIndex create(int dimension, Metric metric) {
        return HnswIndex.create(dimension, metric, CONFIG);
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
}
