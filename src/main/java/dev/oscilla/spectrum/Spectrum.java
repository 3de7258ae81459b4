package dev.oscilla.spectrum;

import java.util.Arrays;
import java.util.Objects;

/**
 * A measured or modelled spectrum: a strictly ascending wavenumber axis (cm^-1), one value per channel, and a
 * validity mask (false = channel excluded: NaN, instrument gap, user mask). Immutable; arrays are copied in and
 * out.
 */
public final class Spectrum {

    private final String name;
    private final SpectrumKind kind;
    private final double[] axis;
    private final double[] values;
    private final boolean[] valid;

    /**
     * @param axis   strictly ascending positive wavenumbers, cm^-1
     * @param values one per channel; NaN values are masked automatically
     * @param valid  validity per channel, or null for "every finite value is valid"
     */
    public Spectrum(String name, SpectrumKind kind, double[] axis, double[] values, boolean[] valid) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = kind == null ? SpectrumKind.UNKNOWN : kind;
        if (axis.length != values.length || (valid != null && valid.length != axis.length)) {
            throw new IllegalArgumentException("axis, values and mask differ in length");
        }
        if (axis.length == 0) {
            throw new IllegalArgumentException("spectrum '" + name + "' has no channels");
        }
        for (int c = 0; c < axis.length; c++) {
            if (!(axis[c] > 0) || !Double.isFinite(axis[c])) {
                throw new IllegalArgumentException("spectrum '" + name + "': wavenumber " + axis[c]
                        + " at channel " + c + " is not a positive number");
            }
            if (c > 0 && !(axis[c] > axis[c - 1])) {
                throw new IllegalArgumentException("spectrum '" + name + "': axis is not strictly ascending at channel "
                        + c + " (" + axis[c - 1] + ", " + axis[c] + ")");
            }
        }
        this.axis = axis.clone();
        this.values = values.clone();
        this.valid = new boolean[axis.length];
        for (int c = 0; c < axis.length; c++) {
            this.valid[c] = (valid == null || valid[c]) && Double.isFinite(values[c]);
        }
    }

    public Spectrum(String name, SpectrumKind kind, double[] axis, double[] values) {
        this(name, kind, axis, values, null);
    }

    public String name() {
        return name;
    }

    public SpectrumKind kind() {
        return kind;
    }

    public int size() {
        return axis.length;
    }

    public double wavenumber(int channel) {
        return axis[channel];
    }

    public double value(int channel) {
        return values[channel];
    }

    public boolean isValid(int channel) {
        return valid[channel];
    }

    public double[] axis() {
        return axis.clone();
    }

    public double[] values() {
        return values.clone();
    }

    public boolean[] mask() {
        return valid.clone();
    }

    public int validCount() {
        int n = 0;
        for (boolean b : valid) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    public double minWavenumber() {
        return axis[0];
    }

    public double maxWavenumber() {
        return axis[axis.length - 1];
    }

    /** Wavenumbers of the valid channels inside {@code window}. */
    public double[] validAxis(WavenumberWindow window) {
        return select(axis, window);
    }

    /** Values of the valid channels inside {@code window}. */
    public double[] validValues(WavenumberWindow window) {
        return select(values, window);
    }

    private double[] select(double[] source, WavenumberWindow window) {
        int n = 0;
        for (int c = 0; c < axis.length; c++) {
            if (valid[c] && window.contains(axis[c])) {
                n++;
            }
        }
        double[] out = new double[n];
        int i = 0;
        for (int c = 0; c < axis.length; c++) {
            if (valid[c] && window.contains(axis[c])) {
                out[i++] = source[c];
            }
        }
        return out;
    }

    /** The channels inside the window (masked channels kept, still masked). */
    public Spectrum window(WavenumberWindow window) {
        int from = 0;
        while (from < axis.length && !window.contains(axis[from])) {
            from++;
        }
        int to = from;
        while (to < axis.length && window.contains(axis[to])) {
            to++;
        }
        if (to == from) {
            throw new IllegalArgumentException("spectrum '" + name + "' (" + axis[0] + "-" + axis[axis.length - 1]
                    + " cm^-1) has no channel in the window " + window);
        }
        return new Spectrum(name, kind, Arrays.copyOfRange(axis, from, to), Arrays.copyOfRange(values, from, to),
                Arrays.copyOfRange(valid, from, to));
    }

    /** A copy with the given mask combined (AND) with the current one. */
    public Spectrum withMask(boolean[] keep) {
        boolean[] m = valid.clone();
        for (int c = 0; c < m.length; c++) {
            m[c] &= keep[c];
        }
        return new Spectrum(name, kind, axis, values, m);
    }

    public Spectrum withName(String newName) {
        return new Spectrum(newName, kind, axis, values, valid);
    }

    public Spectrum withKind(SpectrumKind newKind) {
        return new Spectrum(name, newKind, axis, values, valid);
    }

    public Spectrum withValues(double[] newValues) {
        return new Spectrum(name, kind, axis, newValues, valid);
    }

    /** Values multiplied by {@code factor} (e.g. 0.01 for percent to fraction). */
    public Spectrum scaled(double factor) {
        double[] v = values.clone();
        for (int c = 0; c < v.length; c++) {
            v[c] *= factor;
        }
        return new Spectrum(name, kind, axis, v, valid);
    }

    /**
     * Linear interpolation onto {@code target} (ascending, cm^-1). A target channel is valid when it lies
     * within this spectrum's axis and both neighbouring source channels are valid.
     *
     * @throws IllegalArgumentException when the two axes do not overlap at all
     */
    public Spectrum resample(double[] target) {
        if (target[target.length - 1] < axis[0] || target[0] > axis[axis.length - 1]) {
            throw new IllegalArgumentException("cannot resample '" + name + "' (" + axis[0] + "-"
                    + axis[axis.length - 1] + " cm^-1) onto " + target[0] + "-" + target[target.length - 1]
                    + " cm^-1: the axes do not overlap");
        }
        double[] out = new double[target.length];
        boolean[] ok = new boolean[target.length];
        int j = 0;
        for (int c = 0; c < target.length; c++) {
            double x = target[c];
            if (x < axis[0] || x > axis[axis.length - 1]) {
                out[c] = Double.NaN;
                continue;
            }
            while (j < axis.length - 2 && axis[j + 1] < x) {
                j++;
            }
            if (axis.length == 1) {
                out[c] = values[0];
                ok[c] = valid[0];
                continue;
            }
            double x0 = axis[j];
            double x1 = axis[j + 1];
            double t = (x - x0) / (x1 - x0);
            if (t <= 0) {
                out[c] = values[j];
                ok[c] = valid[j];
            } else if (t >= 1) {
                out[c] = values[j + 1];
                ok[c] = valid[j + 1];
            } else {
                out[c] = values[j] + t * (values[j + 1] - values[j]);
                ok[c] = valid[j] && valid[j + 1];
            }
        }
        return new Spectrum(name, kind, target, out, ok);
    }

    /** True when this spectrum's axis equals {@code other} channel for channel within 1e-9 relative. */
    public boolean sameAxis(double[] other) {
        if (other.length != axis.length) {
            return false;
        }
        if (java.util.Arrays.equals(axis, other)) {
            return true; // the usual case (spectra of one file on the matrix's axis), and a vectorised compare
        }
        for (int c = 0; c < axis.length; c++) {
            if (Math.abs(axis[c] - other[c]) > 1e-9 * axis[c]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Spectrum[" + name + ", " + axis.length + " channels, " + axis[0] + "-" + axis[axis.length - 1]
                + " cm^-1]";
    }
}
