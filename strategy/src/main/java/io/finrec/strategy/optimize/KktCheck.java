package io.finrec.strategy.optimize;

import io.finrec.api.allocation.SolverReport;
import java.util.List;

/**
 * Residuals of the Karush-Kuhn-Tucker conditions of a {@link QuadraticProgram} at a point and multipliers:
 * stationarity {@code Hx + g - Σ λ_i n_i = 0} (n_i = a_i for {@code >=} and {@code =}, -a_i for {@code <=}),
 * primal feasibility, dual feasibility ({@code λ_i >= 0} for inequalities) and complementarity
 * ({@code λ_i · slack_i = 0}). Stateless and thread-safe.
 */
public final class KktCheck {
    private KktCheck() {}

    /** The report for a solution. */
    public static SolverReport report(QuadraticProgram qp, double[] x, double[] multipliers, boolean[] active,
                                      String solver, int iterations, List<String> activeNames) {
        int n = qp.size();
        double[][] h = qp.hessianView();
        double[] g = qp.linearView();
        double[] grad = new double[n];
        for (int i = 0; i < n; i++) {
            double s = g[i];
            for (int j = 0; j < n; j++) s += h[i][j] * x[j];
            grad[i] = s;
        }
        double primal = 0;
        double dual = 0;
        double comp = 0;
        List<QuadraticProgram.Constraint> cs = qp.constraints();
        for (int c = 0; c < cs.size(); c++) {
            QuadraticProgram.Constraint k = cs.get(c);
            double lam = multipliers[c];
            double ax = k.evaluate(x);
            double dir = k.relation() == QuadraticProgram.Relation.LE ? -1 : 1;
            double slack = dir * (ax - k.rhs());
            if (lam != 0) {
                if (k.isBound()) grad[k.index()] -= lam * dir;
                else for (int i = 0; i < n; i++) grad[i] -= lam * dir * k.coefficients()[i];
            }
            if (k.relation() == QuadraticProgram.Relation.EQ) {
                primal = Math.max(primal, Math.abs(slack));
            } else {
                primal = Math.max(primal, -slack);
                dual = Math.max(dual, -lam);
                comp = Math.max(comp, Math.abs(lam * slack));
            }
        }
        double stat = 0;
        for (double v : grad) stat = Math.max(stat, Math.abs(v));
        return new SolverReport(solver, "optimal", iterations, stat, Math.max(0, primal), Math.max(0, dual), comp,
                activeNames);
    }
}
