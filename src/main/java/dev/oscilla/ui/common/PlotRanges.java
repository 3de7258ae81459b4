package dev.oscilla.ui.common;

import dev.oscilla.spectrum.WavenumberWindow;

/** Axis ranges computed from the data a plot is about (the part inside a window), not from everything it draws. */
public final class PlotRanges {

    /** Smallest span of a y range (a flat spectrum still gets an axis), in the data's units. */
    public static final double MIN_SPAN = 1e-3;
    /** Smallest half-height of a residual axis, in the data's units (a perfect model shows as a flat line). */
    public static final double MIN_RESIDUAL = 1e-4;

    private PlotRanges() {
    }

    /**
     * {lo, hi} covering the finite values of every series (null series skipped) at the points whose x lies in
     * {@code window}, widened by {@code margin} of their span on both sides; null when no point is in the window.
     */
    public static double[] range(double[] x, int n, WavenumberWindow window, double margin, double[]... series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!window.contains(x[i])) {
                continue;
            }
            for (double[] y : series) {
                if (y != null && Double.isFinite(y[i])) {
                    lo = Math.min(lo, y[i]);
                    hi = Math.max(hi, y[i]);
                }
            }
        }
        if (lo > hi) {
            return null;
        }
        double span = Math.max(hi - lo, MIN_SPAN);
        double mid = 0.5 * (lo + hi);
        return new double[] {mid - span * (0.5 + margin), mid + span * (0.5 + margin)};
    }

    /** {-a, a} with a = 1.15 max |y| over the points in {@code window} (at least {@link #MIN_RESIDUAL}). */
    public static double[] symmetric(double[] x, int n, WavenumberWindow window, double[] y) {
        double a = 0;
        for (int i = 0; i < n; i++) {
            if (window.contains(x[i]) && Double.isFinite(y[i])) {
                a = Math.max(a, Math.abs(y[i]));
            }
        }
        a = Math.max(1.15 * a, MIN_RESIDUAL);
        return new double[] {-a, a};
    }
}
