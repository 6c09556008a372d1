package io.finrec.nlp.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One BERT transformer layer as a DJL block, with HuggingFace {@code BertLayer} semantics: self-attention
 * (query/key/value projections, scaled dot product over {@code heads}, additive attention mask, softmax), output
 * projection, residual and post-LayerNorm; then the feed-forward (dense, exact erf GELU, dense), residual and
 * post-LayerNorm. Dropout (attention probabilities and both sub-layer outputs) is applied only in training.
 *
 * <p>Input {@code (hidden [B,T,H], maskBias [B,1,1,T])}, output the same pair with the new hidden states. The mask
 * bias is 0 for real tokens and a large negative number for padding ({@link BertEncoderBlock#maskBias}).
 * Parameters are registered under their HuggingFace names relative to the layer ({@code attention.self.query.weight},
 * ...; dense weights {@code [out, in]}). Not thread-safe to initialise; forward passes on an initialised block may
 * run concurrently (each with its own {@link ParameterStore} and NDManager).
 */
public final class BertLayerBlock extends AbstractBlock {
    private final BertConfig config;
    private final float dropout;
    private final Map<String, Parameter> named = new LinkedHashMap<>();
    private final Map<String, Parameter> local = new LinkedHashMap<>();

    /**
     * @param config    encoder shape
     * @param layer     layer index (for the HuggingFace names)
     * @param dropout   dropout rate in training (HuggingFace BERT uses 0.1)
     * @param trainable whether the parameters take gradients
     */
    public BertLayerBlock(BertConfig config, int layer, float dropout, boolean trainable) {
        this.config = config;
        this.dropout = dropout;
        String prefix = "encoder.layer." + layer + ".";
        for (Map.Entry<String, long[]> e : BertWeights.layerShapes(config, layer).entrySet()) {
            String local = e.getKey().substring(prefix.length());
            Parameter.Type type = local.endsWith("LayerNorm.weight") ? Parameter.Type.GAMMA
                    : local.endsWith("LayerNorm.bias") ? Parameter.Type.BETA
                    : local.endsWith(".bias") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT;
            Parameter p = addParameter(Parameter.builder().setName(local.replace('.', '_')).setType(type)
                    .optShape(new Shape(e.getValue())).optRequiresGrad(trainable).build());
            named.put(e.getKey(), p);
            this.local.put(local, p);
        }
    }

    /** Parameters by full HuggingFace name ({@code encoder.layer.N....}). */
    public Map<String, Parameter> namedParameters() {
        return named;
    }

    private NDArray p(ParameterStore ps, NDArray like, String name, boolean training) {
        return ps.getValue(local.get(name), like.getDevice(), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray maskBias = inputs.get(1);
        long b = x.getShape().get(0), t = x.getShape().get(1);
        int heads = config.heads(), hd = config.headSize(), h = config.hiddenSize();
        float eps = config.layerNormEpsilon();
        Shape split = new Shape(b, t, heads, hd);
        NDArray q = dense(ps, x, "attention.self.query", training).reshape(split).transpose(0, 2, 1, 3);
        NDArray k = dense(ps, x, "attention.self.key", training).reshape(split).transpose(0, 2, 3, 1);
        NDArray v = dense(ps, x, "attention.self.value", training).reshape(split).transpose(0, 2, 1, 3);
        NDArray scores = q.matMul(k).div((float) Math.sqrt(hd)).add(maskBias);
        NDArray probs = scores.softmax(-1);
        if (training && dropout > 0) probs = Dropout.dropout(probs, dropout, true).singletonOrThrow();
        NDArray ctx = probs.matMul(v).transpose(0, 2, 1, 3).reshape(new Shape(b, t, h));
        NDArray attn = dense(ps, ctx, "attention.output.dense", training);
        if (training && dropout > 0) attn = Dropout.dropout(attn, dropout, true).singletonOrThrow();
        NDArray x1 = LayerNorm.layerNorm(attn.add(x), new Shape(h), p(ps, x, "attention.output.LayerNorm.weight", training),
                p(ps, x, "attention.output.LayerNorm.bias", training), eps).singletonOrThrow();
        NDArray inter = Activation.gelu(dense(ps, x1, "intermediate.dense", training));
        NDArray out = dense(ps, inter, "output.dense", training);
        if (training && dropout > 0) out = Dropout.dropout(out, dropout, true).singletonOrThrow();
        NDArray x2 = LayerNorm.layerNorm(out.add(x1), new Shape(h), p(ps, x, "output.LayerNorm.weight", training),
                p(ps, x, "output.LayerNorm.bias", training), eps).singletonOrThrow();
        return new NDList(x2, maskBias);
    }

    private NDArray dense(ParameterStore ps, NDArray x, String name, boolean training) {
        return Linear.linear(x, p(ps, x, name + ".weight", training), p(ps, x, name + ".bias", training)).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
