package io.finrec.nlp.transformer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of an ONNX model that hold trained weights: the graph's initializers (name, dims, data type, values) and
 * its nodes (op type, name, inputs, outputs), read straight from the protobuf wire format
 * ({@code ModelProto.graph → GraphProto.initializer / node → TensorProto}).
 *
 * <p>Why hand-written: the only thing FinRec needs from an ONNX file is its float initializers and which node reads
 * them; the official {@code onnx} protobuf classes would bring protobuf-java and generated code for the whole ONNX
 * schema. The reader follows the protobuf encoding rules (varints, length-delimited fields, packed and unpacked
 * repeated scalars, unknown fields skipped by wire type) and refuses anything it cannot read faithfully (external
 * data, truncated fields) with an {@link IOException} naming the source and the tensor.
 *
 * <p>Float tensors ({@code FLOAT}, from {@code raw_data} or {@code float_data}) are decoded; other tensors keep their
 * name, dims and type with {@link Tensor#values()} {@code null}. Immutable and thread-safe.
 */
public final class OnnxGraph {
    /** ONNX {@code TensorProto.DataType.FLOAT}. */
    public static final int FLOAT = 1;
    private static final int MAX_DIMS = 16;

    private final Map<String, Tensor> initializers;
    private final List<Node> nodes;

    private OnnxGraph(Map<String, Tensor> initializers, List<Node> nodes) {
        this.initializers = Collections.unmodifiableMap(initializers);
        this.nodes = List.copyOf(nodes);
    }

    /**
     * One initializer.
     *
     * @param name     tensor name
     * @param dims     dimensions
     * @param dataType ONNX data type code ({@link #FLOAT} = 1)
     * @param values   row-major values for float tensors, else null
     */
    public record Tensor(String name, long[] dims, int dataType, float[] values) {
        /** Number of elements (product of the dims). */
        public long size() {
            long n = 1;
            for (long d : dims) n *= d;
            return n;
        }

        /** Whether the dims equal {@code expected}. */
        public boolean hasDims(long... expected) {
            return Arrays.equals(dims, expected);
        }

        @Override
        public String toString() {
            return name + Arrays.toString(dims) + " type " + dataType;
        }
    }

    /**
     * One graph node.
     *
     * @param opType  operator, e.g. {@code MatMul}
     * @param name    node name (may be empty)
     * @param inputs  input value names
     * @param outputs output value names
     */
    public record Node(String opType, String name, List<String> inputs, List<String> outputs) {}

    /** Initializers by name, in file order. */
    public Map<String, Tensor> initializers() {
        return initializers;
    }

    /** Nodes in file (topological) order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Reads the graph of an ONNX model file (memory-mapped, so large files are not copied onto the heap twice). */
    public static OnnxGraph read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) throw new IOException(file + ": ONNX files over 2 GB are not supported");
            ByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            return parse(buf, file.toString());
        }
    }

    /** Parses a serialized {@code ModelProto}. */
    public static OnnxGraph parse(ByteBuffer model, String source) throws IOException {
        Objects.requireNonNull(model, "model");
        Wire w = new Wire(model.duplicate().order(ByteOrder.LITTLE_ENDIAN), source);
        ByteBuffer graph = null;
        while (w.more()) {
            int key = w.key();
            if (key >>> 3 == 7 && (key & 7) == 2) graph = w.bytes("ModelProto.graph");
            else w.skip(key, "ModelProto");
        }
        if (graph == null) throw new IOException(source + ": not an ONNX model (no ModelProto.graph field)");
        Map<String, Tensor> inits = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        Wire g = new Wire(graph, source);
        while (g.more()) {
            int key = g.key();
            int field = key >>> 3;
            if (field == 5 && (key & 7) == 2) {
                Tensor t = tensor(new Wire(g.bytes("GraphProto.initializer"), source), inits.size());
                if (inits.put(t.name(), t) != null) throw new IOException(source + ": duplicate initializer '" + t.name() + "'");
            } else if (field == 1 && (key & 7) == 2) {
                nodes.add(node(new Wire(g.bytes("GraphProto.node"), source)));
            } else {
                g.skip(key, "GraphProto");
            }
        }
        return new OnnxGraph(inits, nodes);
    }

    private static Tensor tensor(Wire t, int index) throws IOException {
        long[] dims = new long[MAX_DIMS];
        int nd = 0, type = 0, location = 0;
        String name = null;
        ByteBuffer raw = null;
        float[] floatData = null;
        int floatCount = 0;
        while (t.more()) {
            int key = t.key();
            int field = key >>> 3, wire = key & 7;
            String where = "initializer #" + index + (name == null ? "" : " '" + name + "'");
            switch (field) {
                case 1 -> { // dims: repeated int64, packed or not
                    if (wire == 2) {
                        Wire p = new Wire(t.bytes(where + " dims"), t.source);
                        while (p.more()) nd = addDim(dims, nd, p.varint(), t.source, where);
                    } else if (wire == 0) {
                        nd = addDim(dims, nd, t.varint(), t.source, where);
                    } else {
                        throw t.error(where + ": dims has wire type " + wire);
                    }
                }
                case 2 -> type = (int) t.expectVarint(wire, where + " data_type");
                case 8 -> name = t.string(wire, where + " name");
                case 9 -> {
                    if (wire != 2) throw t.error(where + ": raw_data has wire type " + wire);
                    raw = t.bytes(where + " raw_data");
                }
                case 4 -> { // float_data: repeated float, packed (wire 2) or single (wire 5)
                    if (floatData == null) floatData = new float[16];
                    if (wire == 2) {
                        ByteBuffer p = t.bytes(where + " float_data");
                        if (p.remaining() % 4 != 0) throw t.error(where + ": float_data length " + p.remaining() + " is not a multiple of 4");
                        while (p.hasRemaining()) {
                            if (floatCount == floatData.length) floatData = Arrays.copyOf(floatData, floatCount * 2);
                            floatData[floatCount++] = p.getFloat();
                        }
                    } else if (wire == 5) {
                        if (floatCount == floatData.length) floatData = Arrays.copyOf(floatData, floatCount * 2);
                        floatData[floatCount++] = t.fixed32();
                    } else {
                        throw t.error(where + ": float_data has wire type " + wire);
                    }
                }
                case 14 -> location = (int) t.expectVarint(wire, where + " data_location");
                default -> t.skip(key, where);
            }
        }
        if (name == null) throw t.error("initializer #" + index + " has no name");
        if (location != 0) throw t.error("initializer '" + name + "' keeps its data in an external file, which is not supported");
        long[] d = Arrays.copyOf(dims, nd);
        Tensor shape = new Tensor(name, d, type, null);
        if (type != FLOAT) return shape;
        long n = shape.size();
        float[] values;
        if (raw != null) {
            if (raw.remaining() != n * 4)
                throw t.error("initializer '" + name + "' " + Arrays.toString(d) + " has " + raw.remaining()
                        + " bytes of raw_data, expected " + n * 4);
            values = new float[(int) n];
            raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            if (floatCount != n)
                throw t.error("initializer '" + name + "' " + Arrays.toString(d) + " has " + floatCount + " floats, expected " + n);
            values = Arrays.copyOf(floatData == null ? new float[0] : floatData, floatCount);
        }
        return new Tensor(name, d, type, values);
    }

    private static int addDim(long[] dims, int nd, long v, String source, String where) throws IOException {
        if (nd == MAX_DIMS) throw new IOException(source + ": " + where + " has more than " + MAX_DIMS + " dims");
        if (v < 0) throw new IOException(source + ": " + where + " has a negative dim " + v);
        dims[nd] = v;
        return nd + 1;
    }

    private static Node node(Wire n) throws IOException {
        List<String> in = new ArrayList<>(), out = new ArrayList<>();
        String name = "", op = "";
        while (n.more()) {
            int key = n.key();
            switch (key >>> 3) {
                case 1 -> in.add(n.string(key & 7, "node input"));
                case 2 -> out.add(n.string(key & 7, "node output"));
                case 3 -> name = n.string(key & 7, "node name");
                case 4 -> op = n.string(key & 7, "node op_type");
                default -> n.skip(key, "NodeProto");
            }
        }
        return new Node(op, name, in, out);
    }

    /** Protobuf wire-format cursor over one message. */
    private static final class Wire {
        final ByteBuffer b;
        final String source;

        Wire(ByteBuffer b, String source) {
            this.b = b;
            this.source = source;
        }

        boolean more() {
            return b.hasRemaining();
        }

        int key() throws IOException {
            long k = varint();
            if (k <= 0 || k > Integer.MAX_VALUE) throw error("invalid field key " + k);
            return (int) k;
        }

        long varint() throws IOException {
            long r = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (!b.hasRemaining()) throw error("truncated varint");
                int c = b.get() & 0xff;
                r |= (long) (c & 0x7f) << shift;
                if (c < 0x80) return r;
            }
            throw error("varint longer than 10 bytes");
        }

        long expectVarint(int wire, String what) throws IOException {
            if (wire != 0) throw error(what + " has wire type " + wire + ", expected 0 (varint)");
            return varint();
        }

        float fixed32() throws IOException {
            if (b.remaining() < 4) throw error("truncated fixed32");
            return b.getFloat();
        }

        ByteBuffer bytes(String what) throws IOException {
            long len = varint();
            if (len < 0 || len > b.remaining())
                throw error(what + ": length " + len + " exceeds the " + b.remaining() + " bytes left (truncated file?)");
            ByteBuffer slice = b.slice().order(ByteOrder.LITTLE_ENDIAN);
            slice.limit((int) len);
            b.position(b.position() + (int) len);
            return slice;
        }

        String string(int wire, String what) throws IOException {
            if (wire != 2) throw error(what + " has wire type " + wire + ", expected 2 (length-delimited)");
            ByteBuffer s = bytes(what);
            byte[] a = new byte[s.remaining()];
            s.get(a);
            return new String(a, StandardCharsets.UTF_8);
        }

        void skip(int key, String where) throws IOException {
            switch (key & 7) {
                case 0 -> varint();
                case 1 -> advance(8, where);
                case 2 -> bytes(where + " field " + (key >>> 3));
                case 5 -> advance(4, where);
                default -> throw error(where + ": unsupported wire type " + (key & 7) + " of field " + (key >>> 3));
            }
        }

        private void advance(int n, String where) throws IOException {
            if (b.remaining() < n) throw error(where + ": truncated fixed-size field");
            b.position(b.position() + n);
        }

        IOException error(String detail) {
            return new IOException(source + ": malformed ONNX protobuf: " + detail);
        }
    }
}
