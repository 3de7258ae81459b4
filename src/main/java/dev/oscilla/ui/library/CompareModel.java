package dev.oscilla.ui.library;

import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.ui.common.LatestWins;
import dev.oscilla.ui.common.Numbers;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.session.DocumentActions;
import dev.oscilla.ui.session.LibraryDocument;
import dev.oscilla.ui.session.WorkbenchSession;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Compares the current library entry with a measured spectrum: opens a spectrum file, renders the entry on the
 * spectrum's valid channels (emissivity, or reflectance for a reflectance spectrum), overlays the two and reports
 * the RMS difference. Re-renders when the entry is edited (from any view) or another spectrum is chosen, through a
 * latest-wins pipeline. UI-thread confined.
 */
public final class CompareModel {

    private record Request(Mineral mineral, Spectrum spectrum) {
    }

    private record Result(Request request, double rms, int channels) {
    }

    private final WorkbenchSession session;
    private final LibraryDocument document;
    private final DocumentActions documents;
    private final ObservableList<Spectrum> spectra = FXCollections.observableArrayList();
    private final PlotModel plot;
    private final PlotModel.Series measured;
    private final PlotModel.Series model;
    private final PlotModel.Series residual;
    private final ReadOnlyDoubleWrapper rms = new ReadOnlyDoubleWrapper(this, "rms", Double.NaN);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final LatestWins<Request, Result> renders;
    private Request lastRequest;
    /** The request whose result may be drawn; a worker finishing a superseded one must not overwrite the plot. */
    private volatile Request wanted;
    /** While the comparison is not on screen it does not re-render; it catches up when shown. */
    private boolean active = true;
    private boolean stale;

    public CompareModel(WorkbenchSession session, TaskRunner tasks, DocumentActions documents) {
        this.session = session;
        this.document = session.document();
        this.documents = documents;
        plot = new PlotModel("comparison", "Library entry vs measured spectrum", "Wavenumber (cm\u207b\u00b9)",
                "Emissivity");
        measured = plot.addSeries("measured", "-fx-line-color: #222222; -fx-line-width: 1.2;");
        model = plot.addSeries("model", "-fx-line-color: #1f63b4; -fx-line-width: 1.6;");
        residual = plot.addSeries("residual (model \u2212 measured)", "-fx-line-color: #b03a2e; -fx-line-width: 1;");
        // One evaluator per axis, reused while the spectrum stays the same (edits re-render on the same channels).
        double[][] cachedAxis = {null};
        DispersionEvaluator[] cachedEvaluator = {null};
        renders = new LatestWins<>(tasks, "compare", (request, context) -> {
            Spectrum s = request.spectrum();
            double[] x = s.validAxis(WavenumberWindow.ALL);
            double[] y = s.validValues(WavenumberWindow.ALL);
            if (cachedAxis[0] == null || !Arrays.equals(cachedAxis[0], x)) {
                cachedAxis[0] = x;
                cachedEvaluator[0] = new DispersionEvaluator(x);
            }
            double[] rendered = new double[x.length];
            Quantity q = s.kind() == SpectrumKind.REFLECTANCE ? Quantity.REFLECTANCE : Quantity.EMISSIVITY;
            cachedEvaluator[0].evaluate(request.mineral(), q, rendered);
            double sum = 0;
            double[] diff = new double[x.length];
            for (int c = 0; c < x.length; c++) {
                diff[c] = rendered[c] - y[c];
                sum += diff[c] * diff[c];
            }
            if (request == wanted) {
                measured.set(x, y, x.length);
                model.set(x, rendered, x.length);
                residual.set(x, diff, x.length);
            }
            return new Result(request, x.length == 0 ? Double.NaN : Math.sqrt(sum / x.length), x.length);
        }, this::rendered, error -> summary.set("Cannot compare: " + error.getMessage()));

        session.spectraProperty().addListener((obs, old, now) -> {
            spectra.setAll(now == null ? List.of() : now.spectra());
        });
        if (session.spectraProperty().get() != null) {
            spectra.setAll(session.spectraProperty().get().spectra());
        }
        session.spectrumProperty().addListener(obs -> refresh());
        document.libraryProperty().addListener(obs -> refresh());
        document.currentProperty().addListener(obs -> refresh());
        refresh();
    }

    private void refresh() {
        if (!active) {
            stale = true;
            return;
        }
        Optional<Mineral> mineral = document.currentMineral();
        Spectrum spectrum = session.spectrumProperty().get();
        if (mineral.isEmpty() || spectrum == null || spectrum.validCount() == 0) {
            lastRequest = null;
            wanted = null;
            measured.clear();
            model.clear();
            residual.clear();
            rms.set(Double.NaN);
            summary.set(spectrum == null ? "Open a spectrum to compare the selected entry with."
                    : mineral.isEmpty() ? "Select a library entry." : "The spectrum has no valid channels.");
            if (spectrum != null && spectrum.validCount() > 0) {
                double[] x = spectrum.validAxis(WavenumberWindow.ALL);
                measured.set(x, spectrum.validValues(WavenumberWindow.ALL), x.length);
            }
            return;
        }
        Request request = new Request(mineral.get(), spectrum);
        if (lastRequest != null && lastRequest.mineral() == request.mineral()
                && lastRequest.spectrum() == request.spectrum()) {
            return; // another mineral of the library changed: nothing to redo here
        }
        lastRequest = request;
        wanted = request;
        renders.request(request);
    }

    private void rendered(Result result) {
        Request r = result.request();
        if (r != wanted) {
            return; // superseded; the newer request is already queued
        }
        measured.rename(r.spectrum().name());
        model.rename(r.mineral().name() + " (model)");
        boolean reflectance = r.spectrum().kind() == SpectrumKind.REFLECTANCE;
        plot.yLabelProperty().set(reflectance ? "Reflectance" : "Emissivity");
        rms.set(result.rms());
        summary.set(String.format(Locale.ROOT, "RMS %s over %d channels (%s vs %s)",
                Numbers.format(result.rms(), 3), result.channels(), r.mineral().name(), r.spectrum().name()));
    }

    /** Whether the comparison is on screen; while it is not, edits do not re-render it. */
    public void setActive(boolean value) {
        active = value;
        if (active && stale) {
            stale = false;
            refresh();
        }
    }

    /** Asks for a spectrum file and opens it (reading in the background). */
    public void openSpectra() {
        documents.openSpectra();
    }

    /** The spectra of the open file. */
    public ObservableList<Spectrum> spectra() {
        return spectra;
    }

    /** The measured spectrum compared with (shared with the other views). */
    public ObjectProperty<Spectrum> spectrumProperty() {
        return session.spectrumProperty();
    }

    public PlotModel plot() {
        return plot;
    }

    /** RMS of model - measured over the spectrum's valid channels; NaN when there is nothing to compare. */
    public ReadOnlyDoubleProperty rmsProperty() {
        return rms.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
