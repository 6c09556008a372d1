package io.finrec.strategy.hrp;

import io.finrec.api.allocation.AllocationException;
import io.finrec.strategy.linalg.Matrices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Hierarchical risk parity (López de Prado, 2016): cluster the assets by correlation distance
 * {@code d_ij = √((1 - ρ_ij) / 2)} with single linkage, order them along the tree (quasi-diagonalisation), then
 * split the ordered list recursively in halves and share each parent's weight between the halves in inverse
 * proportion to their inverse-variance-portfolio variances. Two variants of the clustering input are offered,
 * named after their sources; they can give different trees:
 * <ul>
 *   <li>{@link Variant#PLAIN_DISTANCE}: single linkage on d itself, as PyPortfolioOpt's {@code HRPOpt} does;</li>
 *   <li>{@link Variant#DISTANCE_OF_DISTANCES}: single linkage on the Euclidean distance between the columns of d,
 *   {@code d̃_ij = √(Σ_k (d_ik - d_jk)²)}, as in the 2016 paper's code ({@code sch.linkage(dist, 'single')} on the
 *   square matrix).</li>
 * </ul>
 * Long-only and fully invested by construction; no optimiser is involved. Immutable and thread-safe.
 */
public final class HierarchicalRiskParity {
    /** Which distance the single-linkage clustering uses. */
    public enum Variant {
        /** PyPortfolioOpt's HRPOpt: single linkage on the correlation distance. */
        PLAIN_DISTANCE,
        /** López de Prado (2016): single linkage on the Euclidean distance between rows of the distance matrix. */
        DISTANCE_OF_DISTANCES
    }

    /** The weights with the tree they came from. */
    public record Result(double[] weights, int[] order, double[][] linkage) {}

    private final Variant variant;

    /** HRP with the given clustering variant. */
    public HierarchicalRiskParity(Variant variant) {
        this.variant = Objects.requireNonNull(variant, "variant");
    }

    /** The variant. */
    public Variant variant() {
        return variant;
    }

    /**
     * HRP weights.
     *
     * @param covariance  covariance of the assets (any scale: annualised or per period)
     * @param correlation correlation matrix used for the distances (pass the pairwise correlation of the returns to
     *                    reproduce PyPortfolioOpt on data with gaps; otherwise the correlation of {@code covariance})
     */
    public Result weights(double[][] covariance, double[][] correlation) {
        Objects.requireNonNull(covariance, "covariance");
        Objects.requireNonNull(correlation, "correlation");
        int n = covariance.length;
        if (correlation.length != n) throw new IllegalArgumentException("correlation: " + correlation.length + " rows for " + n + " assets");
        for (int i = 0; i < n; i++)
            if (!(covariance[i][i] > 0))
                throw new AllocationException(AllocationException.Reason.SINGULAR_MATRIX,
                        "asset " + i + " has zero variance, so inverse-variance weights are undefined",
                        "drop assets without price movement");
        if (n == 1) return new Result(new double[] {1}, new int[] {0}, new double[0][4]);
        double[][] dist = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double c = correlation[i][j];
                if (!Double.isFinite(c)) throw new IllegalArgumentException("correlation: entry (" + i + ", " + j + ") is not finite");
                dist[i][j] = i == j ? 0 : Math.sqrt(Math.min(1, Math.max(0, (1 - c) / 2)));
            }
        }
        if (variant == Variant.DISTANCE_OF_DISTANCES) {
            double[][] dd = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        double diff = dist[i][k] - dist[j][k];
                        s += diff * diff;
                    }
                    dd[i][j] = Math.sqrt(s);
                    dd[j][i] = dd[i][j];
                }
            }
            dist = dd;
        }
        double[][] link = SingleLinkage.linkage(dist);
        int[] order = SingleLinkage.leafOrder(link);
        double[] w = new double[n];
        Arrays.fill(w, 1);
        List<int[]> clusters = new ArrayList<>();
        clusters.add(order);
        while (!clusters.isEmpty()) {
            List<int[]> next = new ArrayList<>();
            for (int[] c : clusters) {
                if (c.length > 1) {
                    next.add(Arrays.copyOfRange(c, 0, c.length / 2));
                    next.add(Arrays.copyOfRange(c, c.length / 2, c.length));
                }
            }
            clusters = next;
            for (int i = 0; i < clusters.size(); i += 2) {
                int[] left = clusters.get(i);
                int[] right = clusters.get(i + 1);
                double vl = clusterVariance(covariance, left);
                double vr = clusterVariance(covariance, right);
                double alpha = 1 - vl / (vl + vr);
                for (int k : left) w[k] *= alpha;
                for (int k : right) w[k] *= 1 - alpha;
            }
        }
        return new Result(w, order, link);
    }

    /** Variance of the inverse-variance portfolio of a cluster. */
    static double clusterVariance(double[][] cov, int[] members) {
        double[][] sub = Matrices.submatrix(cov, members);
        double[] ivp = new double[members.length];
        double s = 0;
        for (int i = 0; i < members.length; i++) {
            ivp[i] = 1 / sub[i][i];
            s += ivp[i];
        }
        for (int i = 0; i < members.length; i++) ivp[i] /= s;
        return Matrices.quadraticForm(sub, ivp);
    }
}
