package dev.oscilla.ui.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.mineral.MineralEdits;
import dev.oscilla.ui.session.BundledSamples;
import dev.oscilla.ui.testing.CancellingTaskRunner;
import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.VmHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fit view-model with the real fitter on the bundled synthetic quartz spectrum (emissivity of the sample
 * library's Quartz plus noise of sigma 0.002), run inline. Fits are kept small (a window around the strong
 * 1072/1080 cm^-1 bands, few iterations) so the whole class takes seconds.
 */
class FitViewModelTest {

    @TempDir
    Path dir;

    private VmHarness h;
    private FitViewModel vm;

    private FitViewModel open(TaskRunner runner) throws Exception {
        h = new VmHarness(BundledSamples.library(), dir, runner);
        SpectrumSet quartz = Fixtures.quartzSample(dir);
        h.session.openSpectra(quartz, dir.resolve("samples").resolve(BundledSamples.QUARTZ_TAB));
        vm = new FitViewModel(h.context);
        return vm;
    }

    /** A short auto-fit: one mode, 950-1300 cm^-1, few iterations per phase. */
    private void smallAutoFitSettings() {
        vm.modesProperty().set(1);
        vm.setWindow(950, 1300);
        vm.maxIterationsProperty().set(40);
    }

    private Mineral entry(String name) {
        return h.document.library().require(name);
    }

    /** The working model (the Fit view's copy, not a library entry). */
    private Mineral working() {
        return vm.model().orElseThrow();
    }

    private ParameterRow row(int mode, int band, ParameterKind kind) {
        int index = vm.model().orElseThrow().layout().index(mode, band, kind);
        return vm.rows().get(index);
    }

    @Test
    void opensReadyToFitTheSessionSpectrumWithANewModel() throws Exception {
        open(null);
        assertThat(vm.spectrumProperty().get().name()).isEqualTo("quartz-synthetic");
        assertThat(vm.windowLowProperty().get()).isEqualTo(400);
        assertThat(vm.windowHighProperty().get()).isEqualTo(1800);
        assertThat(vm.windowChannelsProperty().get()).isEqualTo(701);
        assertThat(vm.targetProperty().get()).isEqualTo("quartz-synthetic fit");
        assertThat(vm.hasModelProperty().get()).isFalse();
        assertThat(vm.canAutoFitBinding().get()).isTrue();
        assertThat(vm.canRefineBinding().get()).as("nothing to re-fit yet").isFalse();
        assertThat(vm.spectrumPlot().series().get(0).size()).isEqualTo(701);
        assertThat(vm.spectrumPlot().series().get(1).size()).as("no model curve").isZero();
        assertThat(vm.summaryProperty().get()).contains("No model yet");
    }

    @Test
    void moreStartsRunMoreSeededFitsAndKeepTheBestByBic() throws Exception {
        open(null);
        smallAutoFitSettings();
        vm.startsProperty().set(2);
        assertThat(vm.settings().starts()).isEqualTo(2);
        vm.autoFit();
        assertThat(vm.hasModelProperty().get()).isTrue();
        assertThat(vm.fitNotes()).anyMatch(n -> n.startsWith("1 mode(s), start 1:"))
                .anyMatch(n -> n.startsWith("1 mode(s), start 2:"));
    }

