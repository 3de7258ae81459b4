package dev.oscilla.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import org.junit.jupiter.api.Test;

/** The fitter uses the channels {@code spectrum.UsableChannels} calls usable: impossible values are noise, left out. */
class ImplausibleChannelsFitTest {

    @Test
    void impossibleValuesInsideTheWindowAreLeftOutInsteadOfRefusingTheFit() {
        Spectrum clean = DispersionFitterTest.render(DispersionFitterTest.TRUTH, Quantity.EMISSIVITY, 1e-3, 5);
        double[] y = clean.values();
        y[100] = 40;   // instrument spikes, far outside [0, 1]
        y[400] = -12;
        Spectrum spiky = clean.withValues(y);
        FitSettings settings = FitSettings.defaults().withModes(1).withMaxOscillators(5);
        FitResult r = new DispersionFitter(settings).fit(spiky, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(r.axis()).hasSize(clean.size() - 2);
        assertThat(r.rms()).as("the spikes did not pull the model").isLessThan(3e-3);
    }

    @Test
    void percentValuesAreStillExplained() {
        Spectrum s = DispersionFitterTest.render(DispersionFitterTest.TRUTH, Quantity.EMISSIVITY, 1e-3, 6).scaled(100);
        assertThatThrownBy(() -> new DispersionFitter(FitSettings.defaults().withModes(1)).fit(s,
                ProgressListener.NONE, CancellationToken.NONE)).hasMessageContaining("percent");
    }
}
