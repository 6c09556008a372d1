package io.finrec.strategy.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A convex quadratic program: minimise {@code ½ x'Hx + g'x} subject to linear equalities {@code a'x = b},
 * inequalities {@code a'x >= b} (or {@code <=}) and simple bounds {@code lower <= x <= upper}. H must be symmetric
 * positive definite (the solver checks). Every constraint carries a name that appears in solver reports and
 * error messages. Immutable and thread-safe; build with {@link #builder(double[][], double[])}.
 */
public final class QuadraticProgram {
    /** Relation of a linear constraint. */
    public enum Relation { EQ, GE, LE }

    /**
     * One linear constraint. {@code index >= 0} marks a single-variable constraint {@code x_index (rel) rhs}
     * (a bound); otherwise {@code coefficients} holds the full row.
     */
    public record Constraint(String name, double[] coefficients, int index, Relation relation, double rhs) {
        public Constraint {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(relation, "relation");
            if (!Double.isFinite(rhs)) throw new IllegalArgumentException("rhs: constraint '" + name + "' is not finite");
            if (coefficients != null) {
                for (double c : coefficients)
                    if (!Double.isFinite(c))
                        throw new IllegalArgumentException("coefficients: constraint '" + name + "' has a non-finite entry");
            }
        }

        /** {@code a'x}. */
        public double evaluate(double[] x) {
            if (index >= 0) return x[index];
            double s = 0;
            for (int i = 0; i < x.length; i++) s += coefficients[i] * x[i];
            return s;
        }

        /** Whether this is a single-variable (bound) constraint. */
        public boolean isBound() {
            return index >= 0;
        }
    }

    private final double[][] h;
    private final double[] g;
    private final List<Constraint> constraints;

    private QuadraticProgram(double[][] h, double[] g, List<Constraint> constraints) {
        this.h = h;
        this.g = g;
        this.constraints = List.copyOf(constraints);
    }

    /** A builder for {@code ½ x'Hx + g'x}; the arrays are copied. */
    public static Builder builder(double[][] h, double[] g) {
        return new Builder(h, g);
    }

    /** Number of variables. */
    public int size() {
        return g.length;
    }

    /** A copy of H. */
    public double[][] hessian() {
        double[][] out = new double[h.length][];
        for (int i = 0; i < h.length; i++) out[i] = h[i].clone();
        return out;
    }

    double[][] hessianView() {
        return h;
    }

    /** A copy of g. */
    public double[] linear() {
        return g.clone();
    }

    double[] linearView() {
        return g;
    }

    /** The constraints, in the order they were added. */
    public List<Constraint> constraints() {
        return constraints;
    }

    /** The objective {@code ½ x'Hx + g'x}. */
    public double objective(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double hx = 0;
            for (int j = 0; j < x.length; j++) hx += h[i][j] * x[j];
            s += x[i] * (0.5 * hx + g[i]);
        }
        return s;
    }

    /** Builder of {@link QuadraticProgram}. Not thread-safe. */
    public static final class Builder {
        private final double[][] h;
        private final double[] g;
        private final List<Constraint> constraints = new ArrayList<>();

        private Builder(double[][] h, double[] g) {
            Objects.requireNonNull(h, "h");
            Objects.requireNonNull(g, "g");
            int n = g.length;
            if (n == 0) throw new IllegalArgumentException("g: the program has no variables");
            if (h.length != n) throw new IllegalArgumentException("h: " + h.length + " rows for " + n + " variables");
            this.h = new double[n][];
            for (int i = 0; i < n; i++) {
                if (h[i].length != n)
                    throw new IllegalArgumentException("h: row " + i + " has " + h[i].length + " columns, expected " + n);
                for (int j = 0; j < n; j++)
                    if (!Double.isFinite(h[i][j])) throw new IllegalArgumentException("h: entry (" + i + ", " + j + ") is not finite");
                this.h[i] = h[i].clone();
            }
            for (int i = 0; i < n; i++)
                if (!Double.isFinite(g[i])) throw new IllegalArgumentException("g: entry " + i + " is not finite");
            this.g = g.clone();
        }

        /** Adds {@code a'x (relation) rhs}. */
        public Builder constraint(String name, double[] a, Relation relation, double rhs) {
            if (a.length != g.length)
                throw new IllegalArgumentException("a: constraint '" + name + "' has " + a.length + " coefficients for "
                        + g.length + " variables");
            constraints.add(new Constraint(name, a.clone(), -1, relation, rhs));
            return this;
        }

        /** Adds {@code x_i >= lower} unless {@code lower} is -∞. */
        public Builder lowerBound(String name, int i, double lower) {
            Objects.checkIndex(i, g.length);
            if (lower != Double.NEGATIVE_INFINITY) constraints.add(new Constraint(name, null, i, Relation.GE, lower));
            return this;
        }

        /** Adds {@code x_i <= upper} unless {@code upper} is +∞. */
        public Builder upperBound(String name, int i, double upper) {
            Objects.checkIndex(i, g.length);
            if (upper != Double.POSITIVE_INFINITY) constraints.add(new Constraint(name, null, i, Relation.LE, upper));
            return this;
        }

        /** Adds {@code x_i = value}. */
        public Builder fix(String name, int i, double value) {
            Objects.checkIndex(i, g.length);
            constraints.add(new Constraint(name, null, i, Relation.EQ, value));
            return this;
        }

        /** Builds the program. */
        public QuadraticProgram build() {
            return new QuadraticProgram(h, g, constraints);
        }
    }
}
