package io.finrec.nlp.transformer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * BERT encoder weights under HuggingFace {@code BertModel} names ({@code embeddings.word_embeddings.weight},
 * {@code encoder.layer.3.attention.self.query.weight}, ...), with dense weights in PyTorch's {@code [out, in]}
 * layout. {@link #fromOnnx} takes them from an ONNX export, where the exporter stores dense weights transposed
 * ({@code [in, out]}, read by {@code MatMul}) under generated names such as {@code onnx::MatMul_787}: those are
 * named after the MatMul node that reads them ({@code /encoder/layer.0/attention/self/query/MatMul}), or, when the
 * export has no usable node names, by their position in the graph (query, key, value, attention output,
 * intermediate, output for each layer). Immutable after construction; the arrays must not be modified.
 */
public final class BertWeights {
    private static final String[] DENSE = {"attention.self.query", "attention.self.key", "attention.self.value",
        "attention.output.dense", "intermediate.dense", "output.dense"};

    private final BertConfig config;
    private final Map<String, float[]> tensors;

    private BertWeights(BertConfig config, Map<String, float[]> tensors) {
        this.config = config;
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /** The encoder shape. */
    public BertConfig config() {
        return config;
    }

    /** All tensors by HuggingFace name (row-major). */
    public Map<String, float[]> tensors() {
        return tensors;
    }

    /** One tensor by HuggingFace name. */
    public float[] get(String name) {
        float[] t = tensors.get(name);
        if (t == null) throw new IllegalArgumentException("no weight named '" + name + "'");
        return t;
    }

    /** The HuggingFace names and shapes an encoder of this configuration needs, in a fixed order. */
    public static Map<String, long[]> expectedShapes(BertConfig c) {
        Map<String, long[]> s = new LinkedHashMap<>();
        long h = c.hiddenSize(), i = c.intermediateSize();
        s.put("embeddings.word_embeddings.weight", new long[] {c.vocabSize(), h});
        s.put("embeddings.position_embeddings.weight", new long[] {c.maxPositions(), h});
        s.put("embeddings.token_type_embeddings.weight", new long[] {c.typeVocabSize(), h});
        s.put("embeddings.LayerNorm.weight", new long[] {h});
        s.put("embeddings.LayerNorm.bias", new long[] {h});
        for (int l = 0; l < c.layers(); l++) s.putAll(layerShapes(c, l));
        return s;
    }

    /** Names and shapes of layer {@code l}'s tensors. */
    public static Map<String, long[]> layerShapes(BertConfig c, int l) {
        Map<String, long[]> s = new LinkedHashMap<>();
        long h = c.hiddenSize(), i = c.intermediateSize();
        String p = "encoder.layer." + l + ".";
        for (String d : new String[] {"attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"}) {
            s.put(p + d + ".weight", new long[] {h, h});
            s.put(p + d + ".bias", new long[] {h});
        }
        s.put(p + "attention.output.LayerNorm.weight", new long[] {h});
        s.put(p + "attention.output.LayerNorm.bias", new long[] {h});
        s.put(p + "intermediate.dense.weight", new long[] {i, h});
        s.put(p + "intermediate.dense.bias", new long[] {i});
        s.put(p + "output.dense.weight", new long[] {h, i});
        s.put(p + "output.dense.bias", new long[] {h});
        s.put(p + "output.LayerNorm.weight", new long[] {h});
        s.put(p + "output.LayerNorm.bias", new long[] {h});
        return s;
    }

    /**
     * Builds the weights from named arrays, checking that every tensor the configuration needs is present with the
     * right number of elements (extra names are refused too, so a typo cannot pass silently).
     */
    public static BertWeights of(BertConfig config, Map<String, float[]> tensors) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tensors, "tensors");
        Map<String, long[]> want = expectedShapes(config);
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : want.entrySet()) {
            float[] t = tensors.get(e.getKey());
            if (t == null) throw new IllegalArgumentException("missing weight '" + e.getKey() + "'");
            long n = Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b);
            if (t.length != n)
                throw new IllegalArgumentException("weight '" + e.getKey() + "' has " + t.length + " values, expected "
                        + n + " for shape " + Arrays.toString(e.getValue()));
            out.put(e.getKey(), t);
        }
        for (String k : tensors.keySet())
            if (!want.containsKey(k)) throw new IllegalArgumentException("unexpected weight '" + k + "' for " + config);
        return new BertWeights(config, out);
    }

    /**
     * Reads the encoder weights of a BERT ONNX export (such as all-MiniLM-L6-v2's): named initializers as they are,
     * MatMul weights transposed to {@code [out, in]} and named after the node that reads them.
     *
     * @param graph the parsed ONNX graph
     * @param heads attention heads (not recorded in the weights)
     * @throws IOException if a tensor is missing or has an unexpected shape (the message names it)
     */
    public static BertWeights fromOnnx(OnnxGraph graph, int heads) throws IOException {
        Objects.requireNonNull(graph, "graph");
        Map<String, OnnxGraph.Tensor> inits = graph.initializers();
        OnnxGraph.Tensor word = require(inits, "embeddings.word_embeddings.weight", 2);
        OnnxGraph.Tensor pos = require(inits, "embeddings.position_embeddings.weight", 2);
        OnnxGraph.Tensor type = require(inits, "embeddings.token_type_embeddings.weight", 2);
        int layers = 0;
        while (inits.containsKey("encoder.layer." + layers + ".output.dense.bias")) layers++;
        if (layers == 0) throw new IOException("ONNX graph has no encoder.layer.0.* initializers: not a BERT export");
        int inter = (int) require(inits, "encoder.layer.0.intermediate.dense.bias", 1).dims()[0];
        BertConfig config = new BertConfig((int) word.dims()[0], (int) word.dims()[1], layers, heads, inter,
                (int) pos.dims()[0], (int) type.dims()[0], 1e-12f);

        // dense weights: MatMul nodes whose second input is a 2-D float initializer
        List<String> derived = new ArrayList<>();
        List<OnnxGraph.Tensor> dense = new ArrayList<>();
        for (OnnxGraph.Node n : graph.nodes()) {
            if (!n.opType().equals("MatMul") || n.inputs().size() != 2) continue;
            OnnxGraph.Tensor w = inits.get(n.inputs().get(1));
            if (w == null || w.values() == null || w.dims().length != 2) continue;
            dense.add(w);
            derived.add(nameFromNode(n.name()));
        }
        if (dense.size() != DENSE.length * layers)
            throw new IOException("ONNX graph has " + dense.size() + " MatMul weights, expected " + DENSE.length * layers
                    + " for " + layers + " layers");
        boolean byName = derived.stream().allMatch(d -> d != null && inits.containsKey(d + ".bias"))
                && derived.stream().distinct().count() == derived.size();
        Map<String, float[]> out = new LinkedHashMap<>();
        Map<String, long[]> shapes = expectedShapes(config);
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            String name = e.getKey();
            OnnxGraph.Tensor t = inits.get(name);
            if (t != null && t.values() != null) {
                checkShape(t, e.getValue(), name);
                out.put(name, t.values());
            }
        }
        for (int j = 0; j < dense.size(); j++) {
            String base = byName ? derived.get(j) : "encoder.layer." + (j / DENSE.length) + "." + DENSE[j % DENSE.length];
            String name = base + ".weight";
            long[] want = shapes.get(name);
            if (want == null) throw new IOException("ONNX MatMul weight '" + dense.get(j).name() + "' maps to unknown '" + name + "'");
            OnnxGraph.Tensor w = dense.get(j);
            checkShape(w, new long[] {want[1], want[0]}, name + " (stored transposed as '" + w.name() + "')");
            out.put(name, transpose(w.values(), (int) want[1], (int) want[0]));
        }
        for (String name : shapes.keySet())
            if (!out.containsKey(name)) throw new IOException("ONNX graph lacks the weight '" + name + "'");
        return of(config, out);
    }

    /** {@code /encoder/layer.0/attention/self/query/MatMul} → {@code encoder.layer.0.attention.self.query}. */
    static String nameFromNode(String node) {
        if (node == null || !node.startsWith("/") || !node.endsWith("/MatMul")) return null;
        return node.substring(1, node.length() - "/MatMul".length()).replace('/', '.');
    }

    private static OnnxGraph.Tensor require(Map<String, OnnxGraph.Tensor> inits, String name, int rank) throws IOException {
        OnnxGraph.Tensor t = inits.get(name);
        if (t == null) throw new IOException("ONNX graph lacks the initializer '" + name + "'");
        if (t.values() == null) throw new IOException("initializer '" + name + "' is not FLOAT (type " + t.dataType() + ")");
        if (t.dims().length != rank) throw new IOException("initializer '" + name + "' has dims " + Arrays.toString(t.dims()));
        return t;
    }

    private static void checkShape(OnnxGraph.Tensor t, long[] want, String what) throws IOException {
        if (!t.hasDims(want))
            throw new IOException("weight " + what + " has dims " + Arrays.toString(t.dims()) + ", expected " + Arrays.toString(want));
    }

    static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) t[c * rows + r] = a[r * cols + c];
        return t;
    }
}
