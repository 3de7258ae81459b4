package dev.oscilla.ui.explore;

/**
 * The wavenumber grid the Explore plots are rendered on: {@code channels} evenly spaced points from {@code low}
 * to {@code high} cm^-1.
 */
public record AxisRange(double low, double high, int channels) {

    /** Default: the thermal-infrared range of the ASU emission library (200-2000 cm^-1), 1.8 cm^-1 spacing. */
    public static final AxisRange DEFAULT = new AxisRange(200, 2000, 1001);
    public static final int MIN_CHANNELS = 20;
    public static final int MAX_CHANNELS = 20000;

    public AxisRange {
        String problem = problem(low, high, channels);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why these values are not a valid range, or null when they are. */
    public static String problem(double low, double high, int channels) {
        if (!(low > 0) || !Double.isFinite(low)) {
            return "the lower wavenumber must be > 0 cm^-1";
        }
        if (!(high > low) || !Double.isFinite(high)) {
            return "the upper wavenumber must be above the lower one";
        }
        if (channels < MIN_CHANNELS || channels > MAX_CHANNELS) {
            return "channels must be between " + MIN_CHANNELS + " and " + MAX_CHANNELS;
        }
        return null;
    }

    /** The grid, ascending, cm^-1. */
    public double[] wavenumbers() {
        double[] v = new double[channels];
        double step = (high - low) / (channels - 1);
        for (int i = 0; i < channels; i++) {
            v[i] = low + i * step;
        }
        v[channels - 1] = high;
        return v;
    }
}
