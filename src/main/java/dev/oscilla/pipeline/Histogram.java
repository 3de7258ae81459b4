package dev.oscilla.pipeline;

import java.io.Serializable;

/**
 * A fixed-bin histogram for quantiles of millions of values in constant memory (map statistics): linear bins over
 * [lo, hi], or logarithmic bins (for positive quantities spanning decades, e.g. RMS). Values outside the range are
 * counted in under- and overflow, and the exact minimum and maximum are kept, so a quantile is exact to one bin
 * width (linear) or one bin ratio (logarithmic). Not thread-safe: one per worker, then {@link #merge}.
 */
public final class Histogram implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double lo;
    private final double hi;
    private final boolean log;
    private final long[] counts;
    private long under;
    private long over;
    private long n;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    private Histogram(double lo, double hi, int bins, boolean log) {
        this.lo = log ? Math.log(lo) : lo;
        this.hi = log ? Math.log(hi) : hi;
        this.log = log;
        this.counts = new long[bins];
    }

    public static Histogram linear(double lo, double hi, int bins) {
        return new Histogram(lo, hi, bins, false);
    }

    /** Logarithmic bins over [lo, hi], lo > 0; zero and negative values count as underflow. */
    public static Histogram logarithmic(double lo, double hi, int bins) {
        if (!(lo > 0) || !(hi > lo)) {
            throw new IllegalArgumentException("logarithmic bins need 0 < lo < hi");
        }
        return new Histogram(lo, hi, bins, true);
    }

    /** An empty histogram with the same bins. */
    public Histogram emptyCopy() {
        Histogram h = new Histogram(log ? Math.exp(lo) : lo, log ? Math.exp(hi) : hi, counts.length, log);
        return h;
    }

    /** Adds a finite value (non-finite values are ignored). */
    public void add(double v) {
        if (!Double.isFinite(v)) {
            return;
        }
        n++;
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
        double x = log ? (v > 0 ? Math.log(v) : Double.NEGATIVE_INFINITY) : v;
        if (x < lo) {
            under++;
        } else if (x >= hi) {
            over++;
        } else {
            int b = (int) ((x - lo) / (hi - lo) * counts.length);
            counts[Math.min(b, counts.length - 1)]++;
        }
    }

    public void merge(Histogram other) {
        if (other.counts.length != counts.length || other.lo != lo || other.hi != hi || other.log != log) {
            throw new IllegalArgumentException("histograms with different bins");
        }
        for (int b = 0; b < counts.length; b++) {
            counts[b] += other.counts[b];
        }
        under += other.under;
        over += other.over;
        n += other.n;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    public long count() {
        return n;
    }

    public double min() {
        return n == 0 ? Double.NaN : min;
    }

    public double max() {
        return n == 0 ? Double.NaN : max;
    }

    /**
     * The q-quantile (0 <= q <= 1), interpolated within its bin and clamped to [min, max]; NaN when empty. A quantile
     * in the under- or overflow is the minimum or maximum.
     */
    public double quantile(double q) {
        if (n == 0) {
            return Double.NaN;
        }
        double target = q * n;
        if (target <= under) {
            return under > 0 ? min : clamp(edge(0));
        }
        double cum = under;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0 && cum + counts[b] >= target) {
                double f = (target - cum) / counts[b];
                return clamp(edge(b + f));
            }
            cum += counts[b];
        }
        return max;
    }

    private double edge(double bin) {
        double x = lo + (hi - lo) * bin / counts.length;
        return log ? Math.exp(x) : x;
    }

    private double clamp(double v) {
        return Math.max(min, Math.min(max, v));
    }
}
