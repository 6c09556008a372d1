package io.finrec.nlp.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A linear layer over sparse rows, for DJL: inputs are the batch's distinct feature indices {@code [u]} (int64)
 * and the batch values scattered over them {@code [b, u]}; the output is {@code values · weight[indices] + bias}.
 * The weight is stored {@code [dimension, units]} so only the rows of features present in a batch are touched.
 */
final class SparseLinearBlock extends AbstractBlock {
    private final long units;
    private final Parameter weight;
    private final Parameter bias;

    SparseLinearBlock(long dimension, long units) {
        super((byte) 1);
        this.units = units;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(dimension, units)).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(units)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray idx = inputs.get(0);
        NDArray values = inputs.get(1);
        NDArray w = store.getValue(weight, values.getDevice(), training);
        NDArray b = store.getValue(bias, values.getDevice(), training);
        NDArray rows = w.get(idx);
        rows.attach(values.getManager()); // per-batch gather: free it with the batch, not with the model
        return new NDList(values.matMul(rows).add(b));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[1].get(0), units)};
    }

    Parameter weight() {
        return weight;
    }

    Parameter bias() {
        return bias;
    }
}
