package dev.oscilla.ui.fit;

import dev.oscilla.fit.FitSettings;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.ui.common.WindowSelection;
import dev.oscilla.ui.session.WorkbenchSession;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Fit view fits and how: the spectrum (the session's; its file may hold several), the fit window (the
 * shared {@link WindowSelection}: the file's usable range by default), emissivity or reflectance, modes, oscillator
 * cap, iterations and starts. UI-thread confined.
 */
final class FitSetup {

    private final WorkbenchSession session;
    private final ObservableList<Spectrum> spectra = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper readerNotes = new ReadOnlyStringWrapper(this, "readerNotes", "");
    private final ReadOnlyStringWrapper spectraSource = new ReadOnlyStringWrapper(this, "spectraSource", "");
    private final WindowSelection window = new WindowSelection("fit window");
    private final ReadOnlyIntegerWrapper windowChannels = new ReadOnlyIntegerWrapper(this, "windowChannels");
    private final ObjectProperty<Quantity> quantity = new SimpleObjectProperty<>(this, "quantity", Quantity.EMISSIVITY);
    private final ObjectProperty<Integer> modes = new SimpleObjectProperty<>(this, "modes", 0);
    private final IntegerProperty maxOscillators = new SimpleIntegerProperty(this, "maxOscillators", 0);
    private final IntegerProperty maxIterations = new SimpleIntegerProperty(this, "maxIterations",
            FitViewModel.DEFAULT_MAX_ITERATIONS);
    private final IntegerProperty starts = new SimpleIntegerProperty(this, "starts", 1);

    FitSetup(WorkbenchSession session) {
        this.session = session;
        session.spectraProperty().addListener((obs, was, now) -> spectraChanged());
        session.spectraFileProperty().addListener(obs -> spectraChanged());
        session.spectrumProperty().addListener((obs, was, now) -> spectrumChanged());
        window.windowProperty().addListener(obs -> countChannels());
        spectraChanged();
        spectrumChanged();
    }

    private void spectraChanged() {
        SpectrumSet set = session.spectraProperty().get();
        spectra.setAll(set == null ? List.of() : set.spectra());
        readerNotes.set(set == null ? "" : String.join("\n", set.notes()));
        Path file = session.spectraFileProperty().get();
        spectraSource.set(file == null || file.getFileName() == null ? "" : file.getFileName().toString());
    }

    private void spectrumChanged() {
        Spectrum s = session.spectrumProperty().get();
        if (s != null && s.validCount() > 0) {
            quantity.set(s.kind() == SpectrumKind.REFLECTANCE ? Quantity.REFLECTANCE : Quantity.EMISSIVITY);
            // the file's spectra are judged together (the noise of the instrument is the file's)
            SpectrumSet set = session.spectraProperty().get();
            boolean inSet = set != null && set.spectra().contains(s);
            window.setData(inSet ? set.spectra() : List.of(s));
        }
        countChannels();
    }

    private void countChannels() {
        windowChannels.set(window.usableChannels(session.spectrumProperty().get()));
    }

    /** The settings the next fit uses. */
    FitSettings settings() {
        return FitSettings.defaults().withWindow(window.window()).withQuantity(quantity.get()).withModes(modes.get())
                .withMaxOscillators(Math.max(0, maxOscillators.get()))
                .withMaxIterations(Math.max(1, maxIterations.get())).withStarts(Math.max(1, starts.get()));
    }

    Spectrum spectrum() {
        return session.spectrumProperty().get();
    }

    ObservableList<Spectrum> spectra() {
        return spectra;
    }

    ReadOnlyStringProperty readerNotesProperty() {
        return readerNotes.getReadOnlyProperty();
    }

    ReadOnlyStringProperty spectraSourceProperty() {
        return spectraSource.getReadOnlyProperty();
    }

    WindowSelection window() {
        return window;
    }

    /** Channels the fit would use (usable, in the window). */
    ReadOnlyIntegerProperty windowChannelsProperty() {
        return windowChannels.getReadOnlyProperty();
    }

    ObjectProperty<Quantity> quantityProperty() {
        return quantity;
    }

    ObjectProperty<Integer> modesProperty() {
        return modes;
    }

    IntegerProperty maxOscillatorsProperty() {
        return maxOscillators;
    }

    IntegerProperty maxIterationsProperty() {
        return maxIterations;
    }

    IntegerProperty startsProperty() {
        return starts;
    }
}
