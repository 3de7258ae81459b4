package dev.oscilla.fit;

import java.util.Arrays;
import java.util.Objects;

/**
 * A bounded, weighted, optionally L1-penalised nonlinear least-squares problem, separate from any solver:
 * <pre>
 *   minimise  0.5 * sum_i w_i r_i(p)^2  +  sum_j l1_j * p_j
 *   subject to lower_j <= p_j <= upper_j,  p_j = start_j for locked j
 * </pre>
 * The L1 term is linear because it is only allowed on parameters whose lower bound is >= 0 (oscillator
 * strengths); it drives unneeded oscillators to zero. Immutable: arrays are copied.
 */
public final class LeastSquaresProblem {

    private final ResidualModel model;
    private final double[] start;
    private final double[] lower;
    private final double[] upper;
    private final boolean[] locked;
    private final double[] weights;
    private final double[] l1;
    private final String[] names;

    private LeastSquaresProblem(Builder b) {
        this.model = Objects.requireNonNull(b.model, "model");
        int n = model.parameterCount();
        int m = model.residualCount();
        this.start = check(b.start, n, "start").clone();
        this.lower = b.lower == null ? filled(n, Double.NEGATIVE_INFINITY) : check(b.lower, n, "lower").clone();
        this.upper = b.upper == null ? filled(n, Double.POSITIVE_INFINITY) : check(b.upper, n, "upper").clone();
        this.locked = b.locked == null ? new boolean[n] : b.locked.clone();
        if (locked.length != n) {
            throw new IllegalArgumentException("locked has " + locked.length + " entries, expected " + n);
        }
        this.weights = b.weights == null ? null : check(b.weights, m, "weights").clone();
        this.l1 = b.l1 == null ? new double[n] : check(b.l1, n, "l1").clone();
        this.names = b.names == null ? defaultNames(n) : b.names.clone();
        for (int j = 0; j < n; j++) {
            if (Double.isNaN(lower[j]) || Double.isNaN(upper[j]) || lower[j] > upper[j]) {
                throw new IllegalArgumentException("invalid bounds for " + names[j] + ": [" + lower[j] + ", "
                        + upper[j] + "]");
            }
            if (!Double.isFinite(start[j])) {
                throw new IllegalArgumentException("start value of " + names[j] + " is " + start[j]);
            }
            if (l1[j] < 0 || !Double.isFinite(l1[j])) {
                throw new IllegalArgumentException("L1 weight of " + names[j] + " must be >= 0");
            }
            if (l1[j] > 0 && lower[j] < 0) {
                throw new IllegalArgumentException("L1 penalty on " + names[j] + " needs a lower bound >= 0");
            }
        }
        if (weights != null) {
            for (double w : weights) {
                if (!(w >= 0) || !Double.isFinite(w)) {
                    throw new IllegalArgumentException("weights must be finite and >= 0");
                }
            }
        }
    }

    private static double[] check(double[] a, int n, String what) {
        if (a.length != n) {
            throw new IllegalArgumentException(what + " has " + a.length + " entries, expected " + n);
        }
        return a;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static String[] defaultNames(int n) {
        String[] s = new String[n];
        for (int j = 0; j < n; j++) {
            s[j] = "p" + j;
        }
        return s;
    }

    public static Builder builder(ResidualModel model) {
        return new Builder(model);
    }

    public ResidualModel model() {
        return model;
    }

    public int parameterCount() {
        return start.length;
    }

    public int residualCount() {
        return model.residualCount();
    }

    public double[] start() {
        return start.clone();
    }

    public double lower(int j) {
        return lower[j];
    }

    public double upper(int j) {
        return upper[j];
    }

    public boolean isLocked(int j) {
        return locked[j];
    }

    /** Weight of residual i (1 when the problem is unweighted). */
    public double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    public boolean isWeighted() {
        return weights != null;
    }

    public double l1(int j) {
        return l1[j];
    }

    public String name(int j) {
        return names[j];
    }

    /** Builder of an immutable problem. */
    public static final class Builder {
        private final ResidualModel model;
        private double[] start;
        private double[] lower;
        private double[] upper;
        private boolean[] locked;
        private double[] weights;
        private double[] l1;
        private String[] names;

        private Builder(ResidualModel model) {
            this.model = model;
        }

        public Builder start(double[] value) {
            start = value;
            return this;
        }

        public Builder bounds(double[] lowerBounds, double[] upperBounds) {
            lower = lowerBounds;
            upper = upperBounds;
            return this;
        }

        public Builder locked(boolean[] value) {
            locked = value;
            return this;
        }

        /** Per-residual weights (1/sigma^2 for absolute weighting). */
        public Builder weights(double[] value) {
            weights = value;
            return this;
        }

        public Builder l1(double[] value) {
            l1 = value;
            return this;
        }

        public Builder names(String[] value) {
            names = value;
            return this;
        }

        public LeastSquaresProblem build() {
            if (start == null) {
                throw new IllegalArgumentException("a start vector is required");
            }
            return new LeastSquaresProblem(this);
        }
    }
}
