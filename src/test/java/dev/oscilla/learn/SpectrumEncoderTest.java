package dev.oscilla.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpectrumEncoderTest {

    @Test
    void encodingRemovesTheBlackbodyFraction() {
        int n = 40;
        double[] e = new double[n];
        for (int c = 0; c < n; c++) {
            e[c] = 0.95 - 0.2 * Math.exp(-0.5 * Math.pow((c - 15) / 3.0, 2));
        }
        double[] valid = ones(n);
        double[] u = new double[n];
        double sigma = SpectrumEncoder.encode(e, valid, 0, n, u, 0);
        double f = 0.4;
        double[] diluted = new double[n];
        for (int c = 0; c < n; c++) {
            diluted[c] = f + (1 - f) * e[c];
        }
        double[] v = new double[n];
        double sigmaDiluted = SpectrumEncoder.encode(diluted, valid, 0, n, v, 0);
        assertThat(sigmaDiluted).isCloseTo((1 - f) * sigma, offset(1e-14));
        for (int c = 0; c < n; c++) {
            assertThat(v[c]).isCloseTo(u[c], offset(1e-12));
        }
        double rms = Math.sqrt(Arrays.stream(u).map(x -> x * x).sum() / n);
        assertThat(rms).isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void invalidChannelsAreInterpolatedAndIgnoredForTheContrast() {
        double[] e = {0.9, 0.8, 123.0, 0.6, 0.5, -7.0};
        double[] valid = {1, 1, 0, 1, 1, 0};
        double[] u = new double[e.length];
        double sigma = SpectrumEncoder.encode(e, valid, 0, e.length, u, 0);
        double expectedSigma = Math.sqrt((0.01 + 0.04 + 0.16 + 0.25) / 4);
        assertThat(sigma).isCloseTo(expectedSigma, offset(1e-15));
        assertThat(u[2]).isCloseTo(0.3 / sigma, offset(1e-12)); // between 0.2 and 0.4
        assertThat(u[5]).isCloseTo(0.5 / sigma, offset(1e-12)); // held after the last valid channel
        double[] leading = {0, 0.8, 0.7};
        double[] leadingValid = {0, 1, 1};
        double[] w = new double[3];
        double s2 = SpectrumEncoder.encode(leading, leadingValid, 0, 3, w, 0);
        assertThat(w[0]).isCloseTo(0.2 / s2, offset(1e-12)); // held before the first valid channel
    }

    @Test
    void aFlatSpectrumEncodesToZeros() {
        double[] e = {1, 1, 1};
        double[] u = {5, 5, 5};
        assertThat(SpectrumEncoder.encode(e, ones(3), 0, 3, u, 0)).isEqualTo(1.0);
        assertThat(u).containsOnly(0.0);
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1.0);
        return v;
    }
}
