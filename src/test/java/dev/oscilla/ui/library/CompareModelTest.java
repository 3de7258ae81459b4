package dev.oscilla.ui.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.Mineral;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.ui.session.BundledSamples;
import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.VmHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareModelTest {

    @TempDir
    Path dir;

    @Test
    void theSampleSpectrumMatchesTheQuartzEntryToTheNoiseLevel() throws Exception {
        VmHarness h = new VmHarness(BundledSamples.library(), dir);
        h.document.currentProperty().set("Quartz");
        CompareModel compare = new LibraryViewModel(h.context).compare();
        assertThat(compare.rmsProperty().get()).isNaN();
        assertThat(compare.summaryProperty().get()).contains("Open a spectrum");

        h.session.openSpectra(Fixtures.quartzSample(dir), null);
        // the sample is the entry plus Gaussian noise of sigma 0.002 (sample-data/README.md)
        assertThat(compare.rmsProperty().get()).isCloseTo(0.002, within(0.0002));
        assertThat(compare.summaryProperty().get()).contains("701 channels").contains("quartz-synthetic");
        assertThat(compare.plot().series()).extracting(s -> s.size()).containsExactly(701, 701, 701);

        h.document.currentProperty().set("Calcite");
        assertThat(compare.rmsProperty().get()).as("another mineral fits far worse").isGreaterThan(0.1);
        h.document.currentProperty().set("Quartz");
        double rms = compare.rmsProperty().get();
        h.document.editMineral("Quartz", m -> m.withParameters(shift(m.parameters())), "shift", null);
        assertThat(compare.rmsProperty().get()).as("an edit re-renders the comparison").isGreaterThan(rms * 5);
    }

    @Test
    void aChangeThatLeavesTheComparedPairAloneDoesNotReRender() throws Exception {
        VmHarness h = new VmHarness(BundledSamples.library(), dir);
        h.document.currentProperty().set("Quartz");
        CompareModel compare = new LibraryViewModel(h.context).compare();
        h.session.openSpectra(Fixtures.quartzSample(dir), null);
        int before = h.tasks.submittedCount();
        // editing Calcite replaces the library (Quartz unchanged: no render) and then focuses Calcite (one render)
        h.document.editMineral("Calcite", m -> m.withCategory("carbonate"), "regroup", null);
        assertThat(h.tasks.submittedCount()).isEqualTo(before + 1);
        assertThat(compare.summaryProperty().get()).contains("Calcite vs quartz-synthetic");
        h.session.spectrumProperty().set(h.session.spectrumProperty().get());
        h.document.currentProperty().set("Calcite");
        assertThat(h.tasks.submittedCount()).isEqualTo(before + 1);
    }

    @Test
    void whileHiddenTheComparisonWaitsAndCatchesUpWhenShown() throws Exception {
        VmHarness h = new VmHarness(BundledSamples.library(), dir);
        h.document.currentProperty().set("Quartz");
        LibraryModule module = new LibraryModule(h.context);
        CompareModel compare = module.viewModel().compare();
        module.setShowing(false);
        h.session.openSpectra(Fixtures.quartzSample(dir), null);
        int before = h.tasks.submittedCount();
        h.document.editMineral("Quartz", m -> m.withParameters(shift(m.parameters())), "shift", null);
        assertThat(h.tasks.submittedCount()).as("no render while hidden").isEqualTo(before);
        module.setShowing(true);
        assertThat(h.tasks.submittedCount()).isEqualTo(before + 1);
        assertThat(compare.rmsProperty().get()).isGreaterThan(0.01);
    }

    @Test
    void aReflectanceSpectrumIsComparedWithTheRenderedReflectance() throws Exception {
        VmHarness h = new VmHarness(Fixtures.smallLibrary(), dir);
        CompareModel compare = new LibraryViewModel(h.context).compare();
        double[] axis = {400, 600, 800, 1000, 1200};
        Mineral two = h.document.library().require("Twomode");
        double[] r = new double[axis.length];
        new dev.oscilla.physics.DispersionEvaluator(axis).evaluate(two, dev.oscilla.physics.Quantity.REFLECTANCE, r);
        Spectrum measured = new Spectrum("lab R", SpectrumKind.REFLECTANCE, axis, r);
        h.session.openSpectra(SpectrumSet.of(List.of(measured)), null);
        assertThat(compare.rmsProperty().get()).isCloseTo(0, within(1e-15));
        assertThat(compare.plot().yLabelProperty().get()).isEqualTo("Reflectance");
    }

    private static double[] shift(double[] p) {
        double[] q = p.clone();
        q[8] += 40; // omega0 of band 3 of mode 1 (the strong 1072 cm^-1 band), +40 cm^-1
        return q;
    }
}
