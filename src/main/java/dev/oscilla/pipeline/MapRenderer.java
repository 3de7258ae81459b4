package dev.oscilla.pipeline;

import java.util.Arrays;

/**
 * Turns a map (one value per pixel: a channel, a band ratio, an abundance, the RMS) into ARGB pixels: a linear
 * stretch between two values, a colour palette, transparent where there is no value; and three maps into a false
 * colour composite. The one rendering rule of the quicklook PNGs and the Scene view. Allocation-free where it
 * renders; no JavaFX, no files.
 */
public final class MapRenderer {

    /** ARGB of a pixel without a value: fully transparent. */
    public static final int NO_VALUE = 0x00000000;

    /**
     * The perceptually uniform viridis palette (van der Walt and Smith, matplotlib), at 11 evenly spaced stops;
     * linear interpolation between them.
     */
    private static final int[] VIRIDIS = {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884,
        0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};

    /** Palettes. */
    public enum Palette {
        /** Dark blue to yellow: abundances, RMS. */
        VIRIDIS,
        /** Black to white: single channels. */
        GREY
    }

    /** A linear stretch: lo maps to the palette's start, hi to its end; values beyond are clamped. */
    public record Stretch(double lo, double hi) {
        public Stretch {
            if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
                throw new IllegalArgumentException("stretch bounds must be finite");
            }
            if (!(hi > lo)) {
                // a constant map: a small interval around the value, so that it shows mid-palette
                double pad = Math.max(1e-12, Math.abs(lo) * 1e-6);
                double mid = lo;
                lo = mid - pad;
                hi = mid + pad;
            }
        }

        /** Position of {@code v} in the stretch, clamped to [0, 1]. */
        public double fraction(double v) {
            double f = (v - lo) / (hi - lo);
            return f < 0 ? 0 : f > 1 ? 1 : f;
        }
    }

    private MapRenderer() {
    }

    /** The opaque ARGB colour at position {@code fraction} (0-1) of a palette. */
    public static int colour(double fraction, Palette palette) {
        double f = Math.max(0, Math.min(1, fraction));
        if (palette == Palette.GREY) {
            int g = (int) Math.round(f * 255);
            return 0xFF000000 | (g << 16) | (g << 8) | g;
        }
        double x = f * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) x);
        double t = x - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
        int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }

    /**
     * Renders a map of {@code width x height} values (row-major, NaN = no value) into {@code out} of
     * {@code outWidth x outHeight} pixels (nearest neighbour when the sizes differ).
     */
    public static void render(float[] values, int width, int height, Stretch stretch, Palette palette, int[] out,
                              int outWidth, int outHeight) {
        int[] lut = lookup(palette);
        double scale = (lut.length - 1) / (stretch.hi() - stretch.lo());
        double lo = stretch.lo();
        for (int y = 0; y < outHeight; y++) {
            int sy = (int) ((long) y * height / outHeight);
            int row = sy * width;
            int o = y * outWidth;
            for (int x = 0; x < outWidth; x++) {
                int sx = (int) ((long) x * width / outWidth);
                float v = values[row + sx];
                if (v != v) {
                    out[o + x] = NO_VALUE;
                } else {
                    double k = (v - lo) * scale;
                    out[o + x] = lut[k <= 0 ? 0 : k >= lut.length - 1 ? lut.length - 1 : (int) (k + 0.5)];
                }
            }
        }
    }

    /**
     * A false-colour composite of three maps (red, green, blue), each with its own stretch; transparent where any of
     * them has no value.
     */
    public static void composite(float[] red, float[] green, float[] blue, int width, int height, Stretch r,
                                 Stretch g, Stretch b, int[] out, int outWidth, int outHeight) {
        for (int y = 0; y < outHeight; y++) {
            int sy = (int) ((long) y * height / outHeight);
            int o = y * outWidth;
            for (int x = 0; x < outWidth; x++) {
                int i = sy * width + (int) ((long) x * width / outWidth);
                float vr = red[i];
                float vg = green[i];
                float vb = blue[i];
                if (vr != vr || vg != vg || vb != vb) {
                    out[o + x] = NO_VALUE;
                } else {
                    out[o + x] = 0xFF000000 | (byteOf(r.fraction(vr)) << 16) | (byteOf(g.fraction(vg)) << 8)
                            | byteOf(b.fraction(vb));
                }
            }
        }
    }

    private static int byteOf(double f) {
        return (int) Math.round(f * 255);
    }

    private static final int[] VIRIDIS_LUT = table(Palette.VIRIDIS);
    private static final int[] GREY_LUT = table(Palette.GREY);

    private static int[] lookup(Palette p) {
        return p == Palette.GREY ? GREY_LUT : VIRIDIS_LUT;
    }

    private static int[] table(Palette p) {
        int[] t = new int[256];
        for (int i = 0; i < t.length; i++) {
            t[i] = colour(i / 255.0, p);
        }
        return t;
    }

    /**
     * A stretch between the {@code lowQuantile} and {@code highQuantile} of the finite values (e.g. 0.02 and 0.98 for
     * a display stretch that ignores outliers). Up to 200,000 values are sampled at a fixed stride (deterministic).
     * Empty maps stretch over [0, 1].
     */
    public static Stretch quantileStretch(float[] values, int count, double lowQuantile, double highQuantile) {
        int stride = Math.max(1, count / 200_000);
        float[] sample = new float[(count + stride - 1) / stride];
        int n = 0;
        for (int i = 0; i < count; i += stride) {
            float v = values[i];
            if (v == v && !Float.isInfinite(v)) {
                sample[n++] = v;
            }
        }
        if (n == 0) {
            return new Stretch(0, 1);
        }
        Arrays.sort(sample, 0, n);
        double lo = sample[(int) Math.floor(lowQuantile * (n - 1))];
        double hi = sample[(int) Math.ceil(highQuantile * (n - 1))];
        return new Stretch(lo, hi);
    }

    /**
     * The stretch of an abundance map from its statistics: from min(0, 1st percentile) to the 99th percentile (at
     * least 0.05 above the start, so that an almost absent endmember shows as dark, not as noise stretched to full
     * range).
     */
    public static Stretch abundanceStretch(double p01, double p99) {
        double lo = Double.isFinite(p01) ? Math.min(0, p01) : 0;
        double hi = Double.isFinite(p99) ? Math.max(p99, lo + 0.05) : lo + 1;
        return new Stretch(lo, hi);
    }

    /** About {@code count} round tick values inside a stretch (1, 2 or 5 times a power of ten apart). */
    public static double[] ticks(Stretch s, int count) {
        double range = s.hi() - s.lo();
        double raw = range / Math.max(1, count);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / p < 1.5 ? p : raw / p < 3.5 ? 2 * p : raw / p < 7.5 ? 5 * p : 10 * p;
        double first = Math.ceil(s.lo() / step - 1e-9) * step;
        int n = (int) Math.floor((s.hi() - first) / step + 1e-9) + 1;
        double[] out = new double[Math.max(0, n)];
        for (int i = 0; i < out.length; i++) {
            double v = first + i * step;
            out[i] = Math.abs(v) < step * 1e-9 ? 0 : v;
        }
        return out;
    }
}
