package dev.oscilla.spectrum;

/**
 * Resampling onto an instrument's bands: each band's value is the mean, over [centre - halfWidth, centre + halfWidth],
 * of the spectrum's linear interpolant (a box-car spectral response, as for TES-like or multispectral instruments;
 * the exact integral of the piecewise-linear spectrum, not a sample at the centre). A band that reaches outside the
 * spectrum or over a masked channel is masked.
 */
public final class BandResampler {

    private BandResampler() {
    }

    /**
     * The band means of {@code spectrum} for bands centred on {@code centres} (cm^-1 ascending), each
     * {@code 2 halfWidth} wide.
     */
    public static Spectrum resample(Spectrum spectrum, double[] centres, double halfWidth) {
        if (!(halfWidth > 0)) {
            throw new IllegalArgumentException("half width must be positive");
        }
        double[] out = new double[centres.length];
        boolean[] ok = new boolean[centres.length];
        for (int k = 0; k < centres.length; k++) {
            out[k] = mean(spectrum, centres[k] - halfWidth, centres[k] + halfWidth);
            ok[k] = !Double.isNaN(out[k]);
        }
        return new Spectrum(spectrum.name(), spectrum.kind(), centres, out, ok);
    }

    /** The mean of the linear interpolant over [a, b]; NaN when [a, b] leaves the axis or meets a masked channel. */
    static double mean(Spectrum s, double a, double b) {
        int n = s.size();
        if (a < s.wavenumber(0) || b > s.wavenumber(n - 1)) {
            return Double.NaN;
        }
        double integral = 0;
        for (int i = 0; i + 1 < n; i++) {
            double x0 = s.wavenumber(i);
            double x1 = s.wavenumber(i + 1);
            if (x1 <= a || x0 >= b) {
                continue;
            }
            if (!s.isValid(i) || !s.isValid(i + 1)) {
                return Double.NaN;
            }
            double lo = Math.max(a, x0);
            double hi = Math.min(b, x1);
            double y0 = s.value(i);
            double y1 = s.value(i + 1);
            double slope = (y1 - y0) / (x1 - x0);
            double ylo = y0 + slope * (lo - x0);
            double yhi = y0 + slope * (hi - x0);
            integral += 0.5 * (ylo + yhi) * (hi - lo);
        }
        return integral / (b - a);
    }
}
