package io.finrec.vectorsearch.storage;

import io.finrec.api.model.ModelFile;
import io.finrec.api.model.ModelHeader;
import io.finrec.api.model.Provenance;
import io.finrec.api.vector.Metric;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Header conventions shared by the index file kinds. Stateless and thread-safe. */
public final class IndexFiles {
    /** Most vectors an index file may declare (a tampered count can never make a reader allocate more). */
    public static final int MAX_VECTORS = Integer.MAX_VALUE - 8;

    private IndexFiles() {}

    /** The header of an index file: dimension, metric and counts first, then {@code extra}. */
    public static ModelHeader header(String kind, int version, VectorStore s, Map<String, ?> extra, long seed,
                                     int threads) {
        ObjectNode meta = ModelFile.metadata(extra);
        meta.put("dimension", s.dimension());
        meta.put("metric", s.metric().name());
        meta.put("vectors", s.count());
        meta.put("live", s.liveCount());
        return new ModelHeader(kind, version, meta, Provenance.now(seed, threads, "", Map.of()));
    }

    /** Reads and checks the dimension from a header. */
    public static int dimension(ModelFile.Reader r) throws IOException {
        int d = r.header().metadata().path("dimension").asInt(-1);
        if (d < 1 || d > (1 << 20)) throw r.invalid("dimension " + d + " is not in [1, 2^20]");
        return d;
    }

    /** Reads and checks the metric from a header. */
    public static Metric metric(ModelFile.Reader r) throws IOException {
        String m = r.header().metadata().path("metric").asText("");
        try {
            return Metric.valueOf(m);
        } catch (IllegalArgumentException e) {
            throw r.invalid("metric '" + m + "' is unknown");
        }
    }

    /** The file kind without opening the payload, to dispatch loads through an allow-list. */
    public static String kind(Path file) throws IOException {
        return ModelFile.readHeader(file).kind();
    }
}
