package dev.oscilla.ui.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.Quantity;
import dev.oscilla.ui.common.NumberField;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.SynchronousTaskRunner;
import dev.oscilla.ui.mineral.MineralEdits;
import dev.oscilla.ui.session.BundledSamples;
import dev.oscilla.ui.session.LibraryDocument;
import dev.oscilla.ui.session.WorkbenchSession;
import dev.oscilla.ui.testing.Fixtures;
import org.junit.jupiter.api.Test;

class ExploreViewModelTest {

    private final LibraryDocument doc = new LibraryDocument(Fixtures.smallLibrary(), null);
    private final SynchronousTaskRunner tasks = new SynchronousTaskRunner();
    private final ExploreViewModel vm = new ExploreViewModel(new WorkbenchSession(doc), tasks, new StatusLine());

    private OscillatorModel row(int mode, int band) {
        return vm.modes().get(mode).oscillators().get(band);
    }

    private double emissivityAt(double wavenumber) {
        return vm.spectrumPlot().series().get(0).valueNear(wavenumber);
    }

    /** Drags a slider like a user: press, several moves, release. */
    private static void drag(NumberField field, double... positions) {
        field.adjustingProperty().set(true);
        for (double p : positions) {
            field.sliderPositionProperty().set(p);
        }
        field.adjustingProperty().set(false);
    }

    @Test
    void presentsTheBundledQuartzWithBothCrystalAxes() throws Exception {
        LibraryDocument quartzDoc = new LibraryDocument(BundledSamples.library(), null);
        quartzDoc.currentProperty().set("Quartz");
        ExploreViewModel q = new ExploreViewModel(new WorkbenchSession(quartzDoc), tasks, new StatusLine());
        assertThat(q.modes()).hasSize(2);
        assertThat(q.modes().get(0).oscillators()).hasSize(7);
        assertThat(q.modes().get(1).oscillators()).hasSize(7);
        assertThat(q.modes().get(0).oscillators().get(2).omega0().textProperty().get()).isEqualTo("1072");
        assertThat(q.modes().get(0).shareProperty().get()).startsWith("66.7");
        assertThat(q.sourceProperty().get()).contains("Spitzer").contains("1961");
        PlotModel.Series e = q.spectrumPlot().series().get(0);
        assertThat(e.size()).isEqualTo(AxisRange.DEFAULT.channels());
        // quartz's reststrahlen band: low emissivity near 1120 cm^-1, high near 1400 cm^-1 (no bands there)
        assertThat(e.valueNear(1120)).isLessThan(0.3);
        assertThat(e.valueNear(1400)).isGreaterThan(0.9);
        long shownN = q.opticalPlot().series().stream().filter(s -> s.shownProperty().get()).count();
        assertThat(shownN).as("n and k for two modes").isEqualTo(4);
        assertThat(q.renderInfoProperty().get()).contains("Quartz").contains("14 bands");
    }

    @Test
    void draggingOmega0MovesTheBandOnThePlotAndIsOneUndoStep() {
        doc.currentProperty().set("Onemode"); // one band at 1100 cm^-1
        double before700 = emissivityAt(700);
        double before1100 = emissivityAt(1100);
        double[] p0 = doc.library().require("Onemode").parameters();
        int steps = doc.history().undoSize();

        drag(row(0, 0).omega0(), 1050, 900, 800, 700);

        Mineral moved = doc.library().require("Onemode");
        assertThat(moved.modes().get(0).oscillators().get(0).omega0()).isEqualTo(700);
        assertThat(emissivityAt(700)).as("the band is now at 700 cm^-1").isLessThan(before700 - 0.2);
        assertThat(emissivityAt(1100)).as("and gone from 1100 cm^-1").isGreaterThan(before1100 + 0.2);
        assertThat(doc.history().undoSize()).isEqualTo(steps + 1);
        assertThat(vm.selectedProperty().get()).isSameAs(row(0, 0));
        assertThat(vm.spectrumPlot().bandLowProperty().get()).isLessThan(700);
        assertThat(vm.spectrumPlot().bandHighProperty().get()).isGreaterThan(700);

        vm.history().undo();
        assertThat(doc.library().require("Onemode").parameters()).containsExactly(p0);
        assertThat(emissivityAt(700)).isCloseTo(before700, within(1e-12));
        assertThat(row(0, 0).omega0().textProperty().get()).isEqualTo("1100");
        vm.history().redo();
        assertThat(row(0, 0).omega0().get()).isEqualTo(700);
    }