    @Test
    void anAutoFitMakesTheWorkingModelAsOneUndoStepWithErrorsAndLeavesTheLibraryAlone() throws Exception {
        open(null);
        smallAutoFitSettings();
        MineralLibrary before = h.document.library();
        int steps = h.document.history().undoSize();

        vm.autoFit();

        Mineral fitted = working();
        assertThat(h.document.library()).as("a fit is not a library entry until added").isSameAs(before);
        assertThat(h.document.isModified()).isFalse();
        assertThat(fitted.name()).isEqualTo("quartz-synthetic fit");
        assertThat(h.document.history().undoSize()).isEqualTo(steps + 1);
        assertThat(h.document.history().undoLabelProperty().get()).isEqualTo("Undo fit quartz-synthetic fit");
        assertThat(fitted.modes()).hasSize(1);
        assertThat(fitted.source()).startsWith("Fitted by Oscilla to 'quartz-synthetic' (quartz_tab.txt), "
                + "emissivity, window 950:1300");
        assertThat(vm.hasModelProperty().get()).isTrue();
        assertThat(vm.rows()).hasSize(fitted.layout().size());
        // the model follows the data: RMS near the noise (0.002) in the window, curve close to the measurements
        assertThat(vm.rmsProperty().get()).isLessThan(0.006);
        assertThat(vm.summaryProperty().get()).startsWith("RMS 0.00");
        PlotModel.Series measured = vm.spectrumPlot().series().get(0);
        PlotModel.Series model = vm.spectrumPlot().series().get(1);
        for (double w : new double[] {1000, 1072, 1120, 1200, 1250}) {
            assertThat(model.valueNear(w)).as("model at %s", w).isCloseTo(measured.valueNear(w), within(0.03));
        }
        // every free parameter shows its standard error
        ParameterRow omega = vm.rows().get(fitted.layout().index(0, 0, ParameterKind.OMEGA0));
        assertThat(omega.errorProperty().get()).startsWith("\u00b1 ");
        assertThat(vm.fitInfoProperty().get()).startsWith("Auto-fit of quartz-synthetic");

        h.document.history().undo();
        assertThat(vm.hasModelProperty().get()).isFalse();
        assertThat(vm.rows()).isEmpty();
        assertThat(model.size()).isZero();
        h.document.history().redo();
        assertThat(working()).isEqualTo(fitted);
        assertThat(vm.rows().get(fitted.layout().index(0, 0, ParameterKind.OMEGA0)).errorProperty().get())
                .as("the redone fit shows its errors again").isNotEmpty();

        // only an explicit add puts it into the library, under the name and group asked for
        h.dialogs.text("Quartz (my fit)").text("silica");
        vm.saveToLibrary();
        assertThat(entry("Quartz (my fit)").modes()).isEqualTo(fitted.modes());
        assertThat(entry("Quartz (my fit)").category()).isEqualTo("silica");
        assertThat(vm.originProperty().get()).isEqualTo("Quartz (my fit)");
    }

    @Test
    void anAutoFitNeverOverwritesTheLibraryEntryTheModelStartedFrom() throws Exception {
        // issue 12 item 1: with a saved mineral chosen as the model, an auto-fit replaced that entry
        open(null);
        smallAutoFitSettings();
        vm.chooseModel("Calcite");
        Mineral calcite = entry("Calcite");
        vm.autoFit();
        assertThat(entry("Calcite")).as("the saved mineral is untouched").isEqualTo(calcite);
        assertThat(working().name()).isEqualTo("quartz-synthetic fit");
        assertThat(vm.originProperty().get()).as("a fit from scratch is a new model").isNull();
        assertThat(vm.canReplaceBinding().get()).isFalse();
        assertThat(h.document.isModified()).isFalse();
    }

    @Test
    void knobEditsChangeTheWorkingCopyAndReplaceInLibraryIsExplicitAndUndoable() throws Exception {
        open(null);
        vm.chooseModel("Quartz");
        Mineral quartz = entry("Quartz");
        ParameterRow s = row(0, 2, ParameterKind.STRENGTH);
        s.value().textProperty().set("0.4");
        s.value().commit();
        assertThat(entry("Quartz")).as("the entry is not edited by the knob").isEqualTo(quartz);
        assertThat(working().modes().get(0).oscillators().get(2).strength()).isEqualTo(0.4);
        assertThat(vm.canReplaceBinding().get()).isTrue();

        vm.replaceInLibrary();
        assertThat(entry("Quartz").modes().get(0).oscillators().get(2).strength()).isEqualTo(0.4);
        assertThat(entry("Quartz").name()).isEqualTo("Quartz");
        assertThat(vm.canReplaceBinding().get()).as("the same as the entry now").isFalse();
        assertThat(h.document.isModified()).isTrue();
        h.document.history().undo();
        assertThat(entry("Quartz")).isEqualTo(quartz);
        assertThat(working().modes().get(0).oscillators().get(2).strength()).isEqualTo(0.4);
    }

    @Test
    void aRefitIsOneUndoStepAndUndoRestoresTheEditedParameters() throws Exception {
        open(null);
        vm.chooseModel("Quartz");
        vm.setWindow(950, 1250);
        vm.maxIterationsProperty().set(30);
        // pull the strong ordinary-ray band away from where the spectrum has it
        ParameterRow s = row(0, 2, ParameterKind.STRENGTH);
        s.value().textProperty().set("0.4");
        s.value().commit();
        Mineral edited = working();
        assertThat(edited.modes().get(0).oscillators().get(2).strength()).isEqualTo(0.4);
        double rmsEdited = vm.rmsProperty().get();
        int steps = h.document.history().undoSize();

        vm.refine();

        Mineral refitted = working();
        assertThat(h.document.history().undoSize()).isEqualTo(steps + 1);
        assertThat(h.document.history().undoLabelProperty().get()).isEqualTo("Undo re-fit Quartz");
        assertThat(refitted.layout()).isEqualTo(edited.layout());
        assertThat(refitted.modes().get(0).oscillators().get(2).strength()).as("the fit pulls S back up (0.67 in truth; the 1080 cm^-1 band of mode 2 shares the work)")
                .isGreaterThan(0.45);
        assertThat(vm.rmsProperty().get()).isLessThan(rmsEdited / 3);
        assertThat(refitted.source()).startsWith("Spitzer").contains("; re-fitted by Oscilla to 'quartz-synthetic'");

        assertThat(entry("Quartz")).as("the library's quartz is not touched by a re-fit")
                .isEqualTo(BundledSamples.library().require("Quartz"));
        h.document.history().undo();
        assertThat(working()).isEqualTo(edited);
        assertThat(s.value().textProperty().get()).isEqualTo("0.4");
        assertThat(vm.rmsProperty().get()).isEqualTo(rmsEdited);
    }

