package io.finrec.nlp.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.finrec.nlp.embedding.MiniLmEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DJL/PyTorch BERT blocks fed with the ONNX initialisers reproduce the ONNX MiniLM embeddings. */
class BertEncoderParityTest {
    static final List<String> SENTENCES = List.of(
            "The cat sat on the mat.",
            "$TSLA beats on deliveries, shares up 9% premarket",
            "Fed signals more hikes; futures slide",
            "My card got DECLINED again!!! furious 😡",
            "Où est la banque la plus proche ? — merci",
            "I want to save for my daughter's college fund over the next 10 years",
            "",
            "ERROR 503: SERVICE UNAVAILABLE",
            "Is a fixed deposit better than an ISA for £20,000?",
            "Stocks rallied after the earnings call, but bond yields rose sharply as investors priced in another rate "
                    + "hike from the central bank later this year, analysts at several brokers said on Tuesday.");

    @Test
    void meanPooledOutputsMatchOnnxMiniLm() throws Exception {
        MiniLmBase base = MiniLmBase.shared();
        List<float[]> expected = MiniLmEmbedder.shared().embedAll(SENTENCES);
        long[][] ids = base.tokenize(SENTENCES, 128);
        BertEncoderBlock enc = new BertEncoderBlock(base.config(), true, 0, base.config().layers(), 0.1f, false);
        enc.setWeights(base.weights().tensors());
        try (Model model = Model.newInstance("parity", "PyTorch")) {
            NDManager m = model.getNDManager();
            model.setBlock(enc);
            NDList in = EncoderInputs.of(m, ids, EncoderInputs.range(0, ids.length), base.padId());
            enc.initialize(m, DataType.FLOAT32, in.getShapes());
            // one padded batch, and each sentence alone: padding must not change a row
            NDList out = enc.forward(new ParameterStore(m, false), in, false);
            float[] pooled = PooledClassifierBlock.meanPool(out.get(0), out.get(1)).toFloatArray();
            int h = base.config().hiddenSize();
            double worst = 1;
            for (int i = 0; i < SENTENCES.size(); i++) {
                float[] row = java.util.Arrays.copyOfRange(pooled, i * h, (i + 1) * h);
                worst = Math.min(worst, cosine(row, expected.get(i)));
                NDList alone = enc.forward(new ParameterStore(m, false), EncoderInputs.of(m, ids, new int[] {i}, base.padId()), false);
                float[] single = PooledClassifierBlock.meanPool(alone.get(0), alone.get(1)).toFloatArray();
                assertTrue(cosine(single, row) > 0.99999, "padding changed sentence " + i);
            }
            assertTrue(worst >= 0.9999, "worst cosine vs ONNX MiniLM " + worst);
            System.out.println("parity: worst cosine " + worst);
        }
    }

    static double cosine(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double d = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return d / Math.sqrt(na * nb);
    }
}