    @Test
    void anExactValueTypedInAFieldIsApplied() {
        doc.currentProperty().set("Onemode");
        row(0, 0).gamma().textProperty().set("0.05");
        row(0, 0).gamma().commit();
        assertThat(doc.library().require("Onemode").modes().get(0).oscillators().get(0).gamma()).isEqualTo(0.05);
        assertThat(row(0, 0).widthProperty().get()).contains("55"); // 0.05 * 1100 cm^-1
        assertThat(vm.history().undoLabelProperty().get()).contains("gamma").contains("Onemode");
    }

    @Test
    void bandsCanBeAddedDuplicatedAndRemovedAndEachIsUndoable() {
        doc.currentProperty().set("Twomode");
        vm.addOscillator(vm.modes().get(1));
        assertThat(vm.modes().get(1).oscillators()).hasSize(2);
        assertThat(vm.selectedProperty().get()).isSameAs(row(1, 1));
        assertThat(row(1, 1).omega0().get()).isEqualTo(1100); // middle of 200-2000 cm^-1

        vm.duplicateOscillator(row(0, 0));
        assertThat(vm.modes().get(0).oscillators()).hasSize(3);
        assertThat(row(0, 1).omega0().get()).isEqualTo(1000);
        assertThat(vm.selectedProperty().get()).isSameAs(row(0, 1));

        vm.removeOscillator(row(0, 2));
        assertThat(vm.modes().get(0).oscillators()).extracting(r -> r.omega0().get()).containsExactly(1000.0, 1000.0);
        assertThat(vm.selectedProperty().get()).isSameAs(row(0, 1));

        vm.history().undo();
        vm.history().undo();
        vm.history().undo();
        assertThat(doc.library().require("Twomode")).isEqualTo(Fixtures.smallLibrary().require("Twomode"));
        assertThat(vm.modes().get(0).oscillators()).hasSize(2);
    }

    @Test
    void modesCanBeAddedUpToThreeAndRemovedDownToOne() {
        doc.currentProperty().set("Onemode");
        assertThat(vm.modes().get(0).removableProperty().get()).isFalse();
        assertThat(vm.canAddModeBinding().get()).isTrue();
        vm.addMode();
        vm.addMode();
        assertThat(vm.modes()).hasSize(3);
        assertThat(vm.canAddModeBinding().get()).isFalse();
        assertThat(vm.modes().get(0).removableProperty().get()).isTrue();
        assertThat(vm.modes().get(2).epsInf().get()).isEqualTo(MineralEdits.NEW_EPS_INF);
        vm.removeMode(vm.modes().get(0));
        assertThat(vm.modes()).hasSize(2);
        assertThat(vm.modes().get(0).oscillators()).as("the banded mode was removed").isEmpty();
        assertThat(vm.canAddModeBinding().get()).isTrue();
    }

    @Test
    void modeKnobsEditEpsInfAndWeightAndRejectAZeroTotalWeight() {
        doc.currentProperty().set("Twomode");
        double before = emissivityAt(1500);
        vm.modes().get(0).epsInf().textProperty().set("4");
        vm.modes().get(0).epsInf().commit();
        assertThat(emissivityAt(1500)).as("a higher background index reflects more").isLessThan(before);
        vm.modes().get(1).weight().textProperty().set("2");
        vm.modes().get(1).weight().commit();
        assertThat(vm.modes().get(1).shareProperty().get()).startsWith("50");

        doc.currentProperty().set("Onemode");
        vm.modes().get(0).weight().textProperty().set("0");
        assertThat(vm.modes().get(0).weight().textValidProperty().get()).isFalse();
        vm.modes().get(0).weight().commit();
        assertThat(doc.library().require("Onemode").modes().get(0).weight()).isEqualTo(1.0);
    }

    @Test
    void theStrengthToggleShowsRhoOrS() {
        doc.currentProperty().set("Onemode");
        assertThat(vm.strengthHeaderProperty().get()).contains("4\u03c0\u03c1");
        assertThat(row(0, 0).strength().textProperty().get()).isEqualTo("0.5");
        vm.showRhoProperty().set(true);
        assertThat(vm.strengthHeaderProperty().get()).startsWith("\u03c1");
        assertThat(row(0, 0).strength().textProperty().get()).isEqualTo("0.0397887"); // 0.5 / 4 pi
        row(0, 0).strength().textProperty().set("0.1");
        row(0, 0).strength().commit();
        assertThat(doc.library().require("Onemode").modes().get(0).oscillators().get(0).strength())
                .isCloseTo(0.1 * Oscillator.FOUR_PI, within(1e-12));
    }

