package io.finrec.strategy.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The dense linear algebra the strategy module needs, on EJML, behind plain {@code double[][]} so EJML types stay
 * inside this package. Stateless and thread-safe (every call allocates its own EJML workspace).
 */
public final class Matrices {
    private Matrices() {}

    /** A row-major EJML copy of a square or rectangular array. */
    static DMatrixRMaj toEjml(double[][] a) {
        return new DMatrixRMaj(a);
    }

    /** The array of an EJML matrix. */
    static double[][] toArray(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
        return out;
    }

    /**
     * The lower Cholesky factor L of a symmetric matrix (A = LL'), or {@code null} when A is not positive definite.
     */
    public static double[][] choleskyLower(double[][] a) {
        DMatrixRMaj m = toEjml(a);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(m.numRows, true);
        if (!chol.decompose(m)) return null;
        DMatrixRMaj l = chol.getT(null);
        for (int i = 0; i < l.numRows; i++) {
            double d = l.get(i, i);
            if (!(d > 0) || !Double.isFinite(d)) return null;
        }
        return toArray(l);
    }

    /** The inverse of a lower-triangular matrix with a non-zero diagonal (EJML's triangular inversion). */
    public static double[][] solveLowerIdentity(double[][] l) {
        DMatrixRMaj m = toEjml(l);
        org.ejml.dense.row.decomposition.TriangularSolver_DDRM.invertLower(m.data, m.numRows);
        return toArray(m);
    }

    /** Whether a symmetric matrix is positive definite (its Cholesky factorisation succeeds). */
    public static boolean isPositiveDefinite(double[][] a) {
        return choleskyLower(a) != null;
    }

    /** Solves {@code A x = b} with an LU factorisation; {@code null} when A is singular. */
    public static double[] solve(double[][] a, double[] b) {
        DMatrixRMaj m = toEjml(a);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(m.numRows);
        if (!solver.setA(m)) return null;
        if (solver.quality() < 1e-14) return null;
        DMatrixRMaj x = new DMatrixRMaj(b.length, 1);
        solver.solve(new DMatrixRMaj(b.length, 1, true, b), x);
        for (double v : x.data) if (!Double.isFinite(v)) return null;
        return x.data.clone();
    }

    /** Solves {@code A X = B} for a symmetric positive definite A (Cholesky); {@code null} when A is not SPD. */
    public static double[][] solveSpd(double[][] a, double[][] b) {
        DMatrixRMaj m = toEjml(a);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(m.numRows);
        if (!solver.setA(m)) return null;
        DMatrixRMaj x = new DMatrixRMaj(b.length, b[0].length);
        solver.solve(toEjml(b), x);
        for (double v : x.data) if (!Double.isFinite(v)) return null;
        return toArray(x);
    }

    /** The inverse of a symmetric positive definite matrix; {@code null} when it is not SPD. */
    public static double[][] inverseSpd(double[][] a) {
        return solveSpd(a, identity(a.length));
    }

    /** The n × n identity. */
    public static double[][] identity(int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) out[i][i] = 1;
        return out;
    }

    /** Eigenvalues (ascending) and eigenvectors (columns of {@code vectors}) of a symmetric matrix. */
    public static SymmetricEigen symmetricEigen(double[][] a) {
        int n = a.length;
        DMatrixRMaj m = toEjml(a);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) throw new ArithmeticException("eigen decomposition did not converge");
        Integer[] order = new Integer[n];
        double[] vals = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            vals[i] = eig.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(vals[x], vals[y]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = vals[order[k]];
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            double norm = 0;
            for (int i = 0; i < n; i++) norm += v.get(i) * v.get(i);
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) vectors[i][k] = v.get(i) / norm;
        }
        return new SymmetricEigen(values, vectors);
    }

    /** The smallest eigenvalue of a symmetric matrix. */
    public static double minEigenvalue(double[][] a) {
        DMatrixRMaj m = toEjml(a);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(a.length, false, true);
        if (!eig.decompose(m)) throw new ArithmeticException("eigen decomposition did not converge");
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < a.length; i++) min = Math.min(min, eig.getEigenvalue(i).getReal());
        return min;
    }

    /** {@code A B}. */
    public static double[][] multiply(double[][] a, double[][] b) {
        DMatrixRMaj c = new DMatrixRMaj(a.length, b[0].length);
        CommonOps_DDRM.mult(toEjml(a), toEjml(b), c);
        return toArray(c);
    }

    /** {@code XᵀX} (EJML's blocked {@code multTransA}). */
    public static double[][] gram(double[][] x) {
        DMatrixRMaj m = toEjml(x);
        DMatrixRMaj c = new DMatrixRMaj(m.numCols, m.numCols);
        CommonOps_DDRM.multTransA(m, m, c);
        return toArray(c);
    }

    /** {@code AᵀB}. */
    public static double[][] multiplyTransA(double[][] a, double[][] b) {
        DMatrixRMaj ma = toEjml(a);
        DMatrixRMaj mb = toEjml(b);
        DMatrixRMaj c = new DMatrixRMaj(ma.numCols, mb.numCols);
        CommonOps_DDRM.multTransA(ma, mb, c);
        return toArray(c);
    }

    /** {@code A x}. */
    public static double[] multiply(double[][] a, double[] x) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            double[] row = a[i];
            for (int j = 0; j < x.length; j++) s += row[j] * x[j];
            out[i] = s;
        }
        return out;
    }

    /** {@code x' A x}. */
    public static double quadraticForm(double[][] a, double[] x) {
        return dot(x, multiply(a, x));
    }

    /** The dot product. */
    public static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    /** A deep copy. */
    public static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
        return out;
    }

    /** Multiplies every element by {@code s}, in place; returns {@code a}. */
    public static double[][] scale(double[][] a, double s) {
        for (double[] row : a) for (int j = 0; j < row.length; j++) row[j] *= s;
        return a;
    }

    /** Makes {@code a} exactly symmetric by averaging mirrored entries, in place; returns {@code a}. */
    public static double[][] symmetrize(double[][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                double v = 0.5 * (a[i][j] + a[j][i]);
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        return a;
    }

    /** The rows and columns of {@code a} listed in {@code idx}. */
    public static double[][] submatrix(double[][] a, int[] idx) {
        double[][] out = new double[idx.length][idx.length];
        for (int i = 0; i < idx.length; i++) for (int j = 0; j < idx.length; j++) out[i][j] = a[idx[i]][idx[j]];
        return out;
    }

    /** Eigenvalues (ascending) and orthonormal eigenvectors (as columns) of a symmetric matrix. */
    public record SymmetricEigen(double[] values, double[][] vectors) {
        /** Rebuilds V diag(values) V'. */
        public double[][] reconstruct(double[] vals) {
            int n = vals.length;
            double[][] out = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) s += vectors[i][k] * vals[k] * vectors[j][k];
                    out[i][j] = s;
                    out[j][i] = s;
                }
            }
            return out;
        }
    }
}
