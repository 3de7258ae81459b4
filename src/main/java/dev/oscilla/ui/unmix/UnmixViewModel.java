package dev.oscilla.ui.unmix;

import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.ui.common.BarPlotModel;
import dev.oscilla.ui.common.NumberField;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.common.WindowSelection;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.ui.session.BundledSamples;
import dev.oscilla.unmix.UnmixMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

/**
 * View-model of the Unmix view, the one object its view binds to. It is made of four parts, each with one job:
 * {@link UnmixInputs} (the spectra to unmix, the endmember source, the window), {@link EndmemberChoices} (used,
 * forced, groups), {@link UnmixRun} (method, blackbody, validation, the background run, scores, the results table)
 * and {@link UnmixDetail} (the selected result: bars, group sums, shifts, contributions). UI-thread confined.
 */
public final class UnmixViewModel {

    /** Where the endmembers come from. */
    public enum Source {
        /** The open library's oscillator models, rendered on the spectra's axis. */
        LIBRARY("Open library (oscillator models)"),
        /** Measured spectra of pure minerals from a file (ASU tab + meta, text table). */
        MEASURED("Measured spectral library");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The methods offered (ir and ir+abs use the network of the Network view). */
    public static final List<UnmixMethod> METHODS = List.of(UnmixMethod.FCLS, UnmixMethod.NNLS, UnmixMethod.LS,
            UnmixMethod.ABS, UnmixMethod.IR, UnmixMethod.IR_ABS);
    /** Endmember contributions drawn (the largest ones when there are more endmembers). */
    public static final int CONTRIBUTIONS = 10;
    /** Largest parameter shifts listed per flexed mineral. */
    static final int SHIFTS_PER_MINERAL = 3;

    private final UnmixInputs inputs;
    private final EndmemberChoices choices;
    private final UnmixRun run;
    private final UnmixDetail detail;

    public UnmixViewModel(WorkbenchContext context) {
        inputs = new UnmixInputs(context.tasks(), context.dialogs(), context.status(), context.documents());
        UnmixRun[] runRef = {null};
        choices = new EndmemberChoices(context.session().document(), inputs, () -> {
            if (runRef[0] != null) {
                runRef[0].validate();
            }
        });
        run = new UnmixRun(context.session(), inputs, choices, context.tasks(), context.dialogs(), context.status());
        runRef[0] = run;
        detail = new UnmixDetail(run, context.tasks(), context.status());
        Path samples = context.session().samplesDirProperty().get();
        if (samples != null && Files.isRegularFile(samples.resolve(BundledSamples.MIXTURES_TAB))) {
            inputs.openMixtures(samples.resolve(BundledSamples.MIXTURES_TAB), false);
        }
    }

    // ------------------------------------------------------------------ actions

    /** Asks for a file of mixed spectra and opens it. */
    public void openMixtures() {
        inputs.openMixtures();
    }

    /** Reads {@code file} in the background; its spectra become the ones to unmix. */
    public void openMixtures(Path file) {
        inputs.openMixtures(file, true);
    }

    /** Makes {@code set} the spectra to unmix (the window goes to their usable range; old results go). */
    public void setMixtures(SpectrumSet set, Path file) {
        inputs.setMixtures(set, file);
    }

    /** Asks for a measured spectral library (spectra of pure minerals, with groups) and uses it as endmembers. */
    public void openMeasuredLibrary() {
        inputs.openMeasuredLibrary();
    }

    public void openMeasuredLibrary(Path file) {
        inputs.openMeasuredLibrary(file);
    }

    /** Sets the window (cm^-1), clamped to the spectra's range. */
    public void setWindow(double low, double high) {
        inputs.window().setWindow(low, high);
    }

    /** Back to the spectra's usable range. */
    public void resetWindow() {
        inputs.window().reset();
    }

    /** Unmixes every open spectrum with the chosen settings, in the background. */
    public void run() {
        run.run();
    }

    public void cancel() {
        run.cancel();
    }