    @Test
    void reflectanceIsOneMinusEmissivity() {
        doc.currentProperty().set("Twomode");
        double e = emissivityAt(1010);
        vm.spectrumQuantityProperty().set(Quantity.REFLECTANCE);
        assertThat(emissivityAt(1010)).isCloseTo(1 - e, within(1e-12));
        assertThat(vm.spectrumPlot().yLabelProperty().get()).isEqualTo("Reflectance");
    }

    @Test
    void theAxisRangeIsValidatedAndApplied() {
        doc.currentProperty().set("Onemode");
        vm.axisLowTextProperty().set("500");
        vm.axisHighTextProperty().set("400");
        assertThat(vm.canApplyAxisBinding().get()).isFalse();
        assertThat(vm.axisProblemProperty().get()).contains("above");
        vm.axisHighTextProperty().set("1500");
        vm.channelsTextProperty().set("251");
        assertThat(vm.canApplyAxisBinding().get()).isTrue();
        vm.applyAxis();
        assertThat(vm.spectrumPlot().series().get(0).size()).isEqualTo(251);
        assertThat(vm.spectrumPlot().xMinProperty().get()).isEqualTo(500);
        assertThat(row(0, 0).omega0().sliderMaxProperty().get()).isEqualTo(1500);
        assertThat(vm.canApplyAxisBinding().get()).isFalse();
    }

    @Test
    void theHighlightedBandFollowsTheSelection() {
        doc.currentProperty().set("Twomode");
        assertThat(vm.spectrumPlot().bandLowProperty().get()).isNaN();
        vm.select(row(0, 1)); // 500 cm^-1, gamma 0.02: width 10 cm^-1
        assertThat(vm.opticalPlot().bandLowProperty().get()).isEqualTo(490);
        assertThat(vm.dielectricPlot().bandHighProperty().get()).isEqualTo(510);
        assertThat(vm.spectrumPlot().bandLabelProperty().get()).contains("500");
        assertThat(row(0, 1).selectedProperty().get()).isTrue();
        vm.select(null);
        assertThat(vm.spectrumPlot().bandLowProperty().get()).isNaN();
        assertThat(row(0, 1).selectedProperty().get()).isFalse();
    }

    @Test
    void aBlankMineralIsAFlatDielectricUntilBandsAreAdded() {
        vm.newBlankMineral();
        assertThat(vm.currentMineralProperty().get()).isEqualTo("New mineral");
        assertThat(vm.modes()).hasSize(1);
        assertThat(vm.modes().get(0).oscillators()).isEmpty();
        assertThat(emissivityAt(300)).isCloseTo(emissivityAt(1900), within(1e-12));
        vm.addOscillator(vm.modes().get(0));
        assertThat(emissivityAt(1100)).isLessThan(emissivityAt(300) - 0.1);
        vm.newBlankMineral();
        assertThat(vm.currentMineralProperty().get()).isEqualTo("New mineral (2)");
    }

    @Test
    void undoingAnEditOfAnotherMineralShowsThatMineralAgain() {
        doc.currentProperty().set("Onemode");
        drag(row(0, 0).omega0(), 900);
        doc.currentProperty().set("Twomode");
        assertThat(vm.modes()).hasSize(2);
        vm.history().undo();
        assertThat(vm.currentMineralProperty().get()).isEqualTo("Onemode");
        assertThat(vm.modes()).hasSize(1);
        assertThat(row(0, 0).omega0().get()).isEqualTo(1100);
    }

    @Test
    void withoutAMineralTheEditorIsEmptyAndThePlotsAreCleared() {
        doc.currentProperty().set(null);
        assertThat(vm.hasMineralProperty().get()).isFalse();
        assertThat(vm.modes()).isEmpty();
        assertThat(vm.spectrumPlot().series().get(0).size()).isZero();
        assertThat(vm.parameterIndex(0, 0, ParameterKind.OMEGA0)).isEqualTo(-1);
    }

    @Test
    void aBlackbodyHasNoModesAndAFlatUnitEmissivity() {
        doc.currentProperty().set("Blackbody");
        assertThat(vm.modes()).isEmpty();
        assertThat(emissivityAt(1000)).isEqualTo(1.0);
        assertThat(vm.opticalPlot().series().stream().noneMatch(s -> s.shownProperty().get())).isTrue();
        vm.addMode();
        assertThat(vm.modes()).hasSize(1);
    }
}
