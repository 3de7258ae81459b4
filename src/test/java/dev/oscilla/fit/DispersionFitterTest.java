package dev.oscilla.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.ParameterLayout;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** The dispersion fitter on spectra rendered from known parameters. */
class DispersionFitterTest {

    static final Mineral TRUTH = new Mineral("synthetic", "", List.of(new Mode(2.4, 1.0, List.of(
            new Oscillator(460, 0.80, 0.012),
            new Oscillator(700, 0.05, 0.015),
            new Oscillator(800, 0.12, 0.010),
            new Oscillator(1080, 0.65, 0.008),
            new Oscillator(1190, 0.03, 0.05)))));

    static double[] axis() {
        double[] a = new double[700];
        for (int c = 0; c < a.length; c++) {
            a[c] = 400 + c * 2.0;
        }
        return a;
    }

    static Spectrum render(Mineral m, Quantity q, double noise, long seed) {
        double[] a = axis();
        double[] v = new double[a.length];
        new DispersionEvaluator(a).evaluate(m, q, v);
        Random rnd = new Random(seed);
        for (int c = 0; c < v.length; c++) {
            v[c] += noise * rnd.nextGaussian();
        }
        return new Spectrum("synthetic", q == Quantity.REFLECTANCE ? SpectrumKind.REFLECTANCE
                : SpectrumKind.EMISSIVITY, a, v);
    }

    @Test
    void fitsAnEmissivitySpectrumDownToItsNoise() {
        Spectrum s = render(TRUTH, Quantity.EMISSIVITY, 1e-3, 3);
        FitResult r = new DispersionFitter(FitSettings.defaults().withModes(1)).fit(s, ProgressListener.NONE,
                CancellationToken.NONE);
        assertThat(r.rms()).isLessThan(1.15e-3);
        // the strong bands are found where they are
        for (double w : new double[] {460, 800, 1080}) {
            boolean found = r.mineral().modes().get(0).oscillators().stream()
                    .anyMatch(o -> Math.abs(o.omega0() - w) < 0.01 * w && o.strength() > 0.05);
            assertThat(found).as("band at %s cm^-1", w).isTrue();
        }
        // compact: far fewer than the ~50 candidates the over-complete start offers
        assertThat(r.oscillators()).isLessThanOrEqualTo(25);
        for (double p : r.mineral().parameters()) {
            assertThat(Double.isFinite(p)).isTrue();
        }
    }

