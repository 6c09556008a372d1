package io.finrec.recsys.hybrid;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.TrainingData;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks every parameter change of one SGD step against {@code -lr * dL/dtheta} computed by finite differences of
 * the model's score function, on both the identity fast path and the general weighted-feature path. A wrong sign,
 * a missing feature weight or a swapped gradient fails here.
 */
class GradientCheckTest {
    private static final double LR = 0.05;

    private static TrainingData data(boolean features) {
        Interactions.Builder b = Interactions.builder();
        b.add("u0", "i0").add("u0", "i1").add("u1", "i2");
        b.item("i3");
        TrainingData td = TrainingData.of(b.build());
        if (!features) return td;
        FeatureMatrix uf = FeatureMatrix.builder().add("u0", "seg:a", 0.5).add("u0", "age:30", 2.0)
                .add("u1", "seg:a", 1.0).build();
        FeatureMatrix itf = FeatureMatrix.builder().add("i0", "type:card", 1.5).add("i3", "type:card", 0.7)
                .add("i3", "risk:low", 1.0).add("i1", "risk:low", 0.3).build();
        return td.withUserFeatures(uf).withItemFeatures(itf);
    }

    /** Score of (user, item) in double from the current float parameters. */
    private static double score(HybridTrainer.Session s, int u, int i) {
        SgdKernel k = s.kernel();
        int dim = k.k;
        double[] ur = repr(k.users, k.up, u, dim);
        double[] ir = repr(k.items, k.ip, i, dim);
        double sc = ur[dim] + ir[dim];
        for (int j = 0; j < dim; j++) sc += ur[j] * ir[j];
        return sc;
    }

    private static double[] repr(FeatureSpace sp, FactorParams fp, int e, int dim) {
        double[] r = new double[dim + 1];
        for (int q = sp.rowPtr[e]; q < sp.rowPtr[e + 1]; q++) {
            int f = sp.rowFeat[q];
            for (int j = 0; j < dim; j++) r[j] += sp.rowW[q] * (double) fp.emb[f * dim + j];
            r[dim] += sp.rowW[q] * (double) fp.bias[f];
        }
        return r;
    }

    /** Numerical gradient of {@code loss} w.r.t. every embedding and bias of one side. */
    private static double[][] numericGradient(FactorParams fp, ToDoubleFunction<Void> loss) {
        double[] ge = new double[fp.emb.length];
        double[] gb = new double[fp.bias.length];
        float h = 1e-2f;
        for (int x = 0; x < fp.emb.length; x++) {
            float v = fp.emb[x];
            fp.emb[x] = v + h;
            double lp = loss.applyAsDouble(null);
            fp.emb[x] = v - h;
            double lm = loss.applyAsDouble(null);
            fp.emb[x] = v;
            ge[x] = (lp - lm) / ((double) (v + h) - (double) (v - h));
        }
        for (int x = 0; x < fp.bias.length; x++) {
            float v = fp.bias[x];
            fp.bias[x] = v + h;
            double lp = loss.applyAsDouble(null);
            fp.bias[x] = v - h;
            double lm = loss.applyAsDouble(null);
            fp.bias[x] = v;
            gb[x] = (lp - lm) / ((double) (v + h) - (double) (v - h));
        }
        return new double[][] {ge, gb};
    }

    private static void assertStep(FactorParams before, FactorParams after, double[][] grad, String side) {
        for (int x = 0; x < before.emb.length; x++) {
            double expected = -LR * grad[0][x];
            double actual = (double) after.emb[x] - before.emb[x];
            assertEquals(expected, actual, 2e-2 * Math.abs(expected) + 2e-7, side + " embedding element " + x);
        }
        for (int x = 0; x < before.bias.length; x++) {
            double expected = -LR * grad[1][x];
            double actual = (double) after.bias[x] - before.bias[x];
            assertEquals(expected, actual, 2e-2 * Math.abs(expected) + 2e-7, side + " bias " + x);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void pairwiseStepFollowsTheGradientOfTheHinge(boolean features) {
        HybridConfig c = HybridConfig.builder().components(4).learningRate(LR).seed(3).build();
        try (HybridTrainer.Session s = new HybridTrainer(c).session(null, data(features), ProgressListener.NONE)) {
            SgdKernel k = s.kernel();
            int u = k.users.index.get("u0"), p = k.items.index.get("i0"), n = k.items.index.get("i3");
            float l = 0.02f;
            // L = l * (1 - s(u,p) + s(u,n)) while the margin is violated
            ToDoubleFunction<Void> loss = x -> l * (1 - score(s, u, p) + score(s, u, n));
            double[][] gu = numericGradient(k.up, loss);
            double[][] gi = numericGradient(k.ip, loss);
            FactorParams ub = k.up.copy(), ib = k.ip.copy();
            k.new Worker(1).pairStep(l, u, p, n);
            assertStep(ib, k.ip, gi, "item");
            // the user bias cancels in a pairwise loss: its numerical gradient is 0 and it must not move
            assertStep(ub, k.up, gu, "user");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void logisticStepFollowsTheGradientOfTheLogLoss(boolean features) {
        Interactions.Builder b = Interactions.builder();
        b.add("u0", "i0", -1.0, 1.7); // a negative with sample weight 1.7
        b.item("i3");
        TrainingData td = TrainingData.of(b.build());
        if (features) {
            td = td.withUserFeatures(FeatureMatrix.builder().add("u0", "seg:a", 0.5).build())
                    .withItemFeatures(FeatureMatrix.builder().add("i0", "type:card", 1.5).build());
        }
        HybridConfig c = HybridConfig.builder().components(4).learningRate(LR).loss(Loss.LOGISTIC).seed(5).build();
        try (HybridTrainer.Session s = new HybridTrainer(c).session(null, td, ProgressListener.NONE)) {
            SgdKernel k = s.kernel();
            int u = k.users.index.get("u0"), i = k.items.index.get("i0");
            // L = w * -log(1 - sigmoid(s)) for a negative
            ToDoubleFunction<Void> loss = x -> 1.7 * -Math.log(1 - 1 / (1 + Math.exp(-score(s, u, i))));
            double[][] gu = numericGradient(k.up, loss);
            double[][] gi = numericGradient(k.ip, loss);
            FactorParams ub = k.up.copy(), ib = k.ip.copy();
            s.runEpoch(); // one interaction: exactly one step
            assertStep(ib, k.ip, gi, "item");
            assertStep(ub, k.up, gu, "user");
        }
    }
}