    @Test
    void locksArePassedToTheRefitAndHoldTheirParameters() throws Exception {
        open(null);
        vm.chooseModel("Quartz");
        vm.setWindow(950, 1250);
        vm.maxIterationsProperty().set(30);
        // move band 3 of mode 1 off its true position, then hold every band position and that band's width
        ParameterRow omega = row(0, 2, ParameterKind.OMEGA0);
        omega.value().textProperty().set("1060");
        omega.value().commit();
        vm.lockAll(ParameterKind.OMEGA0, true);
        row(0, 2, ParameterKind.GAMMA).lockedProperty().set(true);
        Mineral start = working();
        boolean[] locks = vm.locks();
        assertThat(locks[start.layout().index(1, 1, ParameterKind.OMEGA0)]).isTrue();
        assertThat(locks[start.layout().index(0, 2, ParameterKind.STRENGTH)]).isFalse();

        vm.refine();

        Mineral out = working();
        double[] p0 = start.parameters();
        double[] p1 = out.parameters();
        int changed = 0;
        for (int i = 0; i < p0.length; i++) {
            if (locks[i]) {
                assertThat(p1[i]).as("locked %s", out.layout().nameOf(i)).isEqualTo(p0[i]);
            } else if (p1[i] != p0[i]) {
                changed++;
            }
        }
        assertThat(changed).as("the free parameters moved").isGreaterThan(5);
        assertThat(omega.errorProperty().get()).isEqualTo("locked");
        assertThat(row(0, 2, ParameterKind.STRENGTH).errorProperty().get()).startsWith("\u00b1 ");
        assertThat(omega.lockedProperty().get()).as("locks stay for the next re-fit").isTrue();
    }

    @Test
    void boundsAreEditedAsUndoStepsAndHonouredByTheRefit() throws Exception {
        open(null);
        vm.chooseModel("Quartz");
        vm.setWindow(950, 1250);
        vm.maxIterationsProperty().set(30);
        assertThat(working().bounds()).isNull();
        ParameterRow s = row(0, 2, ParameterKind.STRENGTH);
        assertThat(s.upper().textProperty().get()).as("no stored bound").isEmpty();
        assertThat(s.upper().promptProperty().get()).as("the fitter's default shows").isEqualTo("20");
        int steps = h.document.history().undoSize();

        s.upper().textProperty().set("0.5");
        s.upper().commit();

        Mineral bounded = working();
        int i = bounded.layout().index(0, 2, ParameterKind.STRENGTH);
        assertThat(h.document.history().undoSize()).isEqualTo(steps + 1);
        assertThat(bounded.bounds().upper(i)).isEqualTo(0.5);
        assertThat(bounded.bounds().lower(i)).as("the other ends are the defaults").isZero();
        assertThat(s.upper().textProperty().get()).isEqualTo("0.5");

        vm.refine();
        Mineral out = working();
        assertThat(out.modes().get(0).oscillators().get(2).strength()).as("S of the 1072 band is 0.67 in truth; "
                + "the bound holds it").isEqualTo(0.5);
        assertThat(s.errorProperty().get()).isEqualTo("at bound");

        // an upper bound below the lower one is refused and the text reverts
        ParameterRow g = row(0, 2, ParameterKind.GAMMA);
        g.lower().textProperty().set("0.5");
        g.upper().textProperty().set("0.1");
        assertThat(g.upper().textValidProperty().get()).isTrue(); // the lower bound in force is still 1e-4
        g.lower().commit();
        g.upper().commit();
        assertThat(working().bounds().upper(out.layout().index(0, 2, ParameterKind.GAMMA))).isEqualTo(1.0);
        assertThat(g.upper().textProperty().get()).isEqualTo("1");
    }

