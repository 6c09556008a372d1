package io.finrec.nlp.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BERT encoder, or a contiguous slice of one, as a DJL block (HuggingFace {@code BertModel} semantics; see
 * {@link BertLayerBlock}). With embeddings, the input is {@code (inputIds [B,T] int64, tokenTypeIds [B,T] int64,
 * attentionMask [B,T] float32)}: word + position + token-type embeddings, LayerNorm, then layers
 * {@code [fromLayer, toLayer)}. Without embeddings the input is {@code (hidden [B,T,H], attentionMask [B,T])}, the
 * output of layer {@code fromLayer - 1}, so a frozen lower part can be run once and cached while the upper part
 * trains. The output is always {@code (hidden [B,T,H], attentionMask [B,T])}.
 *
 * <p>Parameters are registered under HuggingFace names ({@link #namedParameters()}); {@link #setWeights} makes them
 * initialise from given arrays (for example {@link BertWeights} read from the MiniLM ONNX export).
 * Forward passes on an initialised block may run concurrently, each with its own NDManager.
 */
public final class BertEncoderBlock extends AbstractBlock {
    /** Additive attention bias of padding positions (HuggingFace uses the float minimum; any value that makes
     * {@code exp} underflow to 0 gives the same softmax). */
    static final float MASKED = -1e9f;

    private final BertConfig config;
    private final boolean embeddings;
    private final int fromLayer, toLayer;
    private final float dropout;
    private final Map<String, Parameter> named = new LinkedHashMap<>();
    private final List<BertLayerBlock> layers = new ArrayList<>();
    private Parameter word, position, type, lnGamma, lnBeta;

    /**
     * @param config     encoder shape
     * @param embeddings whether the block starts with the embedding layer (then {@code fromLayer} must be 0)
     * @param fromLayer  first layer (inclusive)
     * @param toLayer    last layer (exclusive), at most {@code config.layers()}
     * @param dropout    dropout rate in training
     * @param trainable  whether the parameters take gradients
     */
    public BertEncoderBlock(BertConfig config, boolean embeddings, int fromLayer, int toLayer, float dropout,
                            boolean trainable) {
        if (fromLayer < 0 || toLayer > config.layers() || fromLayer > toLayer)
            throw new IllegalArgumentException("layers [" + fromLayer + ", " + toLayer + ") outside [0, " + config.layers() + "]");
        if (embeddings && fromLayer != 0) throw new IllegalArgumentException("embeddings need fromLayer 0, got " + fromLayer);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), was " + dropout);
        this.config = config;
        this.embeddings = embeddings;
        this.fromLayer = fromLayer;
        this.toLayer = toLayer;
        this.dropout = dropout;
        if (embeddings) {
            Map<String, long[]> shapes = BertWeights.expectedShapes(config);
            word = embeddingParam(shapes, "embeddings.word_embeddings.weight", Parameter.Type.WEIGHT, trainable);
            position = embeddingParam(shapes, "embeddings.position_embeddings.weight", Parameter.Type.WEIGHT, trainable);
            type = embeddingParam(shapes, "embeddings.token_type_embeddings.weight", Parameter.Type.WEIGHT, trainable);
            lnGamma = embeddingParam(shapes, "embeddings.LayerNorm.weight", Parameter.Type.GAMMA, trainable);
            lnBeta = embeddingParam(shapes, "embeddings.LayerNorm.bias", Parameter.Type.BETA, trainable);
        }
        for (int l = fromLayer; l < toLayer; l++) {
            BertLayerBlock layer = addChildBlock("layer" + l, new BertLayerBlock(config, l, dropout, trainable));
            layers.add(layer);
            named.putAll(layer.namedParameters());
        }
    }

    private Parameter embeddingParam(Map<String, long[]> shapes, String name, Parameter.Type t, boolean trainable) {
        Parameter p = addParameter(Parameter.builder().setName(name.replace('.', '_')).setType(t)
                .optShape(new Shape(shapes.get(name))).optRequiresGrad(trainable).build());
        named.put(name, p);
        return p;
    }

    /** The encoder shape. */
    public BertConfig config() {
        return config;
    }

    /** Whether the block starts with the embeddings. */
    public boolean hasEmbeddings() {
        return embeddings;
    }

    /** First layer (inclusive). */
    public int fromLayer() {
        return fromLayer;
    }

    /** Last layer (exclusive). */
    public int toLayer() {
        return toLayer;
    }

    /** Parameters by HuggingFace name. */
    public Map<String, Parameter> namedParameters() {
        return Collections.unmodifiableMap(named);
    }

    /**
     * Makes every parameter of this block initialise from {@code weights} (by HuggingFace name; extra names are
     * ignored, so the full encoder's weights can feed any slice). Call before the block is initialised.
     *
     * @throws IllegalArgumentException if a parameter's weights are missing or have the wrong number of values
     */
    public void setWeights(Map<String, float[]> weights) {
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            float[] w = weights.get(e.getKey());
            if (w == null) throw new IllegalArgumentException("no weights for '" + e.getKey() + "'");
            e.getValue().setInitializer(fixed(e.getKey(), w));
        }
    }

    /** An initializer that yields the given values (checked against the parameter's shape). */
    static ai.djl.training.initializer.Initializer fixed(String name, float[] values) {
        return (NDManager m, Shape shape, DataType dt) -> {
            if (shape.size() != values.length)
                throw new IllegalArgumentException("'" + name + "': " + values.length + " values for shape " + shape);
            return m.create(values, shape).toType(dt, false);
        };
    }

    /** Additive attention bias {@code [B,1,1,T]}: 0 where the mask is 1, {@link #MASKED} where it is 0. */
    public static NDArray maskBias(NDArray mask) {
        Shape s = mask.getShape();
        return mask.toType(DataType.FLOAT32, false).sub(1f).mul(-MASKED).reshape(s.get(0), 1, 1, s.get(1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden, mask;
        if (embeddings) {
            NDArray ids = inputs.get(0), types = inputs.get(1);
            mask = inputs.get(2);
            long t = ids.getShape().get(1);
            if (t > config.maxPositions())
                throw new IllegalArgumentException("input has " + t + " tokens, the model takes at most " + config.maxPositions());
            NDArray w = ps.getValue(word, ids.getDevice(), training);
            NDArray pos = ids.getManager().arange(0, (int) t, 1, DataType.INT64).reshape(1, t);
            NDArray e = ids.getNDArrayInternal().embedding(ids, w, SparseFormat.DENSE).singletonOrThrow()
                    .add(pos.getNDArrayInternal().embedding(pos, ps.getValue(position, ids.getDevice(), training), SparseFormat.DENSE).singletonOrThrow())
                    .add(types.getNDArrayInternal().embedding(types, ps.getValue(type, ids.getDevice(), training), SparseFormat.DENSE).singletonOrThrow());
            hidden = LayerNorm.layerNorm(e, new Shape(config.hiddenSize()), ps.getValue(lnGamma, ids.getDevice(), training),
                    ps.getValue(lnBeta, ids.getDevice(), training), config.layerNormEpsilon()).singletonOrThrow();
            if (training && dropout > 0) hidden = Dropout.dropout(hidden, dropout, true).singletonOrThrow();
        } else {
            hidden = inputs.get(0);
            mask = inputs.get(1);
        }
        NDArray bias = maskBias(mask);
        NDList x = new NDList(hidden, bias);
        for (BertLayerBlock layer : layers) x = layer.forward(ps, x, training);
        return new NDList(x.get(0), mask);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (BertLayerBlock layer : layers) layer.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape hidden = embeddings ? new Shape(in.get(0), in.get(1), config.hiddenSize()) : in;
        return new Shape[] {hidden, inputShapes[inputShapes.length - 1]};
    }
}
