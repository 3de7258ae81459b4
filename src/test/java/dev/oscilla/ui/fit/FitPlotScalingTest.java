package dev.oscilla.ui.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.io.AsuTabReader;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.session.BundledSamples;
import dev.oscilla.ui.testing.VmHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 2: a spectrum with a noisy end (the feely library below ~380 cm^-1: values from -90 to +50) opens on
 * its usable range, with the y axis scaled to the data in the fit window, the noise drawn apart, and the residual
 * scaled to the residual.
 */
@UsesSharedData
class FitPlotScalingTest {

    @TempDir
    Path dir;

    @Test
    void theNoisyEndIsFlaggedAndTheAxesFollowTheWindow() throws Exception {
        VmHarness h = new VmHarness(BundledSamples.library(), dir);
        SpectrumSet library = AsuTabReader.read(SharedData.feely("library_tab.txt"),
                SharedData.feely("library_meta.csv"));
        h.session.openSpectra(library, SharedData.feely("library_tab.txt"));
        h.session.spectrumProperty().set(library.find("Calcite").orElseThrow());
        FitViewModel vm = new FitViewModel(h.context);

        assertThat(vm.windowLowProperty().get()).as("the usable range, not the noise").isCloseTo(380.0, within(0.1));
        assertThat(vm.windowHighProperty().get()).isCloseTo(1998.38, within(0.01));
        assertThat(vm.window().notesProperty().get()).contains("instrument noise");
        PlotModel plot = vm.spectrumPlot();
        assertThat(plot.yMinProperty().get()).as("y from the data in the window, not from -60").isGreaterThan(0.0);
        assertThat(plot.yMaxProperty().get()).isLessThan(1.2);
        PlotModel.Series flagged = plot.series().get(2);
        assertThat(flagged.shownProperty().get()).isTrue();
        assertThat(flagged.size()).as("the channels below the usable range").isGreaterThan(80);
        assertThat(plot.xMinProperty().get()).isCloseTo(380.0, within(0.1));

        // a narrow window rescales y to the data inside it
        double spanAll = plot.yMaxProperty().get() - plot.yMinProperty().get();
        vm.setWindow(1600, 1800);
        double spanNarrow = plot.yMaxProperty().get() - plot.yMinProperty().get();
        assertThat(spanNarrow).isLessThan(spanAll / 2);

        // with a model, the residual axis is symmetric about its largest value in the window
        vm.chooseModel("Calcite");
        PlotModel residual = vm.residualPlot();
        double[][] r = residual.series().get(0).snapshot();
        double max = 0;
        for (int i = 0; i < r[0].length; i++) {
            if (r[0][i] >= 1600 && r[0][i] <= 1800) {
                max = Math.max(max, Math.abs(r[1][i]));
            }
        }
        assertThat(residual.yMaxProperty().get()).isCloseTo(1.15 * max, within(1e-9));
        assertThat(residual.yMinProperty().get()).isEqualTo(-residual.yMaxProperty().get());
    }
}
