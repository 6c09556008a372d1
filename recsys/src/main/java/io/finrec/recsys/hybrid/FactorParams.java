package io.finrec.recsys.hybrid;

import io.finrec.api.random.Seeds;
import io.finrec.recsys.RamUsage;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The trainable parameters of one side: feature embeddings ({@code featureCount * k}, row-major), feature biases,
 * and the optimiser state (AdaGrad's squared-gradient sums, or AdaDelta's two running averages). Plain arrays,
 * updated in place by training workers (Hogwild); models own copies that are never written again.
 */
final class FactorParams {
    final int k;
    final float[] emb;
    final float[] bias;
    final float[] acc;
    final float[] accBias;
    /** AdaDelta's running average of squared updates; empty arrays for AdaGrad. */
    final float[] mom;
    final float[] momBias;

    FactorParams(int k, float[] emb, float[] bias, float[] acc, float[] accBias, float[] mom, float[] momBias) {
        this.k = k;
        this.emb = emb;
        this.bias = bias;
        this.acc = acc;
        this.accBias = accBias;
        this.mom = mom;
        this.momBias = momBias;
    }

    int featureCount() {
        return bias.length;
    }

    static FactorParams empty(int k, boolean adadelta) {
        return new FactorParams(k, new float[0], new float[0], new float[0], new float[0], new float[0], new float[0]);
    }

    /**
     * A copy grown to {@code featureCount} features. New embedding rows are drawn as LightFM does,
     * {@code (U(0,1) - 0.5) / k}, from a stream derived from the seed, the side and the feature ordinal (so growth
     * never shifts existing rows); new biases are 0; AdaGrad sums start at 1 (LightFM), AdaDelta state at 0.
     */
    FactorParams grown(int featureCount, long seed, String side, boolean adadelta) {
        int old = featureCount();
        float[] e = Arrays.copyOf(emb, featureCount * k);
        float[] b = Arrays.copyOf(bias, featureCount);
        float[] a = Arrays.copyOf(acc, featureCount * k);
        float[] ab = Arrays.copyOf(accBias, featureCount);
        float[] m = adadelta ? Arrays.copyOf(mom, featureCount * k) : new float[0];
        float[] mb = adadelta ? Arrays.copyOf(momBias, featureCount) : new float[0];
        long base = Seeds.derive(seed, side + "-embeddings");
        for (int f = old; f < featureCount; f++) {
            SplittableRandom r = new SplittableRandom(Seeds.mix(base + 0x9e3779b97f4a7c15L * (f + 1)));
            for (int j = 0; j < k; j++) e[f * k + j] = (float) ((r.nextDouble() - 0.5) / k);
            if (!adadelta) {
                Arrays.fill(a, f * k, (f + 1) * k, 1f);
                ab[f] = 1f;
            }
        }
        return new FactorParams(k, e, b, a, ab, m, mb);
    }

    /** A copy holding only the given feature rows, renumbered {@code 0..features.length-1}. */
    FactorParams select(int[] features) {
        int n = features.length;
        boolean m = mom.length > 0;
        float[] e = new float[n * k], a = new float[n * k], mo = new float[m ? n * k : 0];
        float[] b = new float[n], ab = new float[n], mb = new float[m ? n : 0];
        for (int r = 0; r < n; r++) {
            int f = features[r];
            System.arraycopy(emb, f * k, e, r * k, k);
            System.arraycopy(acc, f * k, a, r * k, k);
            if (m) {
                System.arraycopy(mom, f * k, mo, r * k, k);
                mb[r] = momBias[f];
            }
            b[r] = bias[f];
            ab[r] = accBias[f];
        }
        return new FactorParams(k, e, b, a, ab, mo, mb);
    }

    FactorParams copy() {
        return new FactorParams(k, emb.clone(), bias.clone(), acc.clone(), accBias.clone(), mom.clone(),
                momBias.clone());
    }

    /** Whether every embedding and bias is finite. */
    boolean finite() {
        for (float v : emb) if (!Float.isFinite(v)) return false;
        for (float v : bias) if (!Float.isFinite(v)) return false;
        return true;
    }

    long ramBytesUsed() {
        return 40 + RamUsage.ints(emb.length) + RamUsage.ints(bias.length) + RamUsage.ints(acc.length)
                + RamUsage.ints(accBias.length) + RamUsage.ints(mom.length) + RamUsage.ints(momBias.length);
    }
}
