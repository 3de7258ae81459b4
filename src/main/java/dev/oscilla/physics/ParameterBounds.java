package dev.oscilla.physics;

import java.util.Arrays;

/**
 * Box bounds on a mineral's flat parameter vector (see {@link ParameterLayout}). Lower may equal upper
 * (the parameter is then fixed). Immutable: arrays are copied in and out.
 */
public final class ParameterBounds {

    private final double[] lower;
    private final double[] upper;

    public ParameterBounds(double[] lower, double[] upper) {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("lower and upper bounds differ in length");
        }
        for (int i = 0; i < lower.length; i++) {
            if (Double.isNaN(lower[i]) || Double.isNaN(upper[i]) || lower[i] > upper[i]) {
                throw new IllegalArgumentException(
                        "bound " + i + " is invalid: [" + lower[i] + ", " + upper[i] + "]");
            }
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    /** Unbounded box of the given size. */
    public static ParameterBounds unbounded(int size) {
        double[] lo = new double[size];
        double[] hi = new double[size];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return new ParameterBounds(lo, hi);
    }

    public int size() {
        return lower.length;
    }

    public double lower(int i) {
        return lower[i];
    }

    public double upper(int i) {
        return upper[i];
    }

    public double[] lower() {
        return lower.clone();
    }

    public double[] upper() {
        return upper.clone();
    }

    public boolean contains(double[] p) {
        for (int i = 0; i < lower.length; i++) {
            if (p[i] < lower[i] || p[i] > upper[i]) {
                return false;
            }
        }
        return true;
    }

    /** Clamps {@code p} into the box in place and returns it. */
    public double[] clamp(double[] p) {
        for (int i = 0; i < lower.length; i++) {
            p[i] = Math.min(upper[i], Math.max(lower[i], p[i]));
        }
        return p;
    }

    /** The intersection of this box with another of the same size. */
    public ParameterBounds intersect(ParameterBounds other) {
        double[] lo = new double[lower.length];
        double[] hi = new double[lower.length];
        for (int i = 0; i < lo.length; i++) {
            lo[i] = Math.max(lower[i], other.lower[i]);
            hi[i] = Math.min(upper[i], other.upper[i]);
            if (lo[i] > hi[i]) {
                throw new IllegalArgumentException("bounds do not intersect at parameter " + i);
            }
        }
        return new ParameterBounds(lo, hi);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterBounds && Arrays.equals(lower, ((ParameterBounds) o).lower)
                && Arrays.equals(upper, ((ParameterBounds) o).upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }
}
