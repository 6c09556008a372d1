package io.finrec.strategy.hrp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HierarchicalRiskParityTest {
    /** A correlation matrix whose SciPy single-linkage trees were computed with scipy 1.17 (see expected values). */
    static final double[][] CORR = {
        {1.0, -0.219836, -0.195986, -0.121277, 0.164437, 0.602462, -0.116626},
        {-0.219836, 1.0, 0.059842, 0.515379, -0.172883, 0.131625, 0.268638},
        {-0.195986, 0.059842, 1.0, -0.338119, -0.158526, 0.094661, -0.163249},
        {-0.121277, 0.515379, -0.338119, 1.0, -0.2312, -0.092963, 0.310414},
        {0.164437, -0.172883, -0.158526, -0.2312, 1.0, 0.142772, 0.042824},
        {0.602462, 0.131625, 0.094661, -0.092963, 0.142772, 1.0, -0.104404},
        {-0.116626, 0.268638, -0.163249, 0.310414, 0.042824, -0.104404, 1.0}};

    static double[][] distance(double[][] c) {
        double[][] d = new double[c.length][c.length];
        for (int i = 0; i < c.length; i++)
            for (int j = 0; j < c.length; j++) d[i][j] = i == j ? 0 : Math.sqrt((1 - c[i][j]) / 2);
        return d;
    }

    @Test
    void singleLinkageMatchesScipy() {
        double[][] z = SingleLinkage.linkage(distance(CORR));
        double[][] expected = {{0, 5, 0.44583517133577516, 2}, {1, 3, 0.4922504443878136, 2}, {6, 8, 0.5871907696822217, 3},
            {4, 7, 0.6463601937000762, 3}, {9, 10, 0.6589290553618045, 6}, {2, 11, 0.6728071789153264, 7}};
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], z[i], 1e-15);
        assertArrayEquals(new int[] {2, 6, 1, 3, 4, 0, 5}, SingleLinkage.leafOrder(z));
    }

    @Test
    void tiesAreBrokenLikeScipy() {
        double[][] d = {{0, 1, 1, 2}, {1, 0, 2, 1}, {1, 2, 0, 1}, {2, 1, 1, 0}};
        double[][] z = SingleLinkage.linkage(d);
        assertArrayEquals(new double[] {0, 1, 1, 2}, z[0], 0);
        assertArrayEquals(new double[] {2, 4, 1, 3}, z[1], 0);
        assertArrayEquals(new double[] {3, 5, 1, 4}, z[2], 0);
        assertArrayEquals(new int[] {3, 2, 0, 1}, SingleLinkage.leafOrder(z));
    }

    @Test
    void distanceOfDistancesVariantMatchesScipyOnTheSquareMatrix() {
        double[][] cov = new double[7][7];
        for (int i = 0; i < 7; i++) for (int j = 0; j < 7; j++) cov[i][j] = CORR[i][j] * (0.1 + 0.01 * i) * (0.1 + 0.01 * j);
        HierarchicalRiskParity.Result r = new HierarchicalRiskParity(HierarchicalRiskParity.Variant.DISTANCE_OF_DISTANCES).weights(cov, CORR);
        assertArrayEquals(new int[] {6, 1, 3, 2, 4, 0, 5}, r.order());
        assertEquals(1.019844531758309, r.linkage()[5][2], 1e-12);
        HierarchicalRiskParity.Result p = new HierarchicalRiskParity(HierarchicalRiskParity.Variant.PLAIN_DISTANCE).weights(cov, CORR);
        assertArrayEquals(new int[] {2, 6, 1, 3, 4, 0, 5}, p.order());
    }

    @Test
    void recursiveBisectionByHand() {
        // two uncorrelated pairs: {0,1} highly correlated, {2,3} highly correlated
        double[] vol = {0.1, 0.2, 0.15, 0.3};
        double[][] corr = {{1, 0.9, 0, 0}, {0.9, 1, 0, 0}, {0, 0, 1, 0.8}, {0, 0, 0.8, 1}};
        double[][] cov = new double[4][4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) cov[i][j] = corr[i][j] * vol[i] * vol[j];
        HierarchicalRiskParity.Result r = new HierarchicalRiskParity(HierarchicalRiskParity.Variant.PLAIN_DISTANCE).weights(cov, corr);
        assertArrayEquals(new int[] {0, 1, 2, 3}, r.order());
        double vA = HierarchicalRiskParity.clusterVariance(cov, new int[] {0, 1});
        double vB = HierarchicalRiskParity.clusterVariance(cov, new int[] {2, 3});
        double alpha = 1 - vA / (vA + vB);
        // within each pair: inverse variance split
        double w0 = alpha * (1 / 0.01) / (1 / 0.01 + 1 / 0.04);
        double w2 = (1 - alpha) * (1 / 0.0225) / (1 / 0.0225 + 1 / 0.09);
        assertEquals(w2, r.weights()[2], 1e-15);
        assertEquals(w0, r.weights()[0], 1e-15);
        double s = 0;
        for (double w : r.weights()) s += w;
        assertEquals(1, s, 1e-15);
    }
}
