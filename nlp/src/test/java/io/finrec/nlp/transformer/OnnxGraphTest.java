package io.finrec.nlp.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ONNX protobuf reader and the HuggingFace naming of BERT weights, on hand-encoded models. */
class OnnxGraphTest {
    /** Minimal protobuf encoder for the test models. */
    static final class Pb {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pb varint(long v) {
            while ((v & ~0x7fL) != 0) {
                out.write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
            return this;
        }

        Pb tag(int field, int wire) {
            return varint(((long) field << 3) | wire);
        }

        Pb bytes(int field, byte[] b) {
            tag(field, 2).varint(b.length);
            out.writeBytes(b);
            return this;
        }

        Pb string(int field, String s) {
            return bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }

        Pb int64(int field, long v) {
            return tag(field, 0).varint(v);
        }

        byte[] done() {
            return out.toByteArray();
        }
    }

    static byte[] le(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    /** A float tensor with raw_data; dims packed or not. */
    static byte[] tensor(String name, long[] dims, float[] values, boolean packedDims) {
        Pb t = new Pb();
        if (packedDims) {
            Pb d = new Pb();
            for (long x : dims) d.varint(x);
            t.bytes(1, d.done());
        } else {
            for (long x : dims) t.int64(1, x);
        }
        t.int64(2, OnnxGraph.FLOAT).string(8, name).bytes(9, le(values));
        t.string(12, "doc string, an unknown field to skip");
        return t.done();
    }

    static byte[] node(String op, String name, String... inputs) {
        Pb n = new Pb();
        for (String i : inputs) n.string(1, i);
        n.string(2, name + "_out").string(3, name).string(4, op);
        n.bytes(5, new Pb().string(1, "attr").int64(3, 7).done()); // an attribute, skipped
        return n.done();
    }

    static byte[] model(List<byte[]> inits, List<byte[]> nodes) {
        Pb g = new Pb().string(2, "graph");
        for (byte[] n : nodes) g.bytes(1, n);
        for (byte[] i : inits) g.bytes(5, i);
        return new Pb().int64(1, 8).string(2, "test").bytes(7, g.done()).int64(5, 1).done();
    }

    @Test
    void readsInitializersNodesAndSkipsUnknownFields() throws IOException {
        byte[] floatData = new Pb().int64(1, 3).int64(2, OnnxGraph.FLOAT).string(8, "fd")
                .bytes(4, le(new float[] {1f, -2f, 3.5f})).done();
        byte[] int64 = new Pb().int64(1, 2).int64(2, 7).string(8, "ids").bytes(9, new byte[16]).done();
        byte[] m = model(List.of(tensor("w", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}, true),
                tensor("b", new long[] {3}, new float[] {0.5f, 0.25f, -1f}, false), floatData, int64),
                List.of(node("MatMul", "/a/MatMul", "x", "w"), node("Add", "/a/Add", "/a/MatMul_out", "b")));
        OnnxGraph g = OnnxGraph.parse(ByteBuffer.wrap(m), "test");
        assertEquals(List.of("w", "b", "fd", "ids"), List.copyOf(g.initializers().keySet()));
        OnnxGraph.Tensor w = g.initializers().get("w");
        assertArrayEquals(new long[] {2, 3}, w.dims());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, w.values());
        assertArrayEquals(new float[] {0.5f, 0.25f, -1f}, g.initializers().get("b").values());
        assertArrayEquals(new float[] {1f, -2f, 3.5f}, g.initializers().get("fd").values());
        assertNull(g.initializers().get("ids").values());
        assertEquals(7, g.initializers().get("ids").dataType());
        assertEquals(2, g.nodes().size());
        assertEquals(new OnnxGraph.Node("MatMul", "/a/MatMul", List.of("x", "w"), List.of("/a/MatMul_out")), g.nodes().get(0));
    }

