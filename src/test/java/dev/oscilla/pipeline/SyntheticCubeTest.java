package dev.oscilla.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.spectrum.BandResampler;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticCubeTest {

    @Test
    void theTesLikeGridHas73BandsWithTheCo2GapLeftOut() {
        double[] axis = SyntheticCube.tesAxis();
        assertThat(axis).hasSize(73);
        assertThat(axis[0]).isEqualTo(232.7794);
        assertThat(axis[26]).isCloseTo(232.7794 + 26 * 10.5809, within(1e-9));
        assertThat(axis[27]).isCloseTo(232.7794 + 56 * 10.5809, within(1e-9));
        assertThat(axis[72]).isCloseTo(232.7794 + 101 * 10.5809, within(1e-9));
    }

    @Test
    void bandMeansIntegrateThePiecewiseLinearSpectrum() {
        double[] x = {100, 110, 120, 130, 140};
        // y = 2x on [100, 120], then flat 240: the mean over [105, 125] is (mean of 2x on [105,120]) * 15/20 + 240 * 5/20
        Spectrum s = new Spectrum("s", SpectrumKind.EMISSIVITY, x, new double[] {200, 220, 240, 240, 240});
        Spectrum r = BandResampler.resample(s, new double[] {115, 135}, 10);
        assertThat(r.value(0)).isCloseTo((225.0 * 15 + 240 * 5) / 20, within(1e-12));
        assertThat(r.isValid(1)).isFalse(); // [125, 145] leaves the spectrum
        Spectrum masked = BandResampler.resample(s.withMask(new boolean[] {true, true, false, true, true}),
                new double[] {105, 135}, 4);
        assertThat(masked.isValid(0)).isTrue();
        assertThat(masked.value(0)).isCloseTo(210, within(1e-12));
        assertThat(masked.isValid(1)).isTrue();
        assertThat(BandResampler.resample(s.withMask(new boolean[] {true, true, false, true, true}),
                new double[] {118}, 4).isValid(0)).isFalse();
    }

    @Test
    void abundancesAreNonNegativeSumToOneAndVarySmoothly() {
        SyntheticCube cube = CubeFixtures.cube(40, 50, 3);
        int m = cube.endmembers();
        double[] a = new double[m];
        double[] b = new double[m];
        double maxStep = 0;
        int present = 0;
        for (int l = 0; l < 40; l++) {
            for (int s = 0; s < 50; s++) {
                cube.abundances(l, s, a);
                double sum = 0;
                for (double v : a) {
                    assertThat(v).isGreaterThanOrEqualTo(0);
                    sum += v;
                    present += v > 0.01 ? 1 : 0;
                }
                assertThat(sum).isCloseTo(1, within(1e-12));
                if (s > 0) {
                    cube.abundances(l, s - 1, b);
                    for (int j = 0; j < m; j++) {
                        maxStep = Math.max(maxStep, Math.abs(a[j] - b[j]));
                    }
                }
            }
        }
        assertThat(present / 2000.0).as("minerals per pixel").isBetween(2.0, 6.0);
        // continuous: on a grid ten times finer the largest step between neighbours shrinks about tenfold
        assertThat(largestStep(CubeFixtures.cube(40, 500, 3))).isLessThan(maxStep / 5);
    }

    private static double largestStep(SyntheticCube cube) {
        int m = cube.endmembers();
        double[] a = new double[m];
        double[] b = new double[m];
        double max = 0;
        for (int l = 0; l < cube.settings().lines(); l++) {
            cube.abundances(l, 0, b);
            for (int s = 1; s < cube.settings().samples(); s++) {
                cube.abundances(l, s, a);
                for (int j = 0; j < m; j++) {
                    max = Math.max(max, Math.abs(a[j] - b[j]));
                }
                System.arraycopy(a, 0, b, 0, m);
            }
        }
        return max;
    }

    @Test
    void pixelsAreMixturesOfTheLibraryPlusNoiseAndSomeHaveNoData() {
        SyntheticCube cube = CubeFixtures.cube(64, 64, 1);
        int n = cube.channels();
        int m = cube.endmembers();
        double[] spectrum = new double[n];
        double[] truth = new double[m];
        Map<SyntheticCube.PixelKind, Integer> kinds = new EnumMap<>(SyntheticCube.PixelKind.class);
        double ss = 0;
        int count = 0;
        for (int l = 0; l < 64; l++) {
            for (int s = 0; s < 64; s++) {
                SyntheticCube.PixelKind k = cube.pixel(l, s, spectrum, truth);
                kinds.merge(k, 1, Integer::sum);
                if (k == SyntheticCube.PixelKind.DATA) {
                    for (int c = 0; c < n; c++) {
                        double model = 0;
                        for (int j = 0; j < m; j++) {
                            model += truth[j] * cube.library().get(j).value(c);
                        }
                        ss += (spectrum[c] - model) * (spectrum[c] - model);
                        count++;
                    }
                } else if (k == SyntheticCube.PixelKind.IGNORE) {
                    assertThat(spectrum).containsOnly(SyntheticCube.IGNORE_VALUE);
                    assertThat(truth[0]).isNaN();
                }
            }
        }
        assertThat(Math.sqrt(ss / count)).isCloseTo(0.002, within(0.0001));
        assertThat(kinds.get(SyntheticCube.PixelKind.NAN)).isGreaterThanOrEqualTo(24); // the 4 x 6 gap at least
        assertThat(kinds).containsKeys(SyntheticCube.PixelKind.IGNORE, SyntheticCube.PixelKind.ZERO,
                SyntheticCube.PixelKind.DATA_ONE_CHANNEL_MISSING);
        // the same seed gives the same cube
        double[] again = new double[n];
        cube.pixel(10, 11, spectrum, truth);
        CubeFixtures.cube(64, 64, 1).pixel(10, 11, again, new double[m]);
        assertThat(again).containsExactly(spectrum);
    }
}
