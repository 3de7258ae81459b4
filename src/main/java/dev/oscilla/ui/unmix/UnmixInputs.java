package dev.oscilla.ui.unmix;

import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.common.WindowSelection;
import dev.oscilla.ui.session.DocumentActions;
import dev.oscilla.ui.session.RecentFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * What the Unmix view unmixes, and with what: the mixed spectra (one file's worth), where the endmembers come from
 * (the open library or a measured spectral library file), and the window over the spectra (the shared
 * {@link WindowSelection}: the spectra's usable range by default). Files are read in the background. UI-thread
 * confined.
 */
final class UnmixInputs {

    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final StatusLine status;
    private final RecentFiles recent;
    private final ReadOnlyObjectWrapper<SpectrumSet> mixtures = new ReadOnlyObjectWrapper<>(this, "mixtures");
    private final ReadOnlyStringWrapper mixturesSource = new ReadOnlyStringWrapper(this, "mixturesSource", "");
    private final ObjectProperty<UnmixViewModel.Source> source = new SimpleObjectProperty<>(this, "source",
            UnmixViewModel.Source.LIBRARY);
    private final ReadOnlyObjectWrapper<SpectrumSet> measuredLibrary = new ReadOnlyObjectWrapper<>(this,
            "measuredLibrary");
    private final ReadOnlyStringWrapper measuredSource = new ReadOnlyStringWrapper(this, "measuredSource", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final WindowSelection window = new WindowSelection("window");

    UnmixInputs(TaskRunner tasks, Dialogs dialogs, StatusLine status, DocumentActions documents) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.status = status;
        this.recent = documents.recentSpectra();
    }

    /** Asks for a file of mixed spectra and opens it. */
    void openMixtures() {
        dialogs.chooseFileToOpen("Open spectra to unmix", DocumentActions.SPECTRUM_TYPES)
                .ifPresent(p -> openMixtures(p, true));
    }

    /**
     * Reads {@code file} in the background; its spectra become the ones to unmix.
     *
     * @param remember whether it goes to the recent files (the user's file, not the bundled preselection)
     */
    void openMixtures(Path file, boolean remember) {
        loading.set(true);
        tasks.submit("read spectra to unmix", () -> SpectrumFiles.read(file), set -> {
            loading.set(false);
            setMixtures(set, file);
            if (remember) {
                recent.add(file);
                status.post("Opened " + set.size() + " spectr" + (set.size() == 1 ? "um" : "a") + " to unmix from "
                        + file.getFileName() + (set.hasAbundances() ? " (with known abundances)" : ""));
            }
        }, error -> {
            loading.set(false);
            if (!Files.exists(file)) {
                recent.remove(file);
            }
            dialogs.showError("Open spectra to unmix", Dialogs.describe(error));
        });
    }

    /** Makes {@code set} the spectra to unmix; the window goes to their usable range. */
    void setMixtures(SpectrumSet set, Path file) {
        mixtures.set(set);
        mixturesSource.set(file == null || file.getFileName() == null ? "" : file.getFileName().toString());
        if (set != null && set.size() > 0) {
            window.setData(set.spectra());
        }
    }

    /** Asks for a measured spectral library (spectra of pure minerals, with groups) and uses it as endmembers. */
    void openMeasuredLibrary() {
        dialogs.chooseFileToOpen("Open a measured spectral library", DocumentActions.SPECTRUM_TYPES)
                .ifPresent(this::openMeasuredLibrary);
    }

    void openMeasuredLibrary(Path file) {
        loading.set(true);
        tasks.submit("read measured library", () -> SpectrumFiles.read(file), set -> {
            loading.set(false);
            measuredLibrary.set(set);
            measuredSource.set(file.getFileName().toString());
            source.set(UnmixViewModel.Source.MEASURED);
            recent.add(file);
            status.post("Using " + set.size() + " measured spectra from " + file.getFileName() + " as endmembers");
        }, error -> {
            loading.set(false);
            dialogs.showError("Open a measured spectral library", Dialogs.describe(error));
        });
    }

    ReadOnlyObjectProperty<SpectrumSet> mixturesProperty() {
        return mixtures.getReadOnlyProperty();
    }

    ReadOnlyStringProperty mixturesSourceProperty() {
        return mixturesSource.getReadOnlyProperty();
    }

    ObjectProperty<UnmixViewModel.Source> sourceProperty() {
        return source;
    }

    ReadOnlyObjectProperty<SpectrumSet> measuredLibraryProperty() {
        return measuredLibrary.getReadOnlyProperty();
    }

    ReadOnlyStringProperty measuredSourceProperty() {
        return measuredSource.getReadOnlyProperty();
    }

    /** True while a file is read. */
    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    WindowSelection window() {
        return window;
    }

    ObservableList<Path> recentFiles() {
        return recent.files();
    }
}