    @Test
    void refusesTruncatedAndInconsistentFiles(@TempDir Path dir) throws IOException {
        byte[] m = model(List.of(tensor("w", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}, true)), List.of());
        for (int cut : new int[] {m.length - 1, m.length / 2, 3}) {
            Path f = dir.resolve("cut" + cut + ".onnx");
            Files.write(f, Arrays.copyOf(m, cut));
            IOException e = assertThrows(IOException.class, () -> OnnxGraph.read(f));
            assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        }
        byte[] wrongSize = model(List.of(tensor("w", new long[] {2, 4}, new float[] {1, 2, 3}, true)), List.of());
        IOException e = assertThrows(IOException.class, () -> OnnxGraph.parse(ByteBuffer.wrap(wrongSize), "x"));
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("expected 32"), e.getMessage());
        byte[] external = model(List.of(new Pb().int64(1, 1).int64(2, 1).string(8, "ext").int64(14, 1).done()), List.of());
        e = assertThrows(IOException.class, () -> OnnxGraph.parse(ByteBuffer.wrap(external), "x"));
        assertTrue(e.getMessage().contains("external"), e.getMessage());
        assertThrows(IOException.class, () -> OnnxGraph.parse(ByteBuffer.wrap(new Pb().int64(1, 8).done()), "x"));
    }

    /** A tiny BERT export: 1 layer, hidden 4, 2 heads, feed-forward 6, vocabulary 5, 8 positions. */
    static byte[] tinyBert(boolean nodeNames, Map<String, float[]> hf) {
        BertConfig c = new BertConfig(5, 4, 1, 2, 6, 8, 2, 1e-12f);
        List<byte[]> inits = new java.util.ArrayList<>();
        List<byte[]> nodes = new java.util.ArrayList<>();
        int seed = 1, gen = 700;
        for (Map.Entry<String, long[]> e : BertWeights.expectedShapes(c).entrySet()) {
            long[] dims = e.getValue();
            float[] v = new float[(int) Arrays.stream(dims).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < v.length; i++) v[i] = (seed++ % 97) / 97f - 0.5f;
            hf.put(e.getKey(), v);
            String name = e.getKey();
            if (dims.length == 2 && name.startsWith("encoder.")) {
                // stored transposed [in, out] under a generated name, read by a MatMul node
                float[] t = BertWeights.transpose(v, (int) dims[0], (int) dims[1]);
                String gname = "onnx::MatMul_" + gen++;
                inits.add(tensor(gname, new long[] {dims[1], dims[0]}, t, true));
                String base = name.substring(0, name.length() - ".weight".length());
                nodes.add(node("MatMul", nodeNames ? "/" + base.replace('.', '/') + "/MatMul" : "", "x", gname));
            } else {
                inits.add(tensor(name, dims, v, true));
            }
        }
        return model(inits, nodes);
    }

    @Test
    void bertWeightsAreNamedAndTransposedFromMatMulNodes() throws IOException {
        for (boolean names : new boolean[] {true, false}) {
            Map<String, float[]> expected = new LinkedHashMap<>();
            OnnxGraph g = OnnxGraph.parse(ByteBuffer.wrap(tinyBert(names, expected)), "tiny");
            BertWeights w = BertWeights.fromOnnx(g, 2);
            assertEquals(new BertConfig(5, 4, 1, 2, 6, 8, 2, 1e-12f), w.config());
            assertEquals(expected.keySet(), w.tensors().keySet());
            for (String k : expected.keySet()) assertArrayEquals(expected.get(k), w.get(k), k + (names ? "" : " (by position)"));
        }
    }

    @Test
    void bertWeightsRefuseMissingOrMisshapenTensors() {
        Map<String, float[]> w = new LinkedHashMap<>();
        BertConfig c = new BertConfig(5, 4, 1, 2, 6, 8, 2, 1e-12f);
        BertWeights.expectedShapes(c).forEach((n, s) -> w.put(n, new float[(int) Arrays.stream(s).reduce(1, (a, b) -> a * b)]));
        BertWeights.of(c, w);
        w.put("encoder.layer.0.output.dense.bias", new float[3]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BertWeights.of(c, w));
        assertTrue(e.getMessage().contains("encoder.layer.0.output.dense.bias"), e.getMessage());
        w.remove("encoder.layer.0.output.dense.bias");
        assertThrows(IllegalArgumentException.class, () -> BertWeights.of(c, w));
        assertEquals("encoder.layer.3.attention.self.query", BertWeights.nameFromNode("/encoder/layer.3/attention/self/query/MatMul"));
        assertNull(BertWeights.nameFromNode("MatMul_12"));
    }
}
