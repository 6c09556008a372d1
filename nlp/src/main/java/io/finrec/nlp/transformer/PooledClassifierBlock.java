package io.finrec.nlp.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sequence classifier as a DJL block: a {@link BertEncoderBlock} (whole or an upper slice), mean pooling over the
 * attention mask (padding excluded, as sentence-transformers pools MiniLM), dropout in training and a linear head
 * giving one logit per class. Input: the encoder's input; output {@code logits [B, classes]}. The head's parameters
 * are named {@code classifier.weight} ({@code [classes, H]}) and {@code classifier.bias} and start as
 * N(0, 0.02) and 0 (HuggingFace's initialisation) unless {@link #setWeights} gives values.
 */
public final class PooledClassifierBlock extends AbstractBlock {
    /** Name of the head's weight. */
    public static final String HEAD_WEIGHT = "classifier.weight";
    /** Name of the head's bias. */
    public static final String HEAD_BIAS = "classifier.bias";

    private final BertEncoderBlock encoder;
    private final int classes;
    private final float dropout;
    private final Parameter weight, bias;
    private final Map<String, Parameter> named = new LinkedHashMap<>();

    /**
     * @param encoder   the encoder (or its upper slice)
     * @param classes   number of classes (at least 2)
     * @param dropout   dropout before the head in training
     * @param trainable whether the head takes gradients
     */
    public PooledClassifierBlock(BertEncoderBlock encoder, int classes, float dropout, boolean trainable) {
        if (classes < 2) throw new IllegalArgumentException("classes must be at least 2, was " + classes);
        this.encoder = addChildBlock("encoder", encoder);
        this.classes = classes;
        this.dropout = dropout;
        int h = encoder.config().hiddenSize();
        weight = addParameter(Parameter.builder().setName("classifier_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(classes, h)).optInitializer(new NormalInitializer(0.02f)).optRequiresGrad(trainable).build());
        bias = addParameter(Parameter.builder().setName("classifier_bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(classes)).optRequiresGrad(trainable).build());
        named.putAll(encoder.namedParameters());
        named.put(HEAD_WEIGHT, weight);
        named.put(HEAD_BIAS, bias);
    }

    /** The encoder part. */
    public BertEncoderBlock encoder() {
        return encoder;
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /** All parameters (encoder and head) by HuggingFace-style name. */
    public Map<String, Parameter> namedParameters() {
        return named;
    }

    /**
     * Makes the parameters initialise from {@code weights} by name; the head keeps its random initialisation when
     * {@code weights} has no {@link #HEAD_WEIGHT}.
     */
    public void setWeights(Map<String, float[]> weights) {
        encoder.setWeights(weights);
        if (weights.containsKey(HEAD_WEIGHT)) {
            weight.setInitializer(BertEncoderBlock.fixed(HEAD_WEIGHT, weights.get(HEAD_WEIGHT)));
            float[] b = weights.get(HEAD_BIAS);
            if (b == null) throw new IllegalArgumentException("no weights for '" + HEAD_BIAS + "'");
            bias.setInitializer(BertEncoderBlock.fixed(HEAD_BIAS, b));
        }
    }

    /** Mean of {@code hidden [B,T,H]} over the positions where {@code mask [B,T]} is 1: {@code [B,H]}. */
    public static NDArray meanPool(NDArray hidden, NDArray mask) {
        NDArray m = mask.toType(DataType.FLOAT32, false).expandDims(2);
        NDArray count = m.sum(new int[] {1}).maximum(1e-9f);
        return hidden.mul(m).sum(new int[] {1}).div(count);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList enc = encoder.forward(ps, inputs, training);
        NDArray pooled = meanPool(enc.get(0), enc.get(1));
        if (training && dropout > 0) pooled = Dropout.dropout(pooled, dropout, true).singletonOrThrow();
        NDArray logits = Linear.linear(pooled, ps.getValue(weight, pooled.getDevice(), training),
                ps.getValue(bias, pooled.getDevice(), training)).singletonOrThrow();
        return new NDList(logits);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }
}
