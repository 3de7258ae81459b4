package dev.oscilla.ui.fit;

import dev.oscilla.fit.DispersionFitter;
import dev.oscilla.fit.FitResult;
import dev.oscilla.fit.FitSettings;
import dev.oscilla.fit.LeastSquaresResult;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.ParameterLayout;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.common.LatestWins;
import dev.oscilla.ui.common.NumberField;
import dev.oscilla.ui.common.Numbers;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.common.TaskTracker;
import dev.oscilla.ui.mineral.MineralEdits;
import dev.oscilla.ui.mineral.ParameterKnobs;
import dev.oscilla.ui.mineral.ParameterNames;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.ui.session.DocumentActions;
import dev.oscilla.ui.session.LibraryDocument;
import dev.oscilla.ui.session.WorkbenchSession;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * View-model of the Fit view: a measured spectrum (the session's, shared with the Library comparison), the fit
 * settings (window, emissivity or reflectance, modes, oscillator cap, iterations), and the fitted model, which is an
 * entry of the open library (the "target"): an auto-fit from scratch creates or replaces it, a re-fit starts from
 * it honouring the user's locks and its bounds, and every knob edits it. So every fit and every edit is one step of
 * the document's undo history, and saving the library saves the model.
 *
 * <p>Fits run through the {@link TaskRunner} with progress and Cancel; while one runs, the fitter's intermediate
 * models are drawn live ({@link FitPreview}); a cancelled fit leaves the document untouched. The plots of the model
 * as it stands (measured, model, residual, RMS in the window) are rendered off the UI thread, latest wins.
 * UI-thread confined.
 */
public final class FitViewModel {

    /** The choices of the modes setting: 0 = automatic (1 or 2 by BIC), or exactly 1, 2, 3. */
    public static final List<Integer> MODE_CHOICES = List.of(0, 1, 2, 3);
    /** Fits kept for showing standard errors when undo or redo returns to a fitted model. */
    static final int FITS_KEPT = 50;
    static final int DEFAULT_MAX_ITERATIONS = FitSettings.defaults().maxIterations();

    private record RenderRequest(Mineral model, Spectrum spectrum, double low, double high, Quantity quantity) {
    }

    private record RenderResult(RenderRequest request, double rms, int channels) {
    }

    private record FitRecord(Mineral model, FitOutcome outcome) {
    }

    private final WorkbenchSession session;
    private final LibraryDocument document;
    private final DocumentActions documents;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final StatusLine status;

    // spectrum and settings
    private final ObservableList<Spectrum> spectra = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper readerNotes = new ReadOnlyStringWrapper(this, "readerNotes", "");
    private final ReadOnlyStringWrapper spectraSource = new ReadOnlyStringWrapper(this, "spectraSource", "");
    private final ReadOnlyDoubleWrapper rangeMin = new ReadOnlyDoubleWrapper(this, "rangeMin", 0);
    private final ReadOnlyDoubleWrapper rangeMax = new ReadOnlyDoubleWrapper(this, "rangeMax", 1);
    private final DoubleProperty windowLow = new SimpleDoubleProperty(this, "windowLow", 0);
    private final DoubleProperty windowHigh = new SimpleDoubleProperty(this, "windowHigh", 1);
    private final NumberField windowLowField;
    private final NumberField windowHighField;
    private final ReadOnlyIntegerWrapper windowChannels = new ReadOnlyIntegerWrapper(this, "windowChannels");
    private final ObjectProperty<Quantity> quantity = new SimpleObjectProperty<>(this, "quantity", Quantity.EMISSIVITY);
    private final ObjectProperty<Integer> modes = new SimpleObjectProperty<>(this, "modes", 0);
    private final IntegerProperty maxOscillators = new SimpleIntegerProperty(this, "maxOscillators", 0);
    private final IntegerProperty maxIterations = new SimpleIntegerProperty(this, "maxIterations",
            DEFAULT_MAX_ITERATIONS);
    private final IntegerProperty starts = new SimpleIntegerProperty(this, "starts", 1);

    // the model
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper(this, "target");
    private final ReadOnlyBooleanWrapper hasModel = new ReadOnlyBooleanWrapper(this, "hasModel");
    private final ReadOnlyStringWrapper targetInfo = new ReadOnlyStringWrapper(this, "targetInfo", "");
    private final ObservableList<String> modelChoices = FXCollections.observableArrayList();
    private final ObservableList<ParameterRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> correlationWarnings = FXCollections.observableArrayList();
    private final ObservableList<String> fitNotes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper fitInfo = new ReadOnlyStringWrapper(this, "fitInfo", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyDoubleWrapper rms = new ReadOnlyDoubleWrapper(this, "rms", Double.NaN);
    private boolean[] locks = new boolean[0];
    private Mineral presented;
    private boolean pendingTarget = true;
    private final Deque<FitRecord> fits = new ArrayDeque<>();

    // the running fit
    private final TaskTracker task = new TaskTracker();
    private final ReadOnlyBooleanProperty running = task.runningProperty();
    private final BooleanBinding canAutoFit;
    private final BooleanBinding canRefine;
    private final BooleanBinding canSave;

    // plots
    private final PlotModel spectrumPlot;
    private final PlotModel residualPlot;
    private final PlotModel.Series measuredSeries;
    private final PlotModel.Series modelSeries;
    private final PlotModel.Series residualSeries;
    private final LatestWins<RenderRequest, RenderResult> renders;
    private volatile RenderRequest wanted;
    private RenderRequest lastRequest;
    private boolean active = true;
    private boolean stale;

    public FitViewModel(WorkbenchContext context) {
        this.session = context.session();
        this.document = session.document();
        this.documents = context.documents();
        this.tasks = context.tasks();
        this.dialogs = context.dialogs();
        this.status = context.status();

        spectrumPlot = new PlotModel("fit-spectrum", "Measured and model", "Wavenumber (cm\u207b\u00b9)", "Emissivity");
        measuredSeries = spectrumPlot.addSeries("measured", "-fx-line-color: #222222; -fx-line-width: 1.2;");
        modelSeries = spectrumPlot.addSeries("model", "-fx-line-color: #c0392b; -fx-line-width: 1.6;");
        residualPlot = new PlotModel("fit-residual", "Residual (measured \u2212 model)", "Wavenumber (cm\u207b\u00b9)",
                "Residual");
        residualSeries = residualPlot.addSeries("residual", "-fx-line-color: #1f63b4; -fx-line-width: 1;");
        for (PlotModel p : List.of(spectrumPlot, residualPlot)) {
            p.setXRangeListener((lo, hi, finished) -> setWindow(lo, hi));
        }

        windowLowField = new NumberField("window start", v -> v >= rangeMin.get() - 1e-9 && v < windowHigh.get()
                ? null : "must lie in the spectrum (" + Numbers.format(rangeMin.get(), 6) + " cm\u207b\u00b9 or more) "
                + "and below the window end", (v, key) -> setWindow(v, windowHigh.get()),
                NumberField.SliderScale.LINEAR, 0, 1e5);
        windowHighField = new NumberField("window end", v -> v <= rangeMax.get() + 1e-9 && v > windowLow.get()
                ? null : "must lie in the spectrum (" + Numbers.format(rangeMax.get(), 6) + " cm\u207b\u00b9 or less) "
                + "and above the window start", (v, key) -> setWindow(windowLow.get(), v),
                NumberField.SliderScale.LINEAR, 0, 1e5);

        renders = new LatestWins<>(tasks, "render fit plots", this::render, this::rendered,
                error -> summary.set("Cannot draw the model: " + error.getMessage()));

        canAutoFit = Bindings.createBooleanBinding(() -> !running.get() && session.spectrumProperty().get() != null
                && windowChannels.get() >= DispersionFitter.MIN_CHANNELS, running, session.spectrumProperty(),
                windowChannels);
        canRefine = canAutoFit.and(hasModel);
        canSave = Bindings.createBooleanBinding(() -> !running.get() && hasModel.get(), running, hasModel);

        windowLow.addListener(obs -> windowChanged());
        windowHigh.addListener(obs -> windowChanged());
        quantity.addListener((obs, was, now) -> {
            spectrumPlot.yLabelProperty().set(now == Quantity.REFLECTANCE ? "Reflectance" : "Emissivity");
            requestRender();
        });
        session.spectraProperty().addListener((obs, was, now) -> spectraChanged());
        session.spectraFileProperty().addListener(obs -> spectraChanged());
        session.spectrumProperty().addListener((obs, was, now) -> spectrumChanged());
        document.libraryProperty().addListener(obs -> libraryChanged());
        spectraChanged();
        spectrumChanged();
        libraryChanged();
    }

    // ------------------------------------------------------------------ spectrum and window

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
            double[] x = s.validAxis(WavenumberWindow.ALL);
            rangeMin.set(x[0]);
            rangeMax.set(x[x.length - 1]);
            quantity.set(s.kind() == SpectrumKind.REFLECTANCE ? Quantity.REFLECTANCE : Quantity.EMISSIVITY);
            windowLow.set(x[0]);
            windowHigh.set(x[x.length - 1]);
            measuredSeries.rename(s.name());
            for (ParameterRow row : rows) {
                if (row.kind() == ParameterKind.OMEGA0) {
                    row.value().setSliderRange(x[0], x[x.length - 1]);
                }
            }
        }
        if (pendingTarget) {
            target.set(proposedTargetName());
        }
        windowChanged();
        updateTargetInfo();
    }

    private void windowChanged() {
        windowLowField.show(windowLow.get());
        windowHighField.show(windowHigh.get());
        windowLowField.revalidate(); // each end's validity depends on the other
        windowHighField.revalidate();
        Spectrum s = session.spectrumProperty().get();
        int n = 0;
        if (s != null) {
            WavenumberWindow w = window();
            for (int c = 0; c < s.size(); c++) {
                if (s.isValid(c) && s.value(c) != 0.0 && w.contains(s.wavenumber(c))) {
                    n++;
                }
            }
        }
        windowChannels.set(n);
        for (PlotModel p : List.of(spectrumPlot, residualPlot)) {
            p.bandLowProperty().set(windowLow.get());
            p.bandHighProperty().set(windowHigh.get());
            p.bandLabelProperty().set("fit window");
        }
        if (presented != null) {
            showValues(presented); // the default bounds follow the window
        }
        requestRender();
    }

    /** Sets the fit window (cm^-1), clamped to the spectrum; ignored while a fit runs. */
    public void setWindow(double low, double high) {
        if (running.get()) {
            return;
        }
        double lo = Math.max(rangeMin.get(), Math.min(low, high));
        double hi = Math.min(rangeMax.get(), Math.max(low, high));
        if (!(hi > lo)) {
            windowChanged(); // re-present what is set
            return;
        }
        windowLow.set(lo);
        windowHigh.set(hi);
    }

    /** The whole spectrum. */
    public void resetWindow() {
        setWindow(rangeMin.get(), rangeMax.get());
    }

    private WavenumberWindow window() {
        return new WavenumberWindow(Math.min(windowLow.get(), windowHigh.get()),
                Math.max(windowLow.get(), windowHigh.get()));
    }

    /** Asks for a spectrum file and opens it (in the background); it becomes the spectrum to fit. */
    public void openSpectra() {
        documents.openSpectra();
    }

    /** Opens {@code file} (a recent file, a dropped file). */
    public void openSpectra(Path file) {
        documents.openSpectra(file);
    }

    // ------------------------------------------------------------------ the model (target)

    private String proposedTargetName() {
        Spectrum s = session.spectrumProperty().get();
        return document.uniqueName((s == null ? "Fitted mineral" : s.name()) + " fit");
    }

    /** Makes the library entry {@code name} the model: the knobs edit it, a re-fit starts from it. */
    public void chooseModel(String name) {
        Optional<Mineral> m = document.library().find(name);
        if (m.isEmpty() || running.get() || m.get().name().equals(target.get())) {
            return;
        }
        pendingTarget = false;
        target.set(m.get().name());
        presented = null; // new rows, locks cleared
        present();
    }

    /** Starts a new model: the next auto-fit creates a library entry named after the spectrum. */
    public void newModel() {
        if (running.get()) {
            return;
        }
        pendingTarget = true;
        target.set(proposedTargetName());
        presented = null;
        present();
    }

    private Optional<Mineral> targetMineral() {
        String name = target.get();
        return name == null ? Optional.empty() : document.library().find(name);
    }

    private void libraryChanged() {
        List<String> names = new ArrayList<>();
        for (Mineral m : document.library().minerals()) {
            if (!m.isBlackbody()) {
                names.add(m.name());
            }
        }
        if (!names.equals(modelChoices)) {
            modelChoices.setAll(names);
        }
        if (pendingTarget && targetMineral().isPresent()) {
            // the name proposed for a new model was taken meanwhile (another view added an entry of that name)
            target.set(proposedTargetName());
        }
        present();
    }

    private void present() {
        Optional<Mineral> current = targetMineral();
        if (current.isPresent() && current.get().isBlackbody()) {
            current = Optional.empty();
        }
        if (current.isEmpty()) {
            presented = null;
            rows.clear();
            locks = new boolean[0];
            hasModel.set(false);
            correlationWarnings.clear();
            fitNotes.clear();
            fitInfo.set("");
        } else {
            Mineral m = current.get();
            if (presented == null || !presented.layout().equals(m.layout())) {
                rebuildRows(m);
            }
            presented = m;
            hasModel.set(true);
            showValues(m);
        }
        updateTargetInfo();
        requestRender();
    }

    private void updateTargetInfo() {
        Optional<Mineral> m = targetMineral();
        if (m.isEmpty()) {
            targetInfo.set("New model \u201c" + target.get() + "\u201d: the auto-fit adds it to the library.");
        } else {
            int modeCount = m.get().modes().size();
            targetInfo.set(m.get().oscillatorCount() + " band" + (m.get().oscillatorCount() == 1 ? "" : "s") + " in "
                    + modeCount + " mode" + (modeCount == 1 ? "" : "s") + (m.get().category().isBlank() ? ""
                    : ", group " + m.get().category()));
        }
    }

    private void rebuildRows(Mineral m) {
        ParameterLayout layout = m.layout();
        locks = new boolean[layout.size()];
        List<ParameterRow> list = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            list.add(row(layout, i));
        }
        rows.setAll(list);
    }

    private ParameterRow row(ParameterLayout layout, int i) {
        ParameterKind kind = layout.kindOf(i);
        int mode = layout.modeOf(i);
        int osc = layout.oscillatorOf(i);
        String group = "";
        if (kind == ParameterKind.EPS_INF) {
            group = "Mode " + (mode + 1);
        } else if (kind == ParameterKind.OMEGA0) {
            group = "Band " + (osc + 1);
        }
        NumberField.Editor editor = (v, key) -> editParameter(i, v, key);
        NumberField value = kind == ParameterKind.WEIGHT
                ? ParameterKnobs.weight(v -> MineralEdits.weightProblem(presented, mode, v), editor)
                : ParameterKnobs.create(kind, editor);
        if (kind == ParameterKind.OMEGA0 && rangeMax.get() > rangeMin.get()) {
            value.setSliderRange(rangeMin.get(), rangeMax.get());
        }
        BoundField lower = new BoundField(v -> boundProblem(i, kind, v, true), v -> editBound(i, true, v));
        BoundField upper = new BoundField(v -> boundProblem(i, kind, v, false), v -> editBound(i, false, v));
        ParameterRow row = new ParameterRow(i, kind, mode, osc, group, ParameterNames.label(kind), value, lower,
                upper);
        row.lockedProperty().addListener((obs, was, now) -> {
            if (i < locks.length) {
                locks[i] = now;
            }
        });
        return row;
    }

    private void showValues(Mineral m) {
        double[] p = m.parameters();
        ParameterBounds stored = m.bounds();
        ParameterBounds fallback = defaultBounds(m.layout());
        FitOutcome outcome = outcomeFor(m);
        Set<Integer> correlated = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        if (outcome != null) {
            for (FitOutcome.Correlation c : outcome.correlations()) {
                correlated.add(c.first());
                correlated.add(c.second());
                warnings.add(ParameterNames.describe(m.layout(), c.first()) + " \u2194 "
                        + ParameterNames.describe(m.layout(), c.second()) + ": r = "
                        + String.format(Locale.ROOT, "%+.3f", c.r()));
            }
        }
        for (ParameterRow row : rows) {
            int i = row.index();
            row.value().show(p[i]);
            row.lower().show(stored == null ? Double.NaN : stored.lower(i), fallback.lower(i));
            row.upper().show(stored == null ? Double.NaN : stored.upper(i), fallback.upper(i));
            row.setError(outcome == null ? "" : errorText(outcome, i, p[i]));
            row.setCorrelated(correlated.contains(i));
        }
        if (!warnings.equals(correlationWarnings)) {
            correlationWarnings.setAll(warnings);
        }
        if (outcome != null) {
            FitResult r = outcome.result();
            LeastSquaresResult s = r.solve();
            fitInfo.set(String.format(Locale.ROOT, "%s of %s: %.1f s, %d iterations (%s); %d oscillators in %d mode%s",
                    outcome.refined() ? "Re-fit" : "Auto-fit", outcome.spectrumName(), r.seconds(), s.iterations(),
                    s.stopReason().description(), r.oscillators(), r.mineral().modes().size(),
                    r.mineral().modes().size() == 1 ? "" : "s"));
            fitNotes.setAll(r.notes());
        } else {
            fitInfo.set(fits.isEmpty() ? "" : "Changed since the last fit: re-fit for standard errors.");
            fitNotes.clear();
        }
    }

    private static String errorText(FitOutcome outcome, int i, double value) {
        ParameterBounds bounds = outcome.box();
        LeastSquaresResult s = outcome.result().solve();
        if (outcome.locked()[i]) {
            return "locked";
        }
        if (!s.isFree(i)) {
            boolean atBound = bounds != null && (value <= bounds.lower(i) || value >= bounds.upper(i));
            return atBound ? "at bound" : "fixed";
        }
        return "\u00b1 " + Numbers.format(s.standardError(i), 2);
    }

    /** The fit that produced exactly this model (same structure and values), or null. */
    private FitOutcome outcomeFor(Mineral m) {
        double[] p = m.parameters();
        for (FitRecord r : fits) {
            if (r.model().layout().equals(m.layout()) && Arrays.equals(r.model().parameters(), p)) {
                return r.outcome();
            }
        }
        return null;
    }

    /** The bounds a fit applies to a model without stored bounds, for the current window. */
    private ParameterBounds defaultBounds(ParameterLayout layout) {
        double lo = Math.max(rangeMin.get(), Math.min(windowLow.get(), windowHigh.get()));
        double hi = Math.min(rangeMax.get(), Math.max(windowLow.get(), windowHigh.get()));
        if (!(hi > lo) || !(lo > 0)) {
            lo = ParameterKnobs.OMEGA_SLIDER_MIN;
            hi = ParameterKnobs.OMEGA_SLIDER_MAX;
        }
        return DispersionFitter.defaultBounds(layout, lo, hi);
    }

    // ------------------------------------------------------------------ edits (each one undo step)

    private void editParameter(int index, double value, Object mergeKey) {
        Mineral m = presented;
        if (m == null || running.get()) {
            return;
        }
        document.editMineral(m.name(), x -> MineralEdits.withParameter(x, index, value),
                "change " + ParameterNames.describe(m.layout(), index) + " of " + m.name(), mergeKey);
    }

    private String boundProblem(int index, ParameterKind kind, double value, boolean lower) {
        String p = ParameterKnobs.problem(kind, value);
        if (p != null) {
            return p;
        }
        Mineral m = presented;
        if (m == null) {
            return null;
        }
        ParameterBounds b = m.bounds() != null ? m.bounds() : defaultBounds(m.layout());
        if (lower && value > b.upper(index)) {
            return "must not exceed the upper bound " + Numbers.format(b.upper(index), 6);
        }
        if (!lower && value < b.lower(index)) {
            return "must not be below the lower bound " + Numbers.format(b.lower(index), 6);
        }
        return null;
    }

    /** Sets one end of a parameter's bounds (empty: back to the fitter's default); one undo step. */
    private void editBound(int index, boolean lower, OptionalDouble value) {
        Mineral m = presented;
        if (m == null || running.get()) {
            return;
        }
        ParameterBounds fallback = defaultBounds(m.layout());
        ParameterBounds b = m.bounds() != null ? m.bounds() : fallback;
        double[] lo = b.lower();
        double[] hi = b.upper();
        if (lower) {
            lo[index] = value.orElse(fallback.lower(index));
        } else {
            hi[index] = value.orElse(fallback.upper(index));
        }
        if (lo[index] > hi[index]) {
            showValues(m); // the other end moved: the typed bound no longer fits
            return;
        }
        ParameterBounds nb = new ParameterBounds(lo, hi);
        document.editMineral(m.name(), x -> x.withBounds(nb), "change the " + (lower ? "lower" : "upper")
                + " bound of " + ParameterNames.describe(m.layout(), index) + " of " + m.name(), null);
    }

    /** Locks or unlocks every parameter of one kind (e.g. hold all band positions while re-fitting widths). */
    public void lockAll(ParameterKind kind, boolean locked) {
        for (ParameterRow row : rows) {
            if (row.kind() == kind) {
                row.lockedProperty().set(locked);
            }
        }
    }

    /**
     * Gives the model its final name and mineral group in the open library (asks both); one undo step. File >
     * Save then writes the library, model included, to disk.
     */
    public void saveToLibrary() {
        Mineral m = presented;
        if (m == null || running.get()) {
            return;
        }
        Optional<String> name = dialogs.askText("Save to library", "Name of the fitted mineral in the library:",
                m.name());
        if (name.isEmpty()) {
            return;
        }
        String problem = document.renameProblem(m.name(), name.get());
        if (problem != null) {
            dialogs.showError("Save to library", problem);
            return;
        }
        Optional<String> group = dialogs.askText("Save to library", "Mineral group of " + name.get().trim()
                + " (e.g. feldspar, carbonate; used for group sums when unmixing):", m.category());
        if (group.isEmpty()) {
            return;
        }
        Mineral named = m.withName(name.get().trim()).withCategory(group.get().trim());
        if (!named.equals(m)) {
            document.replaceMineral(m.name(), named, "save fit as " + named.name());
        }
        pendingTarget = false;
        target.set(named.name());
        present();
        status.post("Saved " + named.name() + " in the library" + (named.category().isBlank() ? ""
                : " (group " + named.category() + ")") + "; File \u25b8 Save writes the library to disk.");
    }

    // ------------------------------------------------------------------ fitting

    /** Fits from scratch (seeded start, pruning, model selection); the result replaces or creates the model. */
    public void autoFit() {
        if (canAutoFit.get()) {
            startFit(false);
        }
    }

    /** Re-fits from the model as it stands, holding locked parameters and honouring its bounds. */
    public void refine() {
        if (canRefine.get()) {
            startFit(true);
        }
    }

    /** The settings the next fit uses. */
    public FitSettings settings() {
        return FitSettings.defaults().withWindow(window()).withQuantity(quantity.get()).withModes(modes.get())
                .withMaxOscillators(Math.max(0, maxOscillators.get()))
                .withMaxIterations(Math.max(1, maxIterations.get())).withStarts(Math.max(1, starts.get()));
    }

    private void startFit(boolean refined) {
        Spectrum spectrum = session.spectrumProperty().get();
        FitSettings settings = settings();
        boolean[] locked = refined ? locks.clone() : null;
        Mineral start = refined ? presented.withBounds(refitBounds(presented, locked)) : null;
        ParameterBounds storedBounds = refined ? presented.bounds() : null;
        String targetName = target.get();
        String spectrumName = spectrum.name();
        status.post((refined ? "Re-fitting " + targetName : "Fitting " + spectrumName) + "\u2026");
        task.track(tasks.submit(refined ? "re-fit " + targetName : "fit " + spectrumName, context -> {
            FitPreview preview = new FitPreview(spectrum, settings.window(), settings.quantity(), modelSeries,
                    residualSeries, context.cancelToken());
            DispersionFitter fitter = new DispersionFitter(settings).withObserver(preview::show);
            FitResult result = refined
                    ? fitter.refine(spectrum, start, locked, context.progressListener(), context.cancelToken().forCore())
                    : fitter.fit(spectrum, context.progressListener(), context.cancelToken().forCore());
            ParameterBounds box = refined ? start.bounds() : result.mineral().bounds();
            if (refined) {
                // the model keeps the bounds the user stored (or none), not the working box of this re-fit
                result = new FitResult(result.mineral().withBounds(storedBounds), result.solve(), result.axis(),
                        result.data(), result.fitted(), result.seconds(), result.notes());
            }
            return FitOutcome.of(refined, spectrumName, settings, result, locked, box);
        }, outcome -> fitted(outcome, targetName), this::fitFailed), this::ended);
    }

    /**
     * The box a re-fit works in: the model's stored bounds, where they are open (or none are stored) the fitter's
     * defaults for the window widened to take in the current value (so a band outside a narrow window keeps its
     * place instead of being moved to the box's edge); a locked parameter is boxed at its value, so it holds even
     * outside the box.
     */
    private ParameterBounds refitBounds(Mineral m, boolean[] locked) {
        double[] p = m.parameters();
        ParameterBounds fallback = defaultBounds(m.layout());
        double[] lo = m.bounds() != null ? m.bounds().lower() : fallback.lower();
        double[] hi = m.bounds() != null ? m.bounds().upper() : fallback.upper();
        for (int i = 0; i < p.length; i++) {
            // an open end (a band added in Explore to a bounded mineral has open bounds) gets the physical default,
            // so no parameter can leave its legal domain (omega0 > 0, S >= 0, ...)
            boolean openLow = m.bounds() == null || !Double.isFinite(lo[i]);
            boolean openHigh = m.bounds() == null || !Double.isFinite(hi[i]);
            if (openLow) {
                lo[i] = Math.min(fallback.lower(i), p[i]);
            }
            if (openHigh) {
                hi[i] = Math.max(fallback.upper(i), p[i]);
            }
            if (locked[i]) {
                lo[i] = p[i];
                hi[i] = p[i];
            }
        }
        return new ParameterBounds(lo, hi);
    }

    private void fitted(FitOutcome outcome, String targetName) {
        FitResult r = outcome.result();
        Optional<Mineral> existing = document.library().find(targetName);
        String how = String.format(Locale.ROOT, "%s by Oscilla to '%s'%s, %s, window %s: RMS %.5f, %d oscillators in "
                        + "%d mode(s)", outcome.refined() ? "re-fitted" : "Fitted", outcome.spectrumName(),
                spectraSource.get().isEmpty() ? "" : " (" + spectraSource.get() + ")",
                outcome.settings().quantity().label(), outcome.settings().window(), r.rms(), r.oscillators(),
                r.mineral().modes().size());
        String source = how;
        if (outcome.refined() && existing.isPresent()) {
            String old = existing.get().source();
            int cut = old.indexOf("; re-fitted by Oscilla");
            old = cut >= 0 ? old.substring(0, cut) : old;
            source = old.isBlank() || old.startsWith("Fitted by Oscilla") || old.startsWith("re-fitted by Oscilla")
                    ? how : old + "; " + how;
        }
        String name = existing.map(Mineral::name).orElse(targetName);
        Mineral fitted = r.mineral().withName(name).withCategory(existing.map(Mineral::category).orElse(""))
                .withSource(source);
        remember(fitted, outcome);
        pendingTarget = false;
        target.set(name);
        if (existing.isPresent()) {
            document.editMineral(name, m -> fitted, (outcome.refined() ? "re-fit " : "fit ") + name, null);
        } else {
            document.addMineral(fitted, "fit " + name);
        }
        present();
        status.post(String.format(Locale.ROOT, "%s %s: RMS %s, %d oscillators in %d mode%s, %.1f s",
                outcome.refined() ? "Re-fitted" : "Fitted", name, Numbers.format(r.rms(), 3), r.oscillators(),
                r.mineral().modes().size(), r.mineral().modes().size() == 1 ? "" : "s", r.seconds()));
    }

    private void remember(Mineral model, FitOutcome outcome) {
        fits.addFirst(new FitRecord(model, outcome));
        while (fits.size() > FITS_KEPT) {
            fits.removeLast();
        }
    }

    private void fitFailed(Throwable error) {
        String message = error instanceof IllegalArgumentException && error.getMessage() != null
                ? error.getMessage() : String.valueOf(error);
        status.post("The fit failed: " + message);
        dialogs.showError("Fit", message);
    }

    private void ended(boolean cancelled) {
        if (cancelled) {
            status.post("Fit cancelled: the model is unchanged.");
        }
        lastRequest = null; // the live preview drew over the plots: draw the model as it stands
        requestRender();
    }

    /** Stops the running fit; the model stays as it was before the fit. */
    public void cancel() {
        if (task.cancel()) {
            status.post("Cancelling the fit\u2026");
        }
    }

    // ------------------------------------------------------------------ rendering

    /** Whether the view is on screen; while it is not, changes do not re-render (they catch up when shown). */
    public void setActive(boolean value) {
        active = value;
        if (active && stale) {
            stale = false;
            requestRender();
        }
    }

    private void requestRender() {
        if (!active) {
            stale = true;
            return;
        }
        Spectrum s = session.spectrumProperty().get();
        if (s == null || s.validCount() == 0) {
            lastRequest = null;
            wanted = null;
            measuredSeries.clear();
            modelSeries.clear();
            residualSeries.clear();
            rms.set(Double.NaN);
            summary.set(s == null ? "Open a spectrum to fit (File \u25b8 Open spectra, drag a file here, or a recent "
                    + "file)." : "The spectrum has no valid channels.");
            return;
        }
        RenderRequest request = new RenderRequest(presented, s, windowLow.get(), windowHigh.get(), quantity.get());
        if (request.equals(lastRequest)) {
            return;
        }
        lastRequest = request;
        wanted = request;
        renders.request(request);
    }

    /** Worker thread: the plots of one state (measured, model and residual on every valid channel, RMS in the window). */
    private RenderResult render(RenderRequest request, dev.oscilla.ui.common.TaskContext context) {
        Spectrum s = request.spectrum();
        double[] x = s.validAxis(WavenumberWindow.ALL);
        double[] y = s.validValues(WavenumberWindow.ALL);
        double sum = 0;
        int n = 0;
        double[] model = null;
        double[] residual = null;
        if (request.model() != null) {
            model = new double[x.length];
            new DispersionEvaluator(x).evaluate(request.model(), request.quantity(), model);
            residual = new double[x.length];
            WavenumberWindow w = new WavenumberWindow(Math.min(request.low(), request.high()),
                    Math.max(request.low(), request.high()));
            for (int c = 0; c < x.length; c++) {
                residual[c] = y[c] - model[c];
                if (y[c] != 0.0 && w.contains(x[c])) {
                    sum += residual[c] * residual[c];
                    n++;
                }
            }
        }
        if (request == wanted) {
            measuredSeries.set(x, y, x.length);
            if (model == null) {
                modelSeries.clear();
                residualSeries.clear();
            } else {
                modelSeries.set(x, model, x.length);
                residualSeries.set(x, residual, x.length);
            }
        }
        return new RenderResult(request, n == 0 ? Double.NaN : Math.sqrt(sum / n), n);
    }

    private void rendered(RenderResult result) {
        RenderRequest r = result.request();
        if (r != wanted) {
            return;
        }
        measuredSeries.rename(r.spectrum().name());
        modelSeries.rename(r.model() == null ? "model" : r.model().name());
        rms.set(result.rms());
        if (r.model() == null) {
            summary.set(String.format(Locale.ROOT, "%s: %d channels in the window %s\u2013%s cm\u207b\u00b9. No model "
                    + "yet: run the auto-fit.", r.spectrum().name(), windowChannels.get(),
                    Numbers.format(Math.min(r.low(), r.high()), 5), Numbers.format(Math.max(r.low(), r.high()), 5)));
        } else {
            summary.set(String.format(Locale.ROOT, "RMS %s over %d channels (%s\u2013%s cm\u207b\u00b9), %s vs %s",
                    Numbers.format(result.rms(), 3), result.channels(), Numbers.format(Math.min(r.low(), r.high()), 5),
                    Numbers.format(Math.max(r.low(), r.high()), 5), r.model().name(), r.spectrum().name()));
        }
    }

    // ------------------------------------------------------------------ properties

    /** The spectra of the open file (pick one when the file holds several). */
    public ObservableList<Spectrum> spectra() {
        return spectra;
    }

    /** The spectrum to fit (the session's, shared with the Library view's comparison). */
    public ObjectProperty<Spectrum> spectrumProperty() {
        return session.spectrumProperty();
    }

    /** What the reader detected or converted while reading the open file, one note per line. */
    public ReadOnlyStringProperty readerNotesProperty() {
        return readerNotes.getReadOnlyProperty();
    }

    /** The open file's name. */
    public ReadOnlyStringProperty spectraSourceProperty() {
        return spectraSource.getReadOnlyProperty();
    }

    /** Spectrum files opened lately, newest first. */
    public ObservableList<Path> recentFiles() {
        return documents.recentSpectra().files();
    }

    /** Lowest valid wavenumber of the spectrum (the range slider's minimum). */
    public ReadOnlyDoubleProperty rangeMinProperty() {
        return rangeMin.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty rangeMaxProperty() {
        return rangeMax.getReadOnlyProperty();
    }

    /** Fit window start, cm^-1 (a range slider may bind to it; {@link #setWindow} clamps). */
    public DoubleProperty windowLowProperty() {
        return windowLow;
    }

    public DoubleProperty windowHighProperty() {
        return windowHigh;
    }

    public NumberField windowLowField() {
        return windowLowField;
    }

    public NumberField windowHighField() {
        return windowHighField;
    }

    /** Channels the fit would use (valid, non-zero, in the window). */
    public ReadOnlyIntegerProperty windowChannelsProperty() {
        return windowChannels.getReadOnlyProperty();
    }

    public ObjectProperty<Quantity> quantityProperty() {
        return quantity;
    }

    /** 0 for automatic (1 or 2 modes, chosen by BIC), else 1-3. */
    public ObjectProperty<Integer> modesProperty() {
        return modes;
    }

    /** At most this many oscillators in an auto-fit (0: as many as the data support). */
    public IntegerProperty maxOscillatorsProperty() {
        return maxOscillators;
    }

    /** Iteration limit of each solver phase. */
    public IntegerProperty maxIterationsProperty() {
        return maxIterations;
    }

    /**
     * Independent seeded starts of the auto-fit; the best by BIC is kept. The fitted model depends on the path the
     * pruning takes, so a second start often finds a better one (on the feely library, measured before the last
     * swap-move change, 2 starts lowered the median RMS from 0.00425 to 0.00419 and left no mineral worse than its
     * published model, at twice the time).
     */
    public IntegerProperty startsProperty() {
        return starts;
    }

    /** Name of the library entry that holds the model (it may not exist yet: the auto-fit creates it). */
    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** True when the model exists in the library. */
    public ReadOnlyBooleanProperty hasModelProperty() {
        return hasModel.getReadOnlyProperty();
    }

    /** One line about the model: its size, or that the auto-fit will create it. */
    public ReadOnlyStringProperty targetInfoProperty() {
        return targetInfo.getReadOnlyProperty();
    }

    /** Library entries that can be the model (every entry but blackbodies). */
    public ObservableList<String> modelChoices() {
        return modelChoices;
    }

    /** The model's parameters, in flat layout order. */
    public ObservableList<ParameterRow> rows() {
        return rows;
    }

    /** Strongly correlated parameter pairs of the last fit of the model shown, with names and r. */
    public ObservableList<String> correlationWarnings() {
        return correlationWarnings;
    }

    /** What the fitter did (seeds, pruning, model choice) in the fit of the model shown. */
    public ObservableList<String> fitNotes() {
        return fitNotes;
    }

    /** How the model shown was fitted (time, iterations, stop reason), or that it changed since. */
    public ReadOnlyStringProperty fitInfoProperty() {
        return fitInfo.getReadOnlyProperty();
    }

    /** RMS of the model in the window, and what is compared. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** RMS of measured - model over the window's channels; NaN without a model. */
    public ReadOnlyDoubleProperty rmsProperty() {
        return rms.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Progress of the running fit, 0..1 (negative while unknown). */
    public ReadOnlyDoubleProperty progressProperty() {
        return task.progressProperty();
    }

    /** The fitter's phase and live RMS ("1 mode(s), start 1: iteration 12, RMS 0.00311"). */
    public ReadOnlyStringProperty progressMessageProperty() {
        return task.messageProperty();
    }

    public BooleanBinding canAutoFitBinding() {
        return canAutoFit;
    }

    public BooleanBinding canRefineBinding() {
        return canRefine;
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public PlotModel spectrumPlot() {
        return spectrumPlot;
    }

    public PlotModel residualPlot() {
        return residualPlot;
    }

    /** The model as last presented (tests). */
    public Optional<Mineral> model() {
        return Optional.ofNullable(presented);
    }

    public LibraryDocument document() {
        return document;
    }

    /** The parameter locks as a re-fit would pass them (tests). */
    boolean[] locks() {
        return locks.clone();
    }

    @Override
    public String toString() {
        return "FitViewModel[target " + target.get() + (running.get() ? ", fitting" : "") + "]";
    }
}
