package dev.oscilla.ui.session;

import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.learn.InverseRenderModel;
import dev.oscilla.spectrum.Spectrum;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What every view shares: the library document and the measured spectra that are open (for comparing a library
 * entry now, for fitting and unmixing once those views exist). UI-thread confined.
 */
public final class WorkbenchSession {

    private final LibraryDocument document;
    private final ObjectProperty<SpectrumSet> spectra = new SimpleObjectProperty<>(this, "spectra");
    private final ObjectProperty<Path> spectraFile = new SimpleObjectProperty<>(this, "spectraFile");
    private final ObjectProperty<Spectrum> spectrum = new SimpleObjectProperty<>(this, "spectrum");
    private final ObjectProperty<Path> samplesDir = new SimpleObjectProperty<>(this, "samplesDir");
    private final ObjectProperty<InverseRenderModel> network = new SimpleObjectProperty<>(this, "network");

    public WorkbenchSession(LibraryDocument document) {
        this.document = Objects.requireNonNull(document);
        // the selected spectrum always belongs to the open set
        spectra.addListener((obs, old, now) -> {
            if (now == null || now.size() == 0) {
                spectrum.set(null);
            } else if (spectrum.get() == null || !now.spectra().contains(spectrum.get())) {
                spectrum.set(now.get(0));
            }
        });
    }

    public LibraryDocument document() {
        return document;
    }

    /** The measured spectra open in the workbench (a file's worth), or null. */
    public ObjectProperty<SpectrumSet> spectraProperty() {
        return spectra;
    }

    /** Where {@link #spectraProperty()} was read from (for titles and messages). */
    public ObjectProperty<Path> spectraFileProperty() {
        return spectraFile;
    }

    /** The measured spectrum the views compare with, fit or unmix: one of {@link #spectraProperty()}. */
    public ObjectProperty<Spectrum> spectrumProperty() {
        return spectrum;
    }

    /**
     * The folder the bundled samples were extracted to (library, quartz spectrum, mixtures with known abundances),
     * or null when they could not be prepared.
     */
    public ObjectProperty<Path> samplesDirProperty() {
        return samplesDir;
    }

    /**
     * The inverse-rendering network in use (trained in the Network view or opened from a model file), or null. It
     * carries the library it was trained for, which may differ from the open document's by now.
     */
    public ObjectProperty<InverseRenderModel> networkProperty() {
        return network;
    }

    /** Opens a set of spectra, selecting the first. */
    public void openSpectra(SpectrumSet set, Path file) {
        spectraFile.set(file);
        spectra.set(set);
        if (set != null && set.size() > 0) {
            spectrum.set(set.get(0));
        }
    }
}
