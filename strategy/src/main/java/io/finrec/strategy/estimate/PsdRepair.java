package io.finrec.strategy.estimate;

import io.finrec.strategy.linalg.Matrices;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks that a covariance matrix is positive semidefinite and repairs it when it is not (pairwise-complete and
 * exponentially weighted estimates can have negative eigenvalues). Stateless and thread-safe.
 */
public final class PsdRepair {
    private PsdRepair() {}

    /** How to repair a matrix with negative eigenvalues. */
    public enum Method {
        /** Set negative eigenvalues to zero and rebuild V diag(λ) Vᵀ (PyPortfolioOpt's "spectral"). */
        EIGENVALUE_CLIP,
        /** Add {@code -1.1 λ_min} to the diagonal (PyPortfolioOpt's "diag"). */
        DIAGONAL_SHIFT
    }

    /** The (possibly repaired) matrix, its minimum eigenvalue before repair, and the warning if it was repaired. */
    public record Result(double[][] matrix, double minEigenvalue, Optional<String> warning) {
        public Result {
            Objects.requireNonNull(matrix, "matrix");
            Objects.requireNonNull(warning, "warning");
        }

        /** Whether the matrix was changed. */
        public boolean repaired() {
            return warning.isPresent();
        }
    }

    /**
     * Returns the matrix unchanged when it is positive semidefinite (Cholesky of {@code A + 1e-16 I} succeeds, the
     * test PyPortfolioOpt uses), else the repair with a warning carrying the minimum eigenvalue.
     */
    public static Result ensurePsd(double[][] cov, Method method) {
        Objects.requireNonNull(cov, "cov");
        Objects.requireNonNull(method, "method");
        int n = cov.length;
        for (int i = 0; i < n; i++) {
            if (cov[i].length != n) throw new IllegalArgumentException("cov: row " + i + " has " + cov[i].length + " entries, expected " + n);
            for (int j = 0; j < n; j++)
                if (!Double.isFinite(cov[i][j]))
                    throw new IllegalArgumentException("cov: entry (" + i + ", " + j + ") is not finite (" + cov[i][j] + ")");
        }
        double[][] jittered = Matrices.copy(cov);
        for (int i = 0; i < n; i++) jittered[i][i] += 1e-16;
        if (Matrices.choleskyLower(jittered) != null) return new Result(Matrices.copy(cov), Double.NaN, Optional.empty());
        Matrices.SymmetricEigen eig = Matrices.symmetricEigen(Matrices.symmetrize(Matrices.copy(cov)));
        double min = eig.values()[0];
        double[][] fixed;
        if (method == Method.EIGENVALUE_CLIP) {
            double[] vals = eig.values().clone();
            for (int i = 0; i < vals.length; i++) vals[i] = Math.max(vals[i], 0);
            fixed = eig.reconstruct(vals);
        } else {
            fixed = Matrices.copy(cov);
            for (int i = 0; i < n; i++) fixed[i][i] -= 1.1 * min;
        }
        String w = String.format(Locale.ROOT, "the covariance matrix was not positive semidefinite (minimum eigenvalue %.3e);"
                + " repaired by %s", min, method == Method.EIGENVALUE_CLIP ? "clipping negative eigenvalues to zero"
                : "shifting the diagonal by " + String.format(Locale.ROOT, "%.3e", -1.1 * min));
        return new Result(fixed, min, Optional.of(w));
    }
}
