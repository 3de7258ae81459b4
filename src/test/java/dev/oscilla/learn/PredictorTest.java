package dev.oscilla.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.unmix.UnmixMethod;
import dev.oscilla.unmix.UnmixResult;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PredictorTest {

    private final InverseRenderModel model = ModelFileTest.perturbed(TinyModels.untrained(
            TinyLibraries.threeMinerals()));

    @Test
    void predictionIsAConsistentMixtureOfTheReturnedMinerals() {
        double[] e = ModelFileTest.mixture(0.6, 0.1, 0.3);
        for (int c = 0; c < e.length; c++) {
            e[c] = 0.25 + 0.75 * e[c]; // a blackbody fraction of 0.25
        }
        Prediction p = model.newPredictor().predict(new Spectrum("rock", SpectrumKind.EMISSIVITY,
                TinyModels.AXIS, e));
        assertThat(p.endmembers()).containsExactly("Quartzish", "Feldsparish", "Blackbody", "Calcitish");
        assertThat(p.isBlackbody(2)).isTrue();
        assertThat(Arrays.stream(p.abundances()).sum()).isCloseTo(1.0, offset(1e-12));
        assertThat(Arrays.stream(p.abundances()).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(p.blackbodyFraction()).isEqualTo(p.abundance(2));

        // re-render the returned minerals independently: modelled = sum_j a_j E_j (blackbody E = 1)
        DispersionEvaluator ev = new DispersionEvaluator(TinyModels.AXIS);
        double[] expected = new double[e.length];
        double[] spectrum = new double[e.length];
        for (int j = 0; j < p.size(); j++) {
            Mineral m = p.minerals().get(j);
            if (p.isBlackbody(j)) {
                Arrays.fill(spectrum, 1.0);
            } else {
                ev.evaluate(m, Quantity.EMISSIVITY, spectrum);
                ParameterBounds box = model.endmembers().tolerances().boxFor(TinyLibraries.threeMinerals().get(j));
                assertThat(box.contains(p.parameters(j))).as("%s inside its box", m.name()).isTrue();
            }
            for (int c = 0; c < e.length; c++) {
                expected[c] += p.abundance(j) * spectrum[c];
            }
        }
        double[] modelled = p.modelled();
        for (int c = 0; c < e.length; c++) {
            // the returned minerals are the ones rendered (below the live abundance: library parameters)
            assertThat(modelled[c]).isCloseTo(expected[c], offset(1e-12));
        }
        assertThat(p.measured()).containsExactly(e);
    }

    @Test
    void theNetworkAxisIsCutFromLongerSpectraOrResampled() {
        double[] e = ModelFileTest.mixture(0.2, 0.5, 0.3);
        Prediction direct = model.newPredictor().predict(new Spectrum("a", SpectrumKind.EMISSIVITY,
                TinyModels.AXIS, e));
        // the same channels inside a longer spectrum
        double[] axis = new double[TinyModels.AXIS.length + 5];
        double[] values = new double[axis.length];
        for (int c = 0; c < axis.length; c++) {
            axis[c] = c < 3 ? 300 + c : TinyModels.AXIS[Math.min(c - 3, TinyModels.AXIS.length - 1)]
                    + Math.max(0, c - 3 - (TinyModels.AXIS.length - 1)) * 7.0;
            values[c] = c >= 3 && c - 3 < e.length ? e[c - 3] : 0.9;
        }
        Prediction cut = model.newPredictor().predict(new Spectrum("b", SpectrumKind.EMISSIVITY, axis, values));
        assertThat(cut.abundances()).containsExactly(direct.abundances());
        // a finer axis covering the same range: resampled, close but not identical
        double[] fine = TinyLibraries.axis(119);
        double[] fineValues = new double[fine.length];
        for (int c = 0; c < fine.length; c++) {
            fineValues[c] = c % 2 == 0 ? e[c / 2] : 0.5 * (e[c / 2] + e[c / 2 + 1]);
        }
        Prediction resampled = model.newPredictor().predict(new Spectrum("c", SpectrumKind.EMISSIVITY, fine,
                fineValues));
        assertThat(resampled.abundances()).containsExactly(direct.abundances(), offset(1e-9));
    }

    @Test
    void zeroFilledChannelsAreMissingAndTheResultIsAnUnmixResult() {
        double[] e = ModelFileTest.mixture(0.3, 0.3, 0.4);
        e[10] = 0.0;
        e[11] = 0.0;
        UnmixResult r = model.newUnmixer().unmix(new Spectrum("gap", SpectrumKind.EMISSIVITY, TinyModels.AXIS,
                e));
        assertThat(r.method()).isEqualTo(UnmixMethod.IR);
        assertThat(r.axis()).hasSize(TinyModels.AXIS.length - 2).doesNotContain(TinyModels.AXIS[10]);
        assertThat(r.flexedMinerals()).hasSize(4);
        assertThat(Arrays.stream(r.normalized()).sum()).isCloseTo(1.0, offset(1e-12));
        assertThat(r.blackbodyFraction()).isEqualTo(r.abundance(2));
        assertThat(r.notes()).anyMatch(n -> n.contains("2 missing channel(s)"));
        assertThat(r.rms()).isGreaterThan(0);
    }

    @Test
    void aLibraryWithoutBlackbodyGetsOneAppended() {
        InverseRenderModel noBlackbody = TinyModels.untrained(TinyLibraries.threeMinerals().without("Blackbody"));
        Prediction p = noBlackbody.newPredictor().predict(new Spectrum("x", SpectrumKind.EMISSIVITY,
                TinyModels.AXIS, ModelFileTest.mixture(0.5, 0.5, 0.0)));
        assertThat(p.endmembers()).containsExactly("Quartzish", "Feldsparish", "Calcitish", "Blackbody");
        assertThat(p.isBlackbody(3)).isTrue();
        assertThat(p.minerals().get(3).isBlackbody()).isTrue();
    }

    @Test
    void aSpectrumOutsideTheAxisIsRejected() {
        double[] axis = {2000, 2100, 2200};
        assertThatThrownBy(() -> model.newPredictor().predict(new Spectrum("far", SpectrumKind.EMISSIVITY, axis,
                new double[] {0.9, 0.9, 0.9}))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("far");
    }
}