    @Test
    void fitsReflectance() {
        Spectrum s = render(TRUTH, Quantity.REFLECTANCE, 1e-3, 4);
        FitResult r = new DispersionFitter(FitSettings.defaults().withModes(1).withQuantity(Quantity.REFLECTANCE))
                .fit(s, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(r.rms()).isLessThan(1.15e-3);
    }

    @Test
    void respectsTheCapOnTheOscillatorCount() {
        Spectrum s = render(TRUTH, Quantity.EMISSIVITY, 1e-3, 5);
        FitResult r = new DispersionFitter(FitSettings.defaults().withModes(1).withMaxOscillators(3)).fit(s,
                ProgressListener.NONE, CancellationToken.NONE);
        assertThat(r.oscillators()).isLessThanOrEqualTo(3);
        // at least as good as the obvious three-band model: the three strongest true bands, refined
        Mineral strongest = new Mineral("three", "", List.of(new Mode(2.4, 1.0, List.of(
                new Oscillator(460, 0.80, 0.012), new Oscillator(800, 0.12, 0.010),
                new Oscillator(1080, 0.65, 0.008)))));
        FitResult obvious = new DispersionFitter(FitSettings.defaults()).refine(s, strongest, null,
                ProgressListener.NONE, CancellationToken.NONE);
        assertThat(r.rms()).isLessThanOrEqualTo(obvious.rms() * 1.001);
    }

    /**
     * Calibration of the uncertainties: over seeded noise realisations, each true parameter lies within two
     * standard errors of its estimate in about 95 % of the cases.
     */
    @Test
    void standardErrorsAreCalibrated() {
        ParameterLayout layout = TRUTH.layout();
        double[] truth = TRUTH.parameters();
        DispersionFitter fitter = new DispersionFitter(FitSettings.defaults().withModes(1));
        int inside = 0;
        int total = 0;
        for (int trial = 0; trial < 60; trial++) {
            Spectrum s = render(TRUTH, Quantity.EMISSIVITY, 2e-3, 1000 + trial);
            FitResult r = fitter.refine(s, TRUTH, null, ProgressListener.NONE, CancellationToken.NONE);
            for (int j = 0; j < truth.length; j++) {
                if (!r.solve().isFree(j) || layout.kindOf(j) == ParameterKind.WEIGHT) {
                    continue;
                }
                double se = r.solve().standardError(j);
                assertThat(se).isPositive();
                total++;
                if (Math.abs(r.solve().parameter(j) - truth[j]) <= 2 * se) {
                    inside++;
                }
            }
        }
        double coverage = inside / (double) total;
        assertThat(total).isGreaterThan(800);
        assertThat(coverage).isBetween(0.91, 0.985);
    }

    @Test
    void lockedParametersStayPut() {
        Spectrum s = render(TRUTH, Quantity.EMISSIVITY, 1e-3, 8);
        double[] p = TRUTH.parameters();
        ParameterLayout layout = TRUTH.layout();
        int w = layout.index(0, 3, ParameterKind.OMEGA0);
        p[w] = 1070; // a deliberately wrong, locked band position
        boolean[] lock = new boolean[p.length];
        lock[w] = true;
        FitResult r = new DispersionFitter(FitSettings.defaults()).refine(s, TRUTH.withParameters(p), lock,
                ProgressListener.NONE, CancellationToken.NONE);
        assertThat(r.mineral().parameters()[w]).isEqualTo(1070);
        assertThat(r.solve().standardError(w)).isZero();
    }

    @Test
    void deterministicForASeed() {
        Spectrum s = render(TRUTH, Quantity.EMISSIVITY, 1e-3, 9);
        FitSettings settings = FitSettings.defaults().withModes(1).withSeed(17);
        FitResult a = new DispersionFitter(settings).fit(s, ProgressListener.NONE, CancellationToken.NONE);
        FitResult b = new DispersionFitter(settings).fit(s, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(a.mineral().parameters()).containsExactly(b.mineral().parameters());
    }

    @Test
    void cancellationStopsAFit() {
        Spectrum s = render(TRUTH, Quantity.EMISSIVITY, 1e-3, 10);
        CancellationToken token = new CancellationToken();
        assertThatThrownBy(() -> new DispersionFitter(FitSettings.defaults()).fit(s, (f, msg) -> {
            if (f > 0.1) {
                token.cancel();
            }
        }, token)).isInstanceOf(CancellationException.class);
    }

    @Test
    void aFlatSpectrumGivesAFiniteModelWithoutBands() {
        double[] a = axis();
        double[] v = new double[a.length];
        Random rnd = new Random(11);
        for (int c = 0; c < v.length; c++) {
            v[c] = 0.97 + 1e-3 * rnd.nextGaussian();
        }
        FitResult r = new DispersionFitter(FitSettings.defaults().withModes(1)).fit(
                new Spectrum("flat", SpectrumKind.EMISSIVITY, a, v), ProgressListener.NONE, CancellationToken.NONE);
        assertThat(r.rms()).isLessThan(1.2e-3);
        assertThat(r.oscillators()).isLessThanOrEqualTo(3);
        for (double p : r.mineral().parameters()) {
            assertThat(Double.isFinite(p)).isTrue();
        }
    }

    @Test
    void clearErrorsForUnfittableInput() {
        DispersionFitter fitter = new DispersionFitter(FitSettings.defaults());
        Spectrum single = new Spectrum("one", SpectrumKind.EMISSIVITY, new double[] {500, 501},
                new double[] {0.9, Double.NaN});
        assertThatThrownBy(() -> fitter.fit(single, ProgressListener.NONE, CancellationToken.NONE))
                .hasMessageContaining("usable channels");
        Spectrum percent = render(TRUTH, Quantity.EMISSIVITY, 0, 1).scaled(100);
        assertThatThrownBy(() -> fitter.fit(percent, ProgressListener.NONE, CancellationToken.NONE))
                .hasMessageContaining("percent");
        Spectrum s = render(TRUTH, Quantity.EMISSIVITY, 1e-3, 12);
        assertThatThrownBy(() -> new DispersionFitter(FitSettings.defaults().withWindow(new WavenumberWindow(3000,
                4000))).fit(s, ProgressListener.NONE, CancellationToken.NONE)).hasMessageContaining("usable channels");
    }

    @Test
    void aMaskedHalfIsLeftOutNotFitted() {
        Spectrum s = render(TRUTH, Quantity.EMISSIVITY, 1e-3, 13);
        boolean[] keep = new boolean[s.size()];
        for (int c = 0; c < keep.length; c++) {
            keep[c] = c < keep.length / 2;
        }
        FitResult r = new DispersionFitter(FitSettings.defaults().withModes(1)).fit(s.withMask(keep),
                ProgressListener.NONE, CancellationToken.NONE);
        assertThat(r.axis()).hasSize(keep.length / 2);
        assertThat(r.axis()[r.axis().length - 1]).isLessThan(1100);
        assertThat(r.rms()).isLessThan(1.2e-3);
        assertThat(r.mineral().modes().get(0).epsInf()).isCloseTo(2.4, offset(1.5));
    }

    @Test
    void refineInANarrowWindowKeepsBandsOutsideItWhereTheyAre() {
        Spectrum s = render(TRUTH, Quantity.EMISSIVITY, 1e-3, 14);
        // fit only 1000-1300 cm^-1: the 460 cm^-1 band lies below the default box [0.5 * 1000, ...]; it is not
        // pulled up to 500, and when locked it stays exactly where it is
        DispersionFitter fitter = new DispersionFitter(FitSettings.defaults().withWindow(new WavenumberWindow(1000,
                1300)));
        FitResult r = fitter.refine(s, TRUTH, null, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(r.mineral().modes().get(0).oscillators().get(0).omega0()).isLessThan(499.0);
        boolean[] lock = new boolean[TRUTH.layout().size()];
        lock[TRUTH.layout().index(0, 0, ParameterKind.OMEGA0)] = true;
        FitResult locked = fitter.refine(s, TRUTH, lock, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(locked.mineral().modes().get(0).oscillators().get(0).omega0()).isEqualTo(460.0);
        assertThat(r.rms()).isLessThan(1.2e-3);
    }
}
