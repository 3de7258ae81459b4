package dev.oscilla.ui.session;

import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.LibraryJson;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The session's file actions, shared by the File menu and the views: open, import, save, save as, export as CSV
 * table, open measured spectra, and "settle unsaved changes first" for anything that would drop the document (opening
 * another library, quitting). Files are read and written in the background; writes are atomic. UI-thread
 * confined.
 */
public final class DocumentActions {

    public static final Dialogs.FileType JSON = new Dialogs.FileType("Oscilla library (JSON)", "*.json");
    public static final Dialogs.FileType HDF = new Dialogs.FileType("InfraRender parameters (HDF5)", "*.hdf",
            "*.h5", "*.hdf5");
    public static final Dialogs.FileType CSV = new Dialogs.FileType("CSV table", "*.csv");
    public static final Dialogs.FileType TABLE = new Dialogs.FileType("Oscillator table (CSV)", "*.csv");
    public static final Dialogs.FileType LIBRARIES = new Dialogs.FileType(
            "Oscillator libraries (JSON, InfraRender HDF, oscillator table CSV)", "*.json", "*.hdf", "*.h5", "*.hdf5",
            "*.csv");

    /** Writes a library as a CSV table ({@code OscillatorTableCsv::write} in the application). */
    @FunctionalInterface
    public interface TableWriter {
        void write(MineralLibrary library, Path file) throws SpectralFileException;
    }

    private final WorkbenchSession session;
    private final LibraryDocument document;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final StatusLine status;
    private final TableWriter tableWriter;
    private final RecentFiles recentSpectra;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /** With a recent-spectra list kept in memory only. */
    public DocumentActions(WorkbenchSession session, TaskRunner tasks, Dialogs dialogs, StatusLine status,
                           TableWriter tableWriter) {
        this(session, tasks, dialogs, status, tableWriter, new RecentFiles(null, tasks));
    }

    /** @param recentSpectra the spectrum files opened lately (every view that opens spectra adds to it) */
    public DocumentActions(WorkbenchSession session, TaskRunner tasks, Dialogs dialogs, StatusLine status,
                           TableWriter tableWriter, RecentFiles recentSpectra) {
        this.recentSpectra = Objects.requireNonNull(recentSpectra);
        this.session = Objects.requireNonNull(session);
        this.document = session.document();
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.status = Objects.requireNonNull(status);
        this.tableWriter = Objects.requireNonNull(tableWriter);
    }

    /**
     * Asks what to do with unsaved changes before they would be lost, and runs {@code proceed} once that is
     * settled (after a successful save, right away on "discard" or when nothing is unsaved, never on "cancel").
     *
     * @param action what the user is about to do, completing "Save them before you ...?"
     */
    public void whenChangesSettled(String action, Runnable proceed) {
        if (!document.isModified()) {
            proceed.run();
            return;
        }
        Dialogs.UnsavedChoice choice = dialogs.askUnsavedChanges("The library \""
                + document.displayNameProperty().get() + "\" has unsaved changes. Save them before you " + action
                + "?");
        switch (choice) {
            case SAVE -> save(proceed);
            case DISCARD -> proceed.run();
            default -> { }
        }
    }

    /** File > Open library: replaces the document with a JSON library or an InfraRender HDF file. */
    public void openLibrary() {
        whenChangesSettled("open another library", () -> dialogs.chooseFileToOpen("Open oscillator library",
                List.of(LIBRARIES, JSON, HDF, TABLE)).ifPresent(this::openLibrary));
    }

    /** Reads {@code file} in the background and makes it the document. */
    public void openLibrary(Path file) {
        busy.set(true);
        tasks.submit("open library", () -> LibraryFiles.read(file), library -> {
            busy.set(false);
            // An InfraRender HDF keeps its path for the title; "Save" then asks for a JSON file (see save()).
            document.replace(library, file, false, null);
            status.post("Opened " + file.getFileName() + " (" + library.size() + " minerals)");
        }, error -> {
            busy.set(false);
            dialogs.showError("Open library", Dialogs.describe(error));
        });
    }

    /** Import minerals: adds the minerals of another library file to the document (one undo step). */
    public void importMinerals() {
        dialogs.chooseFileToOpen("Import minerals", List.of(LIBRARIES, JSON, HDF, TABLE))
                .ifPresent(this::importMinerals);
    }

    public void importMinerals(Path file) {
        busy.set(true);
        tasks.submit("import minerals", () -> LibraryFiles.read(file), library -> {
            busy.set(false);
            List<String> names = document.addMinerals(library.minerals(), "import " + library.size()
                    + " minerals from " + file.getFileName());
            status.post("Imported " + names.size() + " minerals from " + file.getFileName());
        }, error -> {
            busy.set(false);
            dialogs.showError("Import minerals", Dialogs.describe(error));
        });
    }

    /** File > Save: writes the document back to its JSON file, or asks for one. */
    public void save() {
        save(() -> { });
    }

