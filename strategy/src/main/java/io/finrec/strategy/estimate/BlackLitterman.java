package io.finrec.strategy.estimate;

import io.finrec.api.allocation.AllocationException;
import io.finrec.strategy.linalg.Matrices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Black-Litterman posterior (He and Litterman 1999), following PyPortfolioOpt's {@code BlackLittermanModel}:
 * prior returns π (e.g. the market-implied {@code δ Σ w_mkt + r_f}), K views {@code P μ = Q} with uncertainty Ω
 * (default {@code diag(τ P Σ Pᵀ)}; Idzorek's method from confidences; or given), and
 * <pre>
 *   E[R] = π + τΣPᵀ (τPΣPᵀ + Ω)⁻¹ (Q - Pπ)
 *   Σ_BL = Σ + τΣ - τΣPᵀ (τPΣPᵀ + Ω)⁻¹ PτΣ
 * </pre>
 * The implied weights are {@code (δΣ)⁻¹ E[R]} normalised to sum to one (unconstrained). Immutable and thread-safe;
 * build with {@link #builder(List, double[][])}.
 */
public final class BlackLitterman {
    private final List<String> assets;
    private final double[][] cov;
    private final double[] prior;
    private final double[][] p;
    private final double[] q;
    private final double[][] omega;
    private final double tau;
    private final double riskAversion;

    private BlackLitterman(Builder b) {
        this.assets = List.copyOf(b.assets);
        this.cov = b.cov;
        this.prior = b.prior;
        this.p = b.p.toArray(new double[0][]);
        this.q = b.q.stream().mapToDouble(Double::doubleValue).toArray();
        this.tau = b.tau;
        this.riskAversion = b.riskAversion;
        int k = q.length;
        if (b.omega != null) {
            if (b.omega.length != k) throw new IllegalArgumentException("omega: " + b.omega.length + " rows for " + k + " views");
            this.omega = Matrices.copy(b.omega);
        } else if (b.confidences != null) {
            if (b.confidences.length != k)
                throw new IllegalArgumentException("confidences: " + b.confidences.length + " values for " + k + " views");
            this.omega = new double[k][k];
            for (int v = 0; v < k; v++) {
                double c = b.confidences[v];
                if (!(c >= 0 && c <= 1)) throw new IllegalArgumentException("confidences: view " + v + " has " + c + ", outside [0, 1]");
                omega[v][v] = c == 0 ? 1e6 : tau * (1 - c) / c * Matrices.quadraticForm(cov, p[v]);
            }
        } else {
            this.omega = new double[k][k];
            for (int v = 0; v < k; v++) omega[v][v] = tau * Matrices.quadraticForm(cov, p[v]);
        }
    }

    /** A builder over the assets and their (annualised) covariance. */
    public static Builder builder(List<String> assets, double[][] covariance) {
        return new Builder(assets, covariance);
    }

    /** The prior returns π. */
    public double[] prior() {
        return prior.clone();
    }

    /** The view uncertainty matrix Ω. */
    public double[][] omega() {
        return Matrices.copy(omega);
    }

    /** Number of views. */
    public int viewCount() {
        return q.length;
    }

    /** Posterior expected returns. */
    public double[] posteriorReturns() {
        int n = assets.size();
        if (q.length == 0) return prior.clone();
        double[][] tsp = tauSigmaPt();
        double[][] a = systemMatrix(tsp);
        double[] rhs = new double[q.length];
        for (int v = 0; v < q.length; v++) rhs[v] = q[v] - Matrices.dot(p[v], prior);
        double[] sol = solve(a, rhs);
        double[] out = prior.clone();
        for (int i = 0; i < n; i++) for (int v = 0; v < q.length; v++) out[i] += tsp[i][v] * sol[v];
        return out;
    }

    /** Posterior covariance {@code Σ + τΣ - τΣPᵀ A⁻¹ PτΣ}. */
    public double[][] posteriorCovariance() {
        int n = assets.size();
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) out[i][j] = cov[i][j] * (1 + tau);
        if (q.length == 0) return out;
        double[][] tsp = tauSigmaPt();
        double[][] a = systemMatrix(tsp);
        for (int j = 0; j < n; j++) {
            double[] col = new double[q.length];
            for (int v = 0; v < q.length; v++) col[v] = tsp[j][v];
            double[] m = solve(a, col);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int v = 0; v < q.length; v++) s += tsp[i][v] * m[v];
                out[i][j] -= s;
            }
        }
        return Matrices.symmetrize(out);
    }

    /** The unconstrained weights implied by the posterior: {@code (δΣ)⁻¹ E[R]}, normalised to sum to one. */
    public double[] impliedWeights() {
        double[] mu = posteriorReturns();
        double[][] a = Matrices.scale(Matrices.copy(cov), riskAversion);
        double[] w = Matrices.solve(a, mu);
        if (w == null)
            throw new AllocationException(AllocationException.Reason.SINGULAR_MATRIX,
                    "the covariance matrix is singular, so the Black-Litterman weights are undefined",
                    "use a shrinkage covariance estimator");
        double s = 0;
        for (double v : w) s += v;
        for (int i = 0; i < w.length; i++) w[i] /= s;
        return w;
    }

    /** The posterior returns by asset name. */
    public Map<String, Double> posteriorReturnsByAsset() {
        double[] r = posteriorReturns();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < r.length; i++) out.put(assets.get(i), r[i]);
        return out;
    }

    private double[][] tauSigmaPt() {
        int n = assets.size();
        double[][] out = new double[n][q.length];
        for (int i = 0; i < n; i++)
            for (int v = 0; v < q.length; v++) out[i][v] = tau * Matrices.dot(cov[i], p[v]);
        return out;
    }

    private double[][] systemMatrix(double[][] tsp) {
        int k = q.length;
        double[][] a = new double[k][k];
        for (int v = 0; v < k; v++) {
            for (int u = 0; u < k; u++) {
                double s = 0;
                for (int i = 0; i < assets.size(); i++) s += p[v][i] * tsp[i][u];
                a[v][u] = s + omega[v][u];
            }
        }
        return a;
    }

    private static double[] solve(double[][] a, double[] b) {
        double[] x = Matrices.solve(a, b);
        if (x == null)
            throw new AllocationException(AllocationException.Reason.SINGULAR_MATRIX,
                    "the Black-Litterman view system P τΣ Pᵀ + Ω is singular (duplicate or contradictory certain views?)",
                    "remove duplicate views or give them a confidence below 100 %");
        return x;
    }

    /** Builder of {@link BlackLitterman}. Not thread-safe. */
    public static final class Builder {
        private final List<String> assets;
        private final double[][] cov;
        private double[] prior;
        private final List<double[]> p = new ArrayList<>();
        private final List<Double> q = new ArrayList<>();
        private double[][] omega;
        private double[] confidences;
        private double tau = 0.05;
        private double riskAversion = 1;

        private Builder(List<String> assets, double[][] covariance) {
            this.assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
            Objects.requireNonNull(covariance, "covariance");
            if (covariance.length != assets.size())
                throw new IllegalArgumentException("covariance: " + covariance.length + " rows for " + assets.size() + " assets");
            this.cov = Matrices.copy(covariance);
        }

        /** Prior expected returns π (annualised). */
        public Builder prior(double[] pi) {
            Objects.requireNonNull(pi, "prior");
            if (pi.length != assets.size()) throw new IllegalArgumentException("prior: " + pi.length + " values for " + assets.size() + " assets");
            for (double v : pi) if (!Double.isFinite(v)) throw new IllegalArgumentException("prior: contains a non-finite value");
            this.prior = pi.clone();
            return this;
        }

        /** The market-implied prior {@code δ Σ w_mkt + r_f} from market capitalisations. */
        public Builder marketPrior(double[] marketCaps, double delta, double riskFreeRate) {
            return prior(ExpectedReturns.impliedEquilibrium(cov, marketCaps, delta, riskFreeRate));
        }

        /** An absolute view: the asset's expected return is {@code value}. */
        public Builder absoluteView(String asset, double value) {
            int i = assets.indexOf(asset);
            if (i < 0) throw new IllegalArgumentException("views: asset '" + asset + "' is not in the universe");
            if (!Double.isFinite(value)) throw new IllegalArgumentException("views: view on '" + asset + "' is not finite");
            double[] row = new double[assets.size()];
            row[i] = 1;
            p.add(row);
            q.add(value);
            return this;
        }

        /** A general view {@code pickᵀ μ = value} (e.g. +0.5/+0.5/-0.5/-0.5 for a relative view). */
        public Builder view(double[] pick, double value) {
            if (pick.length != assets.size()) throw new IllegalArgumentException("pick: " + pick.length + " values for " + assets.size() + " assets");
            p.add(pick.clone());
            q.add(value);
            return this;
        }

        /** Scales the prior's uncertainty (default 0.05, must lie in (0, 1]). */
        public Builder tau(double tau) {
            if (!(tau > 0 && tau <= 1)) throw new IllegalArgumentException("tau: must be in (0, 1], was " + tau);
            this.tau = tau;
            return this;
        }

        /** Risk aversion δ for {@link #impliedWeights()} (default 1). */
        public Builder riskAversion(double delta) {
            if (!(delta > 0)) throw new IllegalArgumentException("riskAversion: must be positive, was " + delta);
            this.riskAversion = delta;
            return this;
        }

        /** View uncertainty by Idzorek's method from confidences in [0, 1], one per view, in view order. */
        public Builder idzorekConfidences(double[] conf) {
            this.confidences = conf.clone();
            this.omega = null;
            return this;
        }

        /** An explicit K × K view uncertainty matrix. */
        public Builder omega(double[][] omega) {
            this.omega = Matrices.copy(omega);
            this.confidences = null;
            return this;
        }

        /** Builds; without a prior, π = 0 (PyPortfolioOpt's behaviour, rarely what you want). */
        public BlackLitterman build() {
            if (prior == null) prior = new double[assets.size()];
            return new BlackLitterman(this);
        }
    }
}