    /** Writes the results table as CSV (one row per spectrum: RMS, blackbody, abundances, errors, group sums). */
    public void exportCsv() {
        run.exportCsv();
    }

    // ------------------------------------------------------------------ inputs

    public ReadOnlyObjectProperty<SpectrumSet> mixturesProperty() {
        return inputs.mixturesProperty();
    }

    /** The file the spectra to unmix come from. */
    public ReadOnlyStringProperty mixturesSourceProperty() {
        return inputs.mixturesSourceProperty();
    }

    public ObservableList<Path> recentFiles() {
        return inputs.recentFiles();
    }

    public ObjectProperty<Source> sourceProperty() {
        return inputs.sourceProperty();
    }

    public ReadOnlyObjectProperty<SpectrumSet> measuredLibraryProperty() {
        return inputs.measuredLibraryProperty();
    }

    public ReadOnlyStringProperty measuredSourceProperty() {
        return inputs.measuredSourceProperty();
    }

    /** The candidate endmembers of the source (blackbodies excluded: the blackbody option adds one). */
    public ObservableList<EndmemberChoice> endmembers() {
        return choices.list();
    }

    /** Says when endmembers have no group (group sums and scores then go by their names); empty otherwise. */
    public ReadOnlyStringProperty groupWarningProperty() {
        return choices.groupWarningProperty();
    }

    /** The unmixing window (shared model: the spectra's usable range by default). */
    public WindowSelection window() {
        return inputs.window();
    }

    public ReadOnlyDoubleProperty windowLowProperty() {
        return inputs.window().lowProperty();
    }

    public ReadOnlyDoubleProperty windowHighProperty() {
        return inputs.window().highProperty();
    }

    public NumberField windowLowField() {
        return inputs.window().lowField();
    }

    public NumberField windowHighField() {
        return inputs.window().highField();
    }

    // ------------------------------------------------------------------ settings and run

    public ObjectProperty<UnmixMethod> methodProperty() {
        return run.methodProperty();
    }

    /** Add a blackbody endmember (E = 1); its fraction is reported and the rest renormalised. */
    public BooleanProperty blackbodyProperty() {
        return run.blackbodyProperty();
    }

    /** Why a run is not possible now; empty when it is. */
    public ReadOnlyStringProperty problemProperty() {
        return run.problemProperty();
    }

    public BooleanBinding canRunBinding() {
        return run.canRunBinding();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.task().runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return run.task().progressProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return run.task().messageProperty();
    }

    /** One row per spectrum of the last run. */
    public ObservableList<UnmixRow> results() {
        return run.results();
    }

    /** The endmembers of the last run (blackbody excluded), the table's abundance columns. */
    public ObservableList<String> resultColumns() {
        return run.resultColumns();
    }

    /** True when the last run was scored against known abundances. */
    public ReadOnlyBooleanProperty scoredProperty() {
        return run.scoredProperty();
    }

    public ReadOnlyStringProperty scoreSummaryProperty() {
        return run.scoreSummaryProperty();
    }

    public ReadOnlyStringProperty runSummaryProperty() {
        return run.runSummaryProperty();
    }

    /** What the unmixer noted (channels dropped, blackbody added, groups missing, spectra not scored, failures). */
    public ObservableList<String> notes() {
        return run.notes();
    }

    // ------------------------------------------------------------------ the selected result

    /** The result shown in detail. */
    public ObjectProperty<UnmixRow> selectedProperty() {
        return detail.selectedProperty();
    }

    public ReadOnlyStringProperty selectedSummaryProperty() {
        return detail.summaryProperty();
    }

    /** Group sums of the selected result. */
    public ObservableList<GroupRow> groups() {
        return detail.groups();
    }

    /** Largest parameter shifts of the flexed minerals of the selected result (analysis-by-synthesis). */
    public ObservableList<ShiftRow> shifts() {
        return detail.shifts();
    }

    public BarPlotModel abundancePlot() {
        return detail.abundancePlot();
    }

    public PlotModel spectraPlot() {
        return detail.spectraPlot();
    }
}