    /** Saves, then runs {@code afterSaved} (not run when the save is cancelled or fails). */
    public void save(Runnable afterSaved) {
        Path file = document.file();
        if (file == null || !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            saveAs(afterSaved);
        } else {
            write(file, afterSaved);
        }
    }

    /** File > Save as: asks for a JSON file and writes the document there. */
    public void saveAs() {
        saveAs(() -> { });
    }

    private void saveAs(Runnable afterSaved) {
        dialogs.chooseFileToSave("Save library as", suggestedName(".json"), List.of(JSON))
                .ifPresent(path -> write(withExtension(path, ".json"), afterSaved));
    }

    private void write(Path file, Runnable afterSaved) {
        MineralLibrary snapshot = document.library(); // edits made while the write runs stay unsaved
        busy.set(true);
        tasks.submit("save library", () -> {
            LibraryJson.write(snapshot, file);
            return file;
        }, saved -> {
            busy.set(false);
            document.markSaved(saved, snapshot);
            status.post("Saved " + saved.getFileName());
            afterSaved.run();
        }, error -> {
            busy.set(false);
            dialogs.showError("Save library", Dialogs.describe(error));
        });
    }

    /** Export as CSV table: one row per oscillator, for spreadsheets. */
    public void exportCsvTable() {
        MineralLibrary snapshot = document.library();
        dialogs.chooseFileToSave("Export library as CSV table", suggestedName(".csv"), List.of(CSV))
                .ifPresent(path -> {
                    Path target = withExtension(path, ".csv");
                    busy.set(true);
                    tasks.submit("export CSV", () -> {
                        tableWriter.write(snapshot, target);
                        return target;
                    }, done -> {
                        busy.set(false);
                        status.post("Exported " + snapshot.size() + " minerals to " + done.getFileName());
                    }, error -> {
                        busy.set(false);
                        dialogs.showError("Export CSV table", Dialogs.describe(error));
                    });
                });
    }

    /** File types offered when opening measured spectra (what {@code SpectrumFiles.read} reads). */
    public static final List<Dialogs.FileType> SPECTRUM_TYPES = spectrumTypes();

    /** Every spectrum file first, then one filter per format of the registry, then any file (content decides). */
    private static List<Dialogs.FileType> spectrumTypes() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        List<Dialogs.FileType> perFormat = new java.util.ArrayList<>();
        for (dev.oscilla.io.SpectrumFormat f : dev.oscilla.io.SpectrumFormats.all()) {
            List<String> patterns = f.extensions().stream().map(e -> "*." + e).toList();
            all.addAll(patterns);
            if (!patterns.isEmpty()) {
                perFormat.add(new Dialogs.FileType(f.label(), patterns));
            }
        }
        List<Dialogs.FileType> out = new java.util.ArrayList<>();
        out.add(new Dialogs.FileType("Spectrum files (JCAMP-DX, ENVI, ASTER, USGS, RELAB, RRUFF, ASU, tables)",
                List.copyOf(all)));
        out.addAll(perFormat);
        out.add(new Dialogs.FileType("All files", "*"));
        return List.copyOf(out);
    }

    /** Open spectra: asks for a spectrum file and makes its spectra the open ones (for comparing, fitting). */
    public void openSpectra() {
        dialogs.chooseFileToOpen("Open measured spectra", SPECTRUM_TYPES).ifPresent(this::openSpectra);
    }

    /** Reads {@code file} in the background; selects the spectrum named like the current mineral, if any. */
    public void openSpectra(Path file) {
        busy.set(true);
        tasks.submit("read spectra", () -> SpectrumFiles.read(file), set -> {
            busy.set(false);
            session.openSpectra(set, file);
            recentSpectra.add(file);
            document.currentMineral().flatMap(m -> set.find(m.name()))
                    .ifPresent(s -> session.spectrumProperty().set(s));
            status.post("Opened " + set.size() + " spectr" + (set.size() == 1 ? "um" : "a") + " from "
                    + file.getFileName());
        }, error -> {
            busy.set(false);
            if (!java.nio.file.Files.exists(file)) {
                recentSpectra.remove(file);
            }
            dialogs.showError("Open spectra", Dialogs.describe(error));
        });
    }

    /** The spectrum files opened lately, newest first (shared by every view that opens spectra). */
    public RecentFiles recentSpectra() {
        return recentSpectra;
    }

    /** True while a file is read or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private String suggestedName(String extension) {
        String base = document.displayNameProperty().get();
        int dot = base.lastIndexOf('.');
        base = dot > 0 ? base.substring(0, dot) : base;
        base = base.replaceAll("[^A-Za-z0-9._-]+", "-");
        return (base.isBlank() ? "library" : base) + extension;
    }

    private static Path withExtension(Path path, String extension) {
        String name = path.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(extension) ? path : path.resolveSibling(name + extension);
    }

}
