package dev.oscilla.learn;

/**
 * Turns an emissivity spectrum into the network input: {@code u = (1 - E) / sigma} with
 * {@code sigma = RMS(1 - E)} over the valid channels (per-spectrum contrast normalisation).
 *
 * <p>Why: a spectrum with blackbody fraction f is {@code E = f + (1 - f) M}, so {@code 1 - E = (1 - f)(1 - M)}:
 * dividing by its RMS removes f exactly and leaves the shape that the mineral abundances (reported without the
 * blackbody) determine. The network therefore never has to learn spectral contrast, which differs strongly
 * between lab rocks (RMS of 1 - E from 0.03 to 0.15 on the feely rocks) and which particle size and surface
 * roughness change without changing the mineralogy; the blackbody fraction is then solved exactly in the loss
 * ({@link MixtureLoss}). {@code 1 - E} rather than E makes the input zero where a spectrum has no features.
 *
 * <p>Invalid channels (masked, NaN) are filled by linear interpolation of their valid neighbours (held constant
 * beyond the first and last valid channel) so the convolutions see no artificial edges.
 */
final class SpectrumEncoder {

    private SpectrumEncoder() {
    }

    /**
     * Encodes {@code values[vOffset ...]} with validity weights {@code valid[vOffset ...]} (1 valid, 0 not) into
     * {@code input[iOffset ...]}; returns sigma (1 when the spectrum has no contrast or no valid channel).
     */
    static double encode(double[] values, double[] valid, int vOffset, int channels, double[] input, int iOffset) {
        double ss = 0;
        int n = 0;
        for (int c = 0; c < channels; c++) {
            if (valid[vOffset + c] != 0) {
                double d = 1 - values[vOffset + c];
                ss += d * d;
                n++;
            }
        }
        double sigma = n == 0 ? 0 : Math.sqrt(ss / n);
        if (!(sigma > 1e-12)) {
            sigma = 1.0;
        }
        double inv = 1.0 / sigma;
        int previous = -1;
        for (int c = 0; c < channels; c++) {
            if (valid[vOffset + c] != 0) {
                double u = (1 - values[vOffset + c]) * inv;
                input[iOffset + c] = u;
                if (previous < c - 1) {
                    // fill the gap (previous, c) by interpolation, or hold the first valid value at the start
                    double left = previous < 0 ? u : input[iOffset + previous];
                    for (int k = previous + 1; k < c; k++) {
                        double t = previous < 0 ? 1.0 : (k - previous) / (double) (c - previous);
                        input[iOffset + k] = left + t * (u - left);
                    }
                }
                previous = c;
            }
        }
        double hold = previous < 0 ? 0 : input[iOffset + previous];
        for (int k = previous + 1; k < channels; k++) {
            input[iOffset + k] = hold;
        }
        return sigma;
    }
}
