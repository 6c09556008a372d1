package io.finrec.vectorsearch.flat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchHit;
import io.finrec.api.vector.SearchRequest;
import io.finrec.api.vector.VectorFilter;
import io.finrec.vectorsearch.data.SyntheticEmbeddings;
import io.finrec.vectorsearch.quant.Quantization;
import io.finrec.api.vector.VectorSearcher;
import io.finrec.api.model.ModelFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                SearchRequest r = SearchRequest.topK(qi % 2 == 0 ? 10 : 1).withFilter(qi % 4 == 1
                        ? VectorFilter.where(id -> id.hashCode() % 3 != 0) : VectorFilter.ALL);
                List<SearchHit> want = floats.search(q, r);
                List<SearchHit> got = codes.search(q, r);
                assertEquals(want, got, metric + " query " + qi);
                reranked += codes.int8Rescored(q, r);
            }
            double share = reranked / (double) queries.length / base.length;
            assertTrue(share < 0.05, metric + ": re-ranked " + share + " of the vectors per query");
        }
    }

    @Test
    void aSavedIndexLoadsWithOrWithoutCodesAndStaysExact(@TempDir Path dir) throws IOException {
        SyntheticEmbeddings g = new SyntheticEmbeddings(new SyntheticEmbeddings.Config(DIM, 20, 4, 0.6, 0.5, 8L));
        float[][] base = g.base(3000, 2);
        float[][] queries = g.queries(20, 2);
        FlatIndex floats = FlatIndex.create(DIM, Metric.L2);
        for (int i = 0; i < base.length; i++) floats.add("v" + i, base[i]);
        Path file = dir.resolve("flat.frec");
        floats.save(file);
        FlatIndex coded = FlatIndex.load(file, Quantization.INT8);
        assertEquals(Quantization.INT8, coded.quantization());
        assertEquals(Quantization.NONE, FlatIndex.load(file).quantization());
        VectorSearcher mapped = FlatIndex.openMapped(file, true, Quantization.INT8);
        assertTrue(coded.ramBytesUsed() > floats.ramBytesUsed() + (long) base.length * DIM, "codes are counted");
        coded.save(dir.resolve("coded.frec"));
        FlatIndex again = FlatIndex.load(dir.resolve("coded.frec"));
        assertEquals(Quantization.INT8, again.quantization(), "the quantisation is saved");
        for (float[] q : queries) {
            List<SearchHit> want = floats.search(q, SearchRequest.topK(10));
            assertEquals(want, coded.search(q, SearchRequest.topK(10)));
            // the mapped index scores with the per-vector kernel over a buffer: same hits, scores to a few ulps
            List<SearchHit> got = mapped.search(q, SearchRequest.topK(10));
            assertEquals(want.stream().map(SearchHit::id).toList(), got.stream().map(SearchHit::id).toList());
            for (int i = 0; i < want.size(); i++)
                assertEquals(want.get(i).score(), got.get(i).score(), 1e-6 * (1 + Math.abs(want.get(i).score())));
            assertEquals(want, again.search(q, SearchRequest.topK(10)));
            assertEquals(want, FlatIndex.load(file, Quantization.NONE).search(q, SearchRequest.topK(10)));
        }
    }

    /**
     * The quantiser's parameters are the last thing before the checksum in a flat file: changed bytes fail the
     * checksum; a well-formed file (checksum recomputed) with a step of 0 fails on the named parameter.
     */
    @Test
    void tamperedQuantiserParametersAreRejected(@TempDir Path dir) throws IOException {
        SyntheticEmbeddings g = new SyntheticEmbeddings(new SyntheticEmbeddings.Config(DIM, 20, 4, 0.6, 0.5, 9L));
        FlatIndex coded = FlatIndex.create(DIM, Metric.INNER_PRODUCT, Quantization.INT8);
        float[][] base = g.base(2000, 2);
        for (int i = 0; i < base.length; i++) coded.add("v" + i, base[i]);
        Path file = dir.resolve("coded.frec");
        coded.save(file);
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        int lastStep = bytes.length - 8;
        assertTrue(java.nio.ByteBuffer.wrap(bytes).getFloat(lastStep) > 0, "layout: the last step precedes the CRC");

        byte[] flipped = bytes.clone();
        flipped[lastStep] ^= 0x01;
        Path bad = dir.resolve("bad.frec");
        java.nio.file.Files.write(bad, flipped);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> FlatIndex.load(bad));
        assertEquals(ModelFormatException.Reason.CHECKSUM_MISMATCH, e.reason());

        byte[] zero = bytes.clone();
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(zero);
        bb.putFloat(lastStep, 0f);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(zero, 18, zero.length - 4 - 18);
        bb.putInt(zero.length - 4, (int) crc.getValue());
        java.nio.file.Files.write(bad, zero);
        e = assertThrows(ModelFormatException.class, () -> FlatIndex.load(bad));
        assertTrue(e.getMessage().contains("int8 quantiser step " + (DIM - 1) + " is 0.0"), e.getMessage());
        assertThrows(ModelFormatException.class, () -> FlatIndex.openMapped(bad, false));
    }
}
