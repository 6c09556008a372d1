package io.finrec.strategy.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.allocation.AllocationException;
import io.finrec.api.allocation.SolverReport;
import io.finrec.strategy.linalg.Matrices;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActiveSetQpSolverTest {
    private final ActiveSetQpSolver solver = new ActiveSetQpSolver();

    static double[][] randomSpd(int n, SplittableRandom rnd) {
        double[][] a = new double[n + 5][n];
        for (double[] row : a) for (int j = 0; j < n; j++) row[j] = rnd.nextGaussian() * (0.5 + (j % 3));
        double[][] s = new double[n][n];
        for (double[] row : a) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) s[i][j] += row[i] * row[j] / a.length;
        return s;
    }

    static QuadraticProgram.Builder budget(QuadraticProgram.Builder b, int n) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return b.constraint("budget", ones, QuadraticProgram.Relation.EQ, 1);
    }

    static void assertKkt(SolverReport r, double tol) {
        assertTrue(r.maxResidual() < tol, "KKT residuals too large: " + r);
    }

    @Test
    void unconstrainedMinimumVarianceMatchesClosedForm() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 12;
        double[][] s = randomSpd(n, rnd);
        QpSolution sol = solver.solve(budget(QuadraticProgram.builder(Matrices.scale(Matrices.copy(s), 2), new double[n]), n).build());
        double[] expected = Matrices.solve(s, ones(n));
        double sum = 0;
        for (double v : expected) sum += v;
        for (int i = 0; i < n; i++) assertEquals(expected[i] / sum, sol.x(i), 1e-12);
        assertKkt(sol.report(), 1e-12);
    }

    @Test
    void longOnlyRandomProblemsSatisfyKkt() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 30; trial++) {
            int n = 5 + rnd.nextInt(60);
            double[][] s = randomSpd(n, rnd);
            double[] g = new double[n];
            for (int i = 0; i < n; i++) g[i] = rnd.nextGaussian() * 0.3;
            QuadraticProgram.Builder b = budget(QuadraticProgram.builder(s, g), n);
            for (int i = 0; i < n; i++) b.lowerBound("w" + i + ">=0", i, 0).upperBound("w" + i + "<=0.3", i, 0.3);
            QpSolution sol = solver.solve(b.build());
            assertKkt(sol.report(), 1e-11);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                assertTrue(sol.x(i) >= 0 && sol.x(i) <= 0.3, "bound violated " + sol.x(i));
                sum += sol.x(i);
            }
            assertEquals(1, sum, 1e-12, "trial " + trial);
        }
    }

    @Test
    void detectsInfeasibleBounds() {
        int n = 4;
        QuadraticProgram.Builder b = budget(QuadraticProgram.builder(Matrices.identity(n), new double[n]), n);
        for (int i = 0; i < n; i++) b.lowerBound("w" + i + ">=0", i, 0).upperBound("w" + i + "<=0.2", i, 0.2);
        AllocationException e = assertThrows(AllocationException.class, () -> solver.solve(b.build()));
        assertEquals(AllocationException.Reason.INFEASIBLE_CONSTRAINTS, e.reason());
    }

    static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1);
        return o;
    }
}
