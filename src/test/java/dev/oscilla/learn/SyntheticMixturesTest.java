package dev.oscilla.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.unmix.FlexTolerances;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticMixturesTest {

    private static final FlexTolerances NO_FLEX = new FlexTolerances(0, 0, 0, 0, 0);

    private final EndmemberModels models = EndmemberModels.of(TinyLibraries.threeMinerals(),
            EndmemberModels.PUBLISHED_IR_TOLERANCES);
    private final double[] axis = TinyLibraries.axis(50);

    @Test
    void aMixtureIsAPureFunctionOfItsSeed() {
        SyntheticMixtures data = new SyntheticMixtures(models, axis, SyntheticMixtures.Settings.defaults(), null);
        double[] e1 = new double[axis.length];
        double[] a1 = new double[3];
        double[] e2 = new double[axis.length];
        double[] a2 = new double[3];
        double bb1 = data.newGenerator().generate(42, e1, a1);
        SyntheticMixtures.Generator other = data.newGenerator();
        other.generate(7, e2, a2); // a different sample first: the generator keeps no state between samples
        double bb2 = other.generate(42, e2, a2);
        assertThat(e2).containsExactly(e1);
        assertThat(a2).containsExactly(a1);
        assertThat(bb2).isEqualTo(bb1);
        other.generate(43, e2, a2);
        assertThat(e2).isNotEqualTo(e1);
    }

    @Test
    void abundancesAreSparseAndSumToOne() {
        SyntheticMixtures data = new SyntheticMixtures(models, axis, SyntheticMixtures.Settings.defaults()
                .withMinerals(1, 2), null);
        SyntheticMixtures.Generator g = data.newGenerator();
        double[] e = new double[axis.length];
        double[] a = new double[3];
        int singles = 0;
        for (int seed = 0; seed < 200; seed++) {
            double bb = g.generate(seed, e, a);
            assertThat(bb).isBetween(0.0, 0.7);
            int present = 0;
            double sum = 0;
            for (double v : a) {
                assertThat(v).isGreaterThanOrEqualTo(0.0);
                present += v > 0 ? 1 : 0;
                sum += v;
            }
            assertThat(present).isBetween(1, 2);
            singles += present == 1 ? 1 : 0;
            assertThat(sum).isCloseTo(1.0, offset(1e-12));
        }
        assertThat(singles).as("both sizes drawn").isBetween(50, 150);
    }

    @Test
    void withoutJitterBlackbodyAndNoiseTheMixtureIsTheLinearMixOfLibrarySpectra() {
        SyntheticMixtures.Settings settings = new SyntheticMixtures.Settings(3, 3, 1.0, 0.0, 1e15, 1e15, NO_FLEX,
                0.0);
        SyntheticMixtures data = new SyntheticMixtures(models, axis, settings, null);
        double[] e = new double[axis.length];
        double[] a = new double[3];
        data.newGenerator().generate(5, e, a);
        double[] expected = linearMix(a, libraryRendered());
        for (int c = 0; c < axis.length; c++) {
            assertThat(e[c]).isCloseTo(expected[c], offset(1e-12));
        }
    }

    @Test
    void blackbodyAndNoiseEnterAsStated() {
        SyntheticMixtures.Settings clean = new SyntheticMixtures.Settings(2, 2, 1.0, 0.6, 1e15, 1e15, NO_FLEX, 0.0);
        double[] e = new double[axis.length];
        double[] a = new double[3];
        double bb = new SyntheticMixtures(models, axis, clean, null).newGenerator().generate(9, e, a);
        double[] mix = linearMix(a, libraryRendered());
        for (int c = 0; c < axis.length; c++) {
            assertThat(e[c]).isCloseTo(bb + (1 - bb) * mix[c], offset(1e-12));
        }
        // same seed at a contrast-to-noise ratio of 10: the residual has the RMS of 1/10 of the contrast
        SyntheticMixtures.Settings noisy = new SyntheticMixtures.Settings(2, 2, 1.0, 0.6, 10, 10, NO_FLEX, 0.0);
        double[] n = new double[axis.length];
        new SyntheticMixtures(models, axis, noisy, null).newGenerator().generate(9, n, a);
        double contrast = 0;
        double residual = 0;
        for (int c = 0; c < axis.length; c++) {
            contrast += (1 - e[c]) * (1 - e[c]);
            residual += (n[c] - e[c]) * (n[c] - e[c]);
        }
        assertThat(Math.sqrt(residual / contrast)).isBetween(0.06, 0.14);
    }

    @Test
    void measuredMixturesUseTheMeasuredSpectraWithGapsFilledFromTheModel() {
        double[][] rendered = libraryRendered();
        List<Spectrum> spectra = new ArrayList<>();
        String[] names = {"Quartzish", "Feldsparish"}; // Calcitish has no measured spectrum
        for (int i = 0; i < 2; i++) {
            double[] v = new double[axis.length];
            for (int c = 0; c < axis.length; c++) {
                v[c] = 0.9 * rendered[i][c] + 0.05; // "measured": distinguishable from the model
            }
            v[4] = 0.0; // a zero-filled channel
            spectra.add(new Spectrum(names[i].toUpperCase(java.util.Locale.ROOT), SpectrumKind.EMISSIVITY, axis, v));
        }
        double[][] measured = SyntheticMixtures.measuredSpectra(models, SpectrumSet.of(spectra), axis);
        assertThat(measured[2]).isNull();
        assertThat(measured[0][4]).isEqualTo(rendered[0][4]);
        assertThat(measured[0][5]).isCloseTo(0.9 * rendered[0][5] + 0.05, offset(1e-15));

        SyntheticMixtures.Settings settings = new SyntheticMixtures.Settings(2, 2, 1.0, 0.0, 1e15, 1e15, NO_FLEX,
                1.0);
        SyntheticMixtures data = new SyntheticMixtures(models, axis, settings, measured);
        assertThat(data.measuredCount()).isEqualTo(2);
        double[] e = new double[axis.length];
        double[] a = new double[3];
        SyntheticMixtures.Generator g = data.newGenerator();
        for (int seed = 0; seed < 20; seed++) {
            g.generate(seed, e, a);
            double[][] sources = {measured[0], measured[1], rendered[2]};
            double[] expected = linearMix(a, sources);
            for (int c = 0; c < axis.length; c++) {
                assertThat(e[c]).isCloseTo(expected[c], offset(1e-12));
            }
        }
    }

    @Test
    void gammaVariatesHaveTheirMean() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (double alpha : new double[] {0.3, 1.0, 2.5}) {
            double sum = 0;
            int n = 20000;
            for (int i = 0; i < n; i++) {
                sum += SyntheticMixtures.gamma(rnd, alpha);
            }
            assertThat(sum / n).as("alpha %s", alpha).isCloseTo(alpha, offset(0.05 * alpha + 0.01));
        }
    }

    private double[][] libraryRendered() {
        DispersionEvaluator ev = new DispersionEvaluator(axis);
        double[][] out = new double[3][axis.length];
        for (int i = 0; i < 3; i++) {
            ev.evaluate(models.mineral(i), Quantity.EMISSIVITY, out[i]);
        }
        return out;
    }

    private double[] linearMix(double[] a, double[][] spectra) {
        double[] out = new double[axis.length];
        for (int i = 0; i < a.length; i++) {
            for (int c = 0; c < axis.length; c++) {
                out[c] += a[i] * spectra[i][c];
            }
        }
        return out;
    }
}