    @Test
    void openStoredBoundsAreClosedByTheDefaultsSoARefitStaysPhysical() throws Exception {
        open(null);
        // Calcite carries its InfraRender box; a band added to it (as the Explore view does) gets open bounds
        Mineral calcite = h.document.library().require("Calcite");
        Mineral grown = MineralEdits.addOscillator(calcite, 0, new dev.oscilla.physics.Oscillator(1100, 0.3, 0.02));
        int w = grown.layout().index(0, calcite.modes().get(0).size(), ParameterKind.OMEGA0);
        assertThat(grown.bounds().lower(w)).isEqualTo(Double.NEGATIVE_INFINITY);
        h.document.editMineral("Calcite", m -> grown, "add a band", null);
        vm.chooseModel("Calcite");
        vm.setWindow(950, 1250);
        vm.maxIterationsProperty().set(30);

        vm.refine(); // calcite's model against the quartz spectrum: the new band is pulled hard

        assertThat(h.dialogs.errors).isEmpty();
        Mineral out = working();
        assertThat(out.bounds()).as("the stored bounds are kept as they were").isEqualTo(grown.bounds());
        double omega = out.parameters()[w];
        assertThat(omega).as("within the default box of the window").isBetween(0.5 * 950, 1.5 * 1250);
        assertThat(vm.rmsProperty().get()).isNotNaN();
    }

    @Test
    void correlatedParametersAreNamedAfterTheFit() throws Exception {
        open(null);
        // the 1072 cm^-1 band as two halves 2 cm^-1 apart: their strengths trade against each other almost freely
        Mineral quartz = h.document.library().require("Quartz");
        Mineral split = MineralEdits.duplicateOscillator(quartz, 0, 2);
        int s3 = split.layout().index(0, 2, ParameterKind.STRENGTH);
        int s4 = split.layout().index(0, 3, ParameterKind.STRENGTH);
        int w4 = split.layout().index(0, 3, ParameterKind.OMEGA0);
        double[] p = split.parameters();
        p[s3] /= 2;
        p[s4] /= 2;
        p[w4] += 2;
        Mineral halves = split.withParameters(p);
        h.document.editMineral("Quartz", m -> halves, "split a band", null);
        vm.chooseModel("Quartz");
        vm.setWindow(950, 1250);
        vm.maxIterationsProperty().set(20);

        vm.refine();

        assertThat(vm.correlationWarnings()).isNotEmpty();
        assertThat(vm.correlationWarnings()).anyMatch(w -> w.startsWith("Mode 1 band 3 S \u2194 Mode 1 band 4 S: r = "));
        assertThat(row(0, 2, ParameterKind.STRENGTH).correlatedProperty().get()
                || row(0, 2, ParameterKind.OMEGA0).correlatedProperty().get()).isTrue();

        // a hand edit leaves the fitted state: its errors and warnings no longer apply
        ParameterRow eps = vm.rows().get(0);
        eps.value().textProperty().set("2.5");
        eps.value().commit();
        assertThat(vm.correlationWarnings()).isEmpty();
        assertThat(row(0, 2, ParameterKind.STRENGTH).errorProperty().get()).isEmpty();
        assertThat(vm.fitInfoProperty().get()).startsWith("Changed since the last fit");
        h.document.history().undo();
        assertThat(vm.correlationWarnings()).as("undo returns to the fitted state").isNotEmpty();
    }

    @Test
    void cancelLeavesTheModelUnchangedAndTheViewModelUsable() throws Exception {
        CancellingTaskRunner runner = new CancellingTaskRunner("re-fit", 8);
        open(runner);
        vm.chooseModel("Quartz");
        vm.setWindow(950, 1250);
        ParameterRow s = row(0, 2, ParameterKind.STRENGTH);
        s.value().textProperty().set("0.3");
        s.value().commit();
        MineralLibrary before = h.document.library();
        int steps = h.document.history().undoSize();
        PlotModel.Series model = vm.spectrumPlot().series().get(1);
        double[][] drawnBefore = model.snapshot();
        List<Integer> livePoints = new ArrayList<>();
        runner.atCancel = () -> livePoints.add(model.size());

        vm.refine();

        assertThat(runner.cancelled).isEqualTo(1);
        assertThat(livePoints).as("the running fit drew its model on the window's channels")
                .containsExactly(vm.windowChannelsProperty().get());
        assertThat(h.document.library()).isSameAs(before);
        assertThat(h.document.history().undoSize()).isEqualTo(steps);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.canRefineBinding().get()).isTrue();
        assertThat(h.status.current()).isEqualTo("Fit cancelled: the model is unchanged.");
        assertThat(model.snapshot()[1]).as("the plot shows the unchanged model again")
                .containsExactly(drawnBefore[1], within(0.0));
        assertThat(h.dialogs.errors).isEmpty();
    }

    @Test
    void cancellingAnAutoFitAddsNoModel() throws Exception {
        CancellingTaskRunner runner = new CancellingTaskRunner("fit", 5);
        open(runner);
        MineralLibrary before = h.document.library();
        vm.autoFit();
        assertThat(runner.cancelled).isEqualTo(1);
        assertThat(h.document.library()).isSameAs(before);
        assertThat(h.document.history().canUndoProperty().get()).isFalse();
        assertThat(vm.hasModelProperty().get()).isFalse();
        assertThat(vm.spectrumPlot().series().get(1).size()).as("the live model is gone again").isZero();
    }

    @Test
    void theModelIsAddedToTheLibraryAsANewEntryWithNameAndGroupAsOneStep() throws Exception {
        open(null);
        vm.chooseModel("Quartz");
        int steps = h.document.history().undoSize();
        h.dialogs.text("Alpha quartz").text("silica");
        vm.saveToLibrary();
        Mineral saved = entry("Alpha quartz");
        assertThat(saved.category()).isEqualTo("silica");
        assertThat(saved.modes()).isEqualTo(BundledSamples.library().require("Quartz").modes());
        assertThat(h.document.library().find("Quartz")).as("a new entry: the old one stays").isPresent();
        assertThat(h.document.history().undoSize()).isEqualTo(steps + 1);
        assertThat(vm.targetProperty().get()).isEqualTo("Alpha quartz");

        h.dialogs.text("Calcite");
        vm.saveToLibrary();
        assertThat(h.dialogs.errors).containsExactly("Add to library: The library already has a mineral named "
                + "\"Calcite\".");
        assertThat(h.document.history().undoSize()).isEqualTo(steps + 1);
    }

    @Test
    void theWindowIsClampedToTheSpectrumAndANarrowWindowCannotBeFitted() throws Exception {
        open(null);
        vm.spectrumPlot().xRangeListener().selected(300, 900.5, true); // dragged out on the plot
        assertThat(vm.windowLowProperty().get()).isEqualTo(400);
        assertThat(vm.windowHighProperty().get()).isEqualTo(900.5);
        assertThat(vm.windowChannelsProperty().get()).isEqualTo(251);
        assertThat(vm.spectrumPlot().bandLowProperty().get()).isEqualTo(400);
        assertThat(vm.residualPlot().bandHighProperty().get()).isEqualTo(900.5);
        assertThat(vm.windowHighField().textProperty().get()).isEqualTo("900.5");
        vm.windowLowField().textProperty().set("890");
        vm.windowLowField().commit();
        assertThat(vm.windowChannelsProperty().get()).isEqualTo(6);
        assertThat(vm.canAutoFitBinding().get()).as("fewer channels than a fit needs").isFalse();
        vm.windowLowField().textProperty().set("1000"); // above the end: refused
        vm.windowLowField().commit();
        assertThat(vm.windowLowProperty().get()).isEqualTo(890);
        vm.resetWindow();
        assertThat(vm.windowChannelsProperty().get()).isEqualTo(701);
    }

    @Test
    void aReflectanceSpectrumIsFittedAsReflectance() throws Exception {
        open(null);
        Spectrum e = vm.spectrumProperty().get();
        double[] r = new double[e.size()];
        for (int c = 0; c < r.length; c++) {
            r[c] = 1 - e.value(c);
        }
        Spectrum reflectance = new Spectrum("quartz-R", dev.oscilla.spectrum.SpectrumKind.REFLECTANCE, e.axis(), r);
        h.session.openSpectra(SpectrumSet.of(List.of(reflectance)), dir.resolve("r.csv"));
        assertThat(vm.quantityProperty().get()).isEqualTo(Quantity.REFLECTANCE);
        assertThat(vm.spectrumPlot().yLabelProperty().get()).isEqualTo("Reflectance");
        vm.chooseModel("Quartz");
        // the library's quartz, drawn as reflectance, matches the reflectance data to the noise level
        assertThat(vm.rmsProperty().get()).isLessThan(0.003);
        double[] model = new double[1];
        new DispersionEvaluator(new double[] {1120}).evaluate(working(), Quantity.REFLECTANCE, model);
        assertThat(vm.spectrumPlot().series().get(1).valueNear(1120)).isCloseTo(model[0], within(1e-12));
    }
}
