package dev.oscilla.ui.unmix;

import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.io.UnmixReports;
import dev.oscilla.pipeline.UnmixRequest;
import dev.oscilla.pipeline.UnmixerFactory;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.learn.InverseRenderModel;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Blackbody;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.ui.common.BarPlotModel;
import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.common.LatestWins;
import dev.oscilla.ui.common.NumberField;
import dev.oscilla.ui.common.Numbers;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.TaskContext;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.common.TaskTracker;
import dev.oscilla.ui.mineral.ParameterNames;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.ui.session.BundledSamples;
import dev.oscilla.ui.session.DocumentActions;
import dev.oscilla.ui.session.LibraryDocument;
import dev.oscilla.ui.session.RecentFiles;
import dev.oscilla.ui.session.WorkbenchSession;
import dev.oscilla.unmix.AbsSettings;
import dev.oscilla.unmix.AbundanceScorer;
import dev.oscilla.unmix.BatchUnmixer;
import dev.oscilla.unmix.FlexTolerances;
import dev.oscilla.unmix.SpectrumUnmixer;
import dev.oscilla.unmix.UnmixMethod;
import dev.oscilla.unmix.UnmixResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * View-model of the Unmix view: mixed spectra (one file's worth, e.g. the bundled mixtures with known abundances),
 * the endmembers (the open library's oscillator models, rendered, or a measured spectral library file), the method
 * (FCLS, NNLS, LS, analysis-by-synthesis), blackbody, window and forced endmembers. A run unmixes every spectrum in
 * the background (progress, Cancel) and fills the results table; the selected result is shown as abundance bars
 * with error bars (and the known abundances beside them), group sums, measured vs reconstructed spectra with each
 * endmember's contribution x_i A_i, and for analysis-by-synthesis how far each mineral flexed. UI-thread confined.
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
    private static final String[] COLOURS = {"#1f63b4", "#2e8b3a", "#8e44ad", "#d35400", "#16a085", "#c0392b",
        "#7f8c8d", "#b7950b", "#2c3e50", "#e84393"};

    /** What one run needs, captured on the UI thread. */
    private record RunInput(List<Spectrum> spectra, List<double[]> truth, List<String> truthColumns,
                            UnmixMethod method, Source source, List<Mineral> minerals, SpectrumSet measured,
                            WavenumberWindow window, boolean blackbody, List<String> forced,
                            InverseRenderModel network) {

        boolean usesNetwork() {
            return method == UnmixMethod.IR || method == UnmixMethod.IR_ABS;
        }
    }

    /** What a run produced. */
    private record RunOutput(RunInput input, List<UnmixRow> rows, List<String> failures,
                             AbundanceScorer.Summary summary, List<String> unmapped, double seconds) {
    }

    private record ContributionRequest(UnmixRow row, Source source, Map<String, Mineral> minerals,
                                       SpectrumSet measured) {
    }

    private record Contributions(ContributionRequest request, List<String> names, List<double[]> values) {
    }

    private final WorkbenchSession session;
    private final LibraryDocument document;
    private final DocumentActions documents;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final StatusLine status;

    // inputs
    private final ReadOnlyObjectWrapper<SpectrumSet> mixtures = new ReadOnlyObjectWrapper<>(this, "mixtures");
    private final ReadOnlyStringWrapper mixturesSource = new ReadOnlyStringWrapper(this, "mixturesSource", "");
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.LIBRARY);
    private final ReadOnlyObjectWrapper<SpectrumSet> measuredLibrary = new ReadOnlyObjectWrapper<>(this,
            "measuredLibrary");
    private final ReadOnlyStringWrapper measuredSource = new ReadOnlyStringWrapper(this, "measuredSource", "");
    private final ObservableList<EndmemberChoice> endmembers = FXCollections.observableArrayList();
    private final ObjectProperty<UnmixMethod> method = new SimpleObjectProperty<>(this, "method", UnmixMethod.FCLS);
    private final BooleanProperty blackbody = new SimpleBooleanProperty(this, "blackbody", true);
    private final DoubleProperty windowLow = new SimpleDoubleProperty(this, "windowLow", 0);
    private final DoubleProperty windowHigh = new SimpleDoubleProperty(this, "windowHigh", 1);
    private final ReadOnlyDoubleWrapper rangeMin = new ReadOnlyDoubleWrapper(this, "rangeMin", 0);
    private final ReadOnlyDoubleWrapper rangeMax = new ReadOnlyDoubleWrapper(this, "rangeMax", 1);
    private final NumberField windowLowField;
    private final NumberField windowHighField;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    // the run
    private final TaskTracker task = new TaskTracker();
    private final BooleanBinding canRun;

    // results
    private final ObservableList<UnmixRow> results = FXCollections.observableArrayList();
    private final ObservableList<String> resultColumns = FXCollections.observableArrayList();
    private final ObjectProperty<UnmixRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper scored = new ReadOnlyBooleanWrapper(this, "scored");
    private final ReadOnlyStringWrapper scoreSummary = new ReadOnlyStringWrapper(this, "scoreSummary", "");
    private final ReadOnlyStringWrapper runSummary = new ReadOnlyStringWrapper(this, "runSummary", "");
    private final ReadOnlyStringWrapper selectedSummary = new ReadOnlyStringWrapper(this, "selectedSummary", "");
    private final ObservableList<GroupRow> groups = FXCollections.observableArrayList();
    private final ObservableList<ShiftRow> shifts = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final BarPlotModel abundancePlot;
    private final BarPlotModel.Series estimated;
    private final BarPlotModel.Series knownBars;
    private final PlotModel spectraPlot;
    private final PlotModel.Series measuredSeries;
    private final PlotModel.Series modelledSeries;
    private final List<PlotModel.Series> contributionSeries = new ArrayList<>();
    private final LatestWins<ContributionRequest, Contributions> contributions;
    private volatile ContributionRequest wantedContributions;
    private RunInput lastRun;

    public UnmixViewModel(WorkbenchContext context) {
        this.session = context.session();
        this.document = session.document();
        this.documents = context.documents();
        this.tasks = context.tasks();
        this.dialogs = context.dialogs();
        this.status = context.status();

        abundancePlot = new BarPlotModel("abundances", "Abundances (\u00b1 1\u03c3)", "Endmember", "Abundance");
        estimated = abundancePlot.addSeries("estimated", "-fx-marker-color: #3a78c2; -fx-stroke: #16375f; "
                + "-fx-line-color: #3a78c2;", true);
        knownBars = abundancePlot.addSeries("known", "-fx-marker-color: #c8c8c8; -fx-stroke: #8a8a8a; "
                + "-fx-line-color: #a8a8a8;", false);
        knownBars.shownProperty().set(false);
        spectraPlot = new PlotModel("unmix-spectra", "Measured, reconstructed and contributions x\u1d62A\u1d62",
                "Wavenumber (cm\u207b\u00b9)", "Emissivity");
        spectraPlot.yMinProperty().set(0.0); // emissivities and their shares lie in [0, 1]
        spectraPlot.yMaxProperty().set(1.02);
        measuredSeries = spectraPlot.addSeries("measured", "-fx-line-color: #222222; -fx-line-width: 1.6;");
        modelledSeries = spectraPlot.addSeries("reconstructed", "-fx-line-color: #c0392b; -fx-line-width: 1.4; "
                + "-fx-line-dash-array: 7 4;");
        for (int i = 0; i < CONTRIBUTIONS; i++) {
            PlotModel.Series s = spectraPlot.addSeries("contribution " + (i + 1), "-fx-line-color: " + COLOURS[i]
                    + "; -fx-line-width: 1.1;");
            s.shownProperty().set(false);
            contributionSeries.add(s);
        }

        windowLowField = new NumberField("window start", v -> v < windowHigh.get() ? null
                : "must be below the window end", (v, key) -> setWindow(v, windowHigh.get()),
                NumberField.SliderScale.LINEAR, 0, 1e5);
        windowHighField = new NumberField("window end", v -> v > windowLow.get() ? null
                : "must be above the window start", (v, key) -> setWindow(windowLow.get(), v),
                NumberField.SliderScale.LINEAR, 0, 1e5);
        windowLow.addListener(obs -> showWindow());
        windowHigh.addListener(obs -> showWindow());

        contributions = new LatestWins<>(tasks, "unmix contributions", this::computeContributions,
                this::showContributions, error -> status.post("Cannot draw the contributions: " + error.getMessage()));

        canRun = Bindings.createBooleanBinding(() -> !task.runningProperty().get() && problem.get().isEmpty(),
                task.runningProperty(), problem);
        for (javafx.beans.Observable o : List.of(mixtures, source, measuredLibrary, method, windowLow, windowHigh,
                loading, blackbody, session.networkProperty())) {
            o.addListener(obs -> validate());
        }
        source.addListener(obs -> syncEndmembers());
        measuredLibrary.addListener(obs -> syncEndmembers());
        document.libraryProperty().addListener(obs -> syncEndmembers());
        selected.addListener((obs, was, now) -> showSelected());
        syncEndmembers();
        showWindow();
        validate();
        Path samples = session.samplesDirProperty().get();
        if (samples != null && Files.isRegularFile(samples.resolve(BundledSamples.MIXTURES_TAB))) {
            openMixtures(samples.resolve(BundledSamples.MIXTURES_TAB), false);
        }
    }

    // ------------------------------------------------------------------ inputs

    /** Asks for a file of mixed spectra and opens it. */
    public void openMixtures() {
        dialogs.chooseFileToOpen("Open spectra to unmix", DocumentActions.SPECTRUM_TYPES)
                .ifPresent(p -> openMixtures(p, true));
    }

    /** Reads {@code file} in the background; its spectra become the ones to unmix. */
    public void openMixtures(Path file) {
        openMixtures(file, true);
    }

    private void openMixtures(Path file, boolean remember) {
        loading.set(true);
        tasks.submit("read spectra to unmix", () -> SpectrumFiles.read(file), set -> {
            loading.set(false);
            setMixtures(set, file);
            if (remember) { // the user's file, not the bundled preselection
                recent().add(file);
                status.post("Opened " + set.size() + " spectr" + (set.size() == 1 ? "um" : "a") + " to unmix from "
                        + file.getFileName() + (set.hasAbundances() ? " (with known abundances)" : ""));
            }
        }, error -> {
            loading.set(false);
            if (!Files.exists(file)) {
                recent().remove(file);
            }
            dialogs.showError("Open spectra to unmix", Dialogs.describe(error));
        });
    }

    /** Makes {@code set} the spectra to unmix (the window is reset to their axis; old results go). */
    public void setMixtures(SpectrumSet set, Path file) {
        mixtures.set(set);
        mixturesSource.set(file == null || file.getFileName() == null ? "" : file.getFileName().toString());
        if (set != null && set.size() > 0) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Spectrum s : set.spectra()) {
                if (s.validCount() > 0) {
                    double[] x = s.validAxis(WavenumberWindow.ALL);
                    lo = Math.min(lo, x[0]);
                    hi = Math.max(hi, x[x.length - 1]);
                }
            }
            if (hi > lo) {
                rangeMin.set(lo);
                rangeMax.set(hi);
                windowLow.set(lo);
                windowHigh.set(hi);
            }
        }
        clearResults();
        showWindow();
        validate();
    }

    /** Asks for a measured spectral library (spectra of pure minerals, with groups) and uses it as endmembers. */
    public void openMeasuredLibrary() {
        dialogs.chooseFileToOpen("Open a measured spectral library", DocumentActions.SPECTRUM_TYPES)
                .ifPresent(this::openMeasuredLibrary);
    }

    public void openMeasuredLibrary(Path file) {
        loading.set(true);
        tasks.submit("read measured library", () -> SpectrumFiles.read(file), set -> {
            loading.set(false);
            measuredLibrary.set(set);
            measuredSource.set(file.getFileName().toString());
            source.set(Source.MEASURED);
            recent().add(file);
            status.post("Using " + set.size() + " measured spectra from " + file.getFileName() + " as endmembers");
        }, error -> {
            loading.set(false);
            dialogs.showError("Open a measured spectral library", Dialogs.describe(error));
        });
    }

    private RecentFiles recent() {
        return documents.recentSpectra();
    }

    /** The endmember list follows the source; choices made for a name are kept. */
    private void syncEndmembers() {
        Map<String, EndmemberChoice> old = new HashMap<>();
        for (EndmemberChoice c : endmembers) {
            old.put(c.name(), c);
        }
        List<EndmemberChoice> list = new ArrayList<>();
        if (source.get() == Source.LIBRARY) {
            for (Mineral m : document.library().minerals()) {
                if (!m.isBlackbody()) {
                    list.add(keep(old, m.name(), m.category()));
                }
            }
        } else if (measuredLibrary.get() != null) {
            SpectrumSet set = measuredLibrary.get();
            for (int i = 0; i < set.size(); i++) {
                String category = i < set.categories().size() ? set.categories().get(i) : "";
                if (!Blackbody.isNamed(set.get(i).name(), category)) {
                    list.add(keep(old, set.get(i).name(), category));
                }
            }
        }
        boolean same = list.size() == endmembers.size();
        for (int i = 0; same && i < list.size(); i++) {
            same = list.get(i) == endmembers.get(i);
        }
        if (!same) {
            endmembers.setAll(list);
        }
        validate();
    }

    private EndmemberChoice keep(Map<String, EndmemberChoice> old, String name, String group) {
        EndmemberChoice c = old.get(name);
        if (c != null && c.group().equals(group)) {
            return c;
        }
        EndmemberChoice fresh = new EndmemberChoice(name, group == null ? "" : group);
        if (c != null) {
            fresh.usedProperty().set(c.usedProperty().get());
            fresh.forcedProperty().set(c.forcedProperty().get());
        }
        fresh.usedProperty().addListener(obs -> validate());
        fresh.forcedProperty().addListener(obs -> validate());
        return fresh;
    }

    /** Sets the window (cm^-1), clamped to the spectra's range. */
    public void setWindow(double low, double high) {
        double lo = Math.max(rangeMin.get(), Math.min(low, high));
        double hi = Math.min(rangeMax.get(), Math.max(low, high));
        if (hi > lo) {
            windowLow.set(lo);
            windowHigh.set(hi);
        }
        showWindow();
    }

    public void resetWindow() {
        setWindow(rangeMin.get(), rangeMax.get());
    }

    private void showWindow() {
        windowLowField.show(windowLow.get());
        windowHighField.show(windowHigh.get());
        windowLowField.revalidate(); // each end's validity depends on the other
        windowHighField.revalidate();
    }

    private void validate() {
        problem.set(problemText());
    }

    private String problemText() {
        if (loading.get()) {
            return "Reading\u2026";
        }
        SpectrumSet set = mixtures.get();
        if (set == null || set.size() == 0) {
            return "Open spectra to unmix (a file, drop it here, or a recent file).";
        }
        if (source.get() == Source.MEASURED && measuredLibrary.get() == null) {
            return "Open a measured spectral library, or use the open library's minerals.";
        }
        if (method.get() == UnmixMethod.ABS && source.get() == Source.MEASURED) {
            return "Analysis-by-synthesis flexes oscillator models: use the open library's minerals as endmembers.";
        }
        if (method.get() == UnmixMethod.IR || method.get() == UnmixMethod.IR_ABS) {
            if (session.networkProperty().get() == null) {
                return "No network: train one in the Network view, or open a model file there.";
            }
            if (source.get() == Source.MEASURED) {
                return "The network renders the library it was trained for: use the open library's minerals.";
            }
        }
        long used = endmembers.stream().filter(c -> c.usedProperty().get()).count();
        if (used == 0) {
            return "Choose at least one endmember.";
        }
        long constrained = endmembers.stream().filter(c -> c.usedProperty().get() && !c.forcedProperty().get())
                .count();
        if (constrained == 0 && !blackbody.get()) {
            return "Every endmember is forced: leave at least one under the constraints.";
        }
        int channels = 0;
        Spectrum first = set.get(0);
        WavenumberWindow w = window();
        for (int c = 0; c < first.size(); c++) {
            if (first.isValid(c) && w.contains(first.wavenumber(c))) {
                channels++;
            }
        }
        if (channels <= used + 1) {
            return "The window holds " + channels + " channels: too few for " + used + " endmembers.";
        }
        return "";
    }

    private WavenumberWindow window() {
        return new WavenumberWindow(Math.min(windowLow.get(), windowHigh.get()),
                Math.max(windowLow.get(), windowHigh.get()));
    }

    // ------------------------------------------------------------------ running

    /** Unmixes every open spectrum with the chosen settings, in the background. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        RunInput input = input();
        status.post("Unmixing " + input.spectra().size() + " spectr" + (input.spectra().size() == 1 ? "um" : "a")
                + " (" + input.method().label() + ")\u2026");
        task.track(tasks.submit("unmix", context -> compute(input, context), this::finished, error -> {
            status.post("Unmixing failed: " + Dialogs.describe(error));
            dialogs.showError("Unmix", Dialogs.describe(error));
        }), cancelled -> {
            if (cancelled) {
                status.post("Unmixing cancelled; the results shown are from before.");
            }
        });
    }

    public void cancel() {
        if (task.cancel()) {
            status.post("Cancelling\u2026");
        }
    }

    private RunInput input() {
        SpectrumSet set = mixtures.get();
        List<String> forced = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (EndmemberChoice c : endmembers) {
            if (c.usedProperty().get()) {
                used.add(c.name());
                if (c.forcedProperty().get()) {
                    forced.add(c.name());
                }
            }
        }
        List<Mineral> minerals = new ArrayList<>();
        SpectrumSet measured = null;
        if (source.get() == Source.LIBRARY) {
            for (String name : used) {
                document.library().find(name).ifPresent(minerals::add);
            }
        } else {
            SpectrumSet lib = measuredLibrary.get();
            List<Spectrum> spectra = new ArrayList<>();
            List<String> categories = new ArrayList<>();
            for (int i = 0; i < lib.size(); i++) {
                if (used.contains(lib.get(i).name())) {
                    spectra.add(lib.get(i));
                    categories.add(i < lib.categories().size() ? lib.categories().get(i) : "");
                }
            }
            measured = new SpectrumSet(spectra, categories, List.of(), List.of());
        }
        List<double[]> truth = null;
        if (set.hasAbundances()) {
            truth = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                truth.add(set.abundances(i).orElse(null));
            }
        }
        return new RunInput(List.copyOf(set.spectra()), truth, set.hasAbundances() ? set.abundanceColumns() : null,
                method.get(), source.get(), List.copyOf(minerals), measured, window(), blackbody.get(),
                List.copyOf(forced), session.networkProperty().get());
    }

    /** Worker thread: every spectrum, grouped by axis (each axis gets its own endmember matrix or engine). */
    private static RunOutput compute(RunInput in, TaskContext context) {
        long t0 = System.nanoTime();
        Map<String, List<Integer>> byAxis = new LinkedHashMap<>();
        for (int i = 0; i < in.spectra().size(); i++) {
            double[] a = in.spectra().get(i).axis();
            byAxis.computeIfAbsent(a.length + ":" + Arrays.hashCode(a), k -> new ArrayList<>()).add(i);
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        UnmixResult[] results = new UnmixResult[in.spectra().size()];
        List<String> failures = new ArrayList<>();
        int done = 0;
        int total = in.spectra().size();
        for (List<Integer> group : byAxis.values()) {
            context.checkCancelled();
            List<Spectrum> batch = new ArrayList<>();
            for (int i : group) {
                batch.add(in.spectra().get(i));
            }
            Supplier<SpectrumUnmixer> factory = factory(in, batch.get(0).axis());
            int base = done;
            List<BatchUnmixer.Outcome> outcomes = BatchUnmixer.run(batch, factory, threads,
                    (f, msg) -> context.progress((base + f * batch.size()) / total,
                            (base + Math.round(f * batch.size())) + " of " + total + " spectra"),
                    context.cancelToken().forCore());
            for (int k = 0; k < group.size(); k++) {
                BatchUnmixer.Outcome o = outcomes.get(k);
                if (o.ok()) {
                    // the plots read the spectra on the UI thread: build them here, off it
                    results[group.get(k)] = o.result().withSpectraBuilt();
                } else {
                    failures.add(o.spectrum().name() + ": " + o.error());
                }
            }
            done += batch.size();
        }
        AbundanceScorer scorer = in.truthColumns() == null ? null : new AbundanceScorer(in.truthColumns());
        Map<String, Mineral> byName = new HashMap<>();
        for (Mineral m : in.usesNetwork() ? in.network().library().minerals() : in.minerals()) {
            byName.put(m.name(), m);
        }
        List<UnmixRow> rows = new ArrayList<>();
        List<AbundanceScorer.Score> scores = new ArrayList<>();
        List<String> unmapped = List.of();
        for (int i = 0; i < results.length; i++) {
            UnmixResult r = results[i];
            if (r == null) {
                continue;
            }
            double[] truth = in.truth() == null ? null : in.truth().get(i);
            AbundanceScorer.Score score = null;
            double[] known = null;
            if (scorer != null && truth != null) {
                score = scorer.score(r, truth);
                scores.add(score);
                unmapped = scorer.unmapped(r);
                known = new double[r.size()];
                for (int j = 0; j < r.size(); j++) {
                    int column = exactColumn(in.truthColumns(), r.endmembers().get(j));
                    known[j] = column < 0 || r.isBlackbody(j) ? Double.NaN : truth[column];
                }
            }
            boolean flexes = in.method() == UnmixMethod.ABS || in.method() == UnmixMethod.IR_ABS;
            rows.add(new UnmixRow(r, score, known, flexes ? shifts(r, byName) : List.of()));
        }
        AbundanceScorer.Summary summary = scores.isEmpty() || scores.size() != rows.size() ? null
                : AbundanceScorer.Summary.of(scores);
        return new RunOutput(in, List.copyOf(rows), List.copyOf(failures), summary, unmapped,
                (System.nanoTime() - t0) * 1e-9);
    }

    private static int exactColumn(List<String> columns, String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).trim().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        return -1;
    }

    private static Supplier<SpectrumUnmixer> factory(RunInput in, double[] axis) {
        boolean measured = !in.usesNetwork() && in.method() != UnmixMethod.ABS && in.source() != Source.LIBRARY;
        UnmixRequest request = new UnmixRequest(in.method(), measured ? in.measured() : null,
                measured ? null : in.minerals(), in.network(), in.window(), in.blackbody(), in.forced());
        return UnmixerFactory.prepare(request, axis).factory();
    }

    /**
     * The largest moves of each flexed mineral in the model (abundance above zero), in % of the half-width of its
     * flex box (the box analysis-by-synthesis allows around the library value).
     */
    static List<ShiftRow> shifts(UnmixResult r, Map<String, Mineral> library) {
        FlexTolerances tolerances = AbsSettings.defaults(WavenumberWindow.ALL).tolerances();
        List<ShiftRow> out = new ArrayList<>();
        for (int j = 0; j < r.size(); j++) {
            Mineral lib = library.get(r.endmembers().get(j));
            if (r.isBlackbody(j) || lib == null || j >= r.flexedMinerals().size() || !(r.abundance(j) > 0)) {
                continue;
            }
            Mineral flexed = r.flexedMinerals().get(j);
            if (!flexed.layout().equals(lib.layout())) {
                continue;
            }
            ParameterBounds box = tolerances.boxFor(lib);
            double[] p0 = lib.parameters();
            double[] p1 = flexed.parameters();
            List<ShiftRow> mine = new ArrayList<>();
            for (int i = 0; i < p0.length; i++) {
                double half = (box.upper(i) - box.lower(i)) / 2;
                if (half > 0 && p1[i] != p0[i]) {
                    mine.add(new ShiftRow(lib.name(), ParameterNames.describe(lib.layout(), i), p0[i], p1[i],
                            100 * (p1[i] - p0[i]) / half));
                }
            }
            mine.sort(Comparator.comparingDouble((ShiftRow s) -> -Math.abs(s.percentOfBox())));
            out.addAll(mine.subList(0, Math.min(SHIFTS_PER_MINERAL, mine.size())));
        }
        return out;
    }

    private void finished(RunOutput out) {
        lastRun = out.input();
        List<String> columns = new ArrayList<>();
        if (!out.rows().isEmpty()) {
            UnmixResult first = out.rows().get(0).result();
            for (int j = 0; j < first.size(); j++) {
                if (!first.isBlackbody(j)) {
                    columns.add(first.endmembers().get(j));
                }
            }
        }
        resultColumns.setAll(columns);
        results.setAll(out.rows());
        notes.setAll(out.rows().isEmpty() ? List.of() : out.rows().get(0).result().notes());
        if (out.input().usesNetwork()) {
            InverseRenderModel network = out.input().network();
            notes.add(0, "endmembers: the " + network.endmembers().size() + " minerals of the network's library '"
                    + network.library().name() + "' (the endmember choices apply to the other methods); the network "
                    + "reads its own axis " + network.window() + " cm⁻¹"
                    + (out.input().method() == UnmixMethod.IR_ABS ? ", analysis-by-synthesis the window" : ""));
        }
        notes.addAll(out.failures().stream().map(f -> "could not unmix " + f).toList());
        if (!out.unmapped().isEmpty()) {
            notes.add("not scored (no known-abundance column of that name or group): "
                    + String.join(", ", out.unmapped()));
        }
        AbundanceScorer.Summary s = out.summary();
        scored.set(s != null);
        scoreSummary.set(s == null ? "" : String.format(Locale.ROOT, "vs known abundances, mean of %d: squared "
                + "error %s \u00b7 L1 %s \u00b7 precision %s \u00b7 recall %s", s.n(),
                Numbers.format(s.squaredError(), 3), Numbers.format(s.errorL1(), 3), Numbers.format(s.precision(), 3),
                Numbers.format(s.recall(), 3)));
        double meanRms = out.rows().stream().mapToDouble(UnmixRow::rms).average().orElse(Double.NaN);
        runSummary.set(String.format(Locale.ROOT, "%s: %d spectr%s, %d endmembers%s, window %s cm\u207b\u00b9, mean "
                + "RMS %s%s, %s s", out.input().method().label().toUpperCase(Locale.ROOT), out.rows().size(),
                out.rows().size() == 1 ? "um" : "a", columns.size(), out.input().blackbody() ? " + blackbody" : "",
                out.input().window(), Numbers.format(meanRms, 3),
                out.failures().isEmpty() ? "" : ", " + out.failures().size() + " failed",
                Numbers.format(out.seconds(), 2)));
        selected.set(null);
        selected.set(results.isEmpty() ? null : results.get(0));
        status.post(runSummary.get());
    }

    private void clearResults() {
        results.clear();
        resultColumns.clear();
        selected.set(null);
        scored.set(false);
        scoreSummary.set("");
        runSummary.set("");
        notes.clear();
        lastRun = null;
    }

    // ------------------------------------------------------------------ the selected result

    private void showSelected() {
        UnmixRow row = selected.get();
        groups.clear();
        shifts.clear();
        if (row == null) {
            abundancePlot.categories().clear();
            estimated.clear();
            knownBars.clear();
            knownBars.shownProperty().set(false);
            measuredSeries.clear();
            modelledSeries.clear();
            for (PlotModel.Series s : contributionSeries) {
                s.clear();
                s.shownProperty().set(false);
            }
            selectedSummary.set("");
            wantedContributions = null;
            return;
        }
        UnmixResult r = row.result();
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        List<Double> known = new ArrayList<>();
        for (int j = 0; j < r.size(); j++) {
            if (r.isBlackbody(j)) {
                continue;
            }
            names.add(r.isForced(j) ? r.endmembers().get(j) + " (forced)" : r.endmembers().get(j));
            values.add(row.abundance(j));
            errors.add(row.error(j));
            known.add(row.known() == null ? Double.NaN : row.known()[j]);
        }
        abundancePlot.categories().setAll(names);
        estimated.set(unbox(values), unbox(errors));
        boolean hasKnown = known.stream().anyMatch(v -> !Double.isNaN(v));
        knownBars.set(unbox(known), new double[known.size()]);
        knownBars.shownProperty().set(hasKnown);
        double top = 1.0;
        double bottom = 0.0;
        for (int i = 0; i < values.size(); i++) {
            top = Math.max(top, values.get(i) + errors.get(i));
            bottom = Math.min(bottom, values.get(i) - errors.get(i));
        }
        abundancePlot.yMinProperty().set(bottom < 0 ? bottom * 1.1 : 0);
        abundancePlot.yMaxProperty().set(top * 1.05);

        Map<String, Double> knownGroups = knownGroupSums(row);
        for (Map.Entry<String, Double> g : r.groupSums().entrySet()) {
            groups.add(new GroupRow(g.getKey(), g.getValue(), knownGroups.getOrDefault(g.getKey(), Double.NaN)));
        }
        shifts.setAll(row.shifts());
        selectedSummary.set(String.format(Locale.ROOT, "%s: RMS %s, blackbody %s, %d iteration%s (%s)%s",
                r.spectrumName(), Numbers.format(r.rms(), 3), Numbers.format(r.blackbodyFraction(), 3), r.iterations(),
                r.iterations() == 1 ? "" : "s", r.stopReason(), row.score() == null ? ""
                : String.format(Locale.ROOT, "; vs known: squared error %s, L1 %s, precision %s, recall %s",
                Numbers.format(row.squaredError(), 3), Numbers.format(row.errorL1(), 3),
                Numbers.format(row.precision(), 3), Numbers.format(row.recall(), 3))));

        double[] axis = r.axis();
        measuredSeries.set(axis, r.measured(), axis.length);
        measuredSeries.rename(r.spectrumName());
        modelledSeries.set(axis, r.modelled(), axis.length);
        RunInput in = lastRun;
        Map<String, Mineral> minerals = new HashMap<>();
        if (in != null) {
            for (Mineral m : in.minerals()) {
                minerals.put(m.name(), m);
            }
        }
        ContributionRequest request = new ContributionRequest(row, in == null ? source.get() : in.source(), minerals,
                in == null ? null : in.measured());
        wantedContributions = request;
        contributions.request(request);
    }

    /** Known abundance per group: the known columns named like an endmember, summed over its group. */
    private static Map<String, Double> knownGroupSums(UnmixRow row) {
        Map<String, Double> out = new HashMap<>();
        if (row.known() == null) {
            return out;
        }
        UnmixResult r = row.result();
        for (int j = 0; j < r.size(); j++) {
            if (r.isBlackbody(j) || r.isForced(j) || Double.isNaN(row.known()[j])) {
                continue;
            }
            String key = (r.categories().get(j).isBlank() ? r.endmembers().get(j) : r.categories().get(j))
                    .toLowerCase(Locale.ROOT);
            out.merge(key, row.known()[j], Double::sum);
        }
        return out;
    }

    /** Worker thread: x_j A_j of every endmember on the result's channels (flexed minerals for ABS). */
    private Contributions computeContributions(ContributionRequest request, TaskContext context) {
        UnmixResult r = request.row().result();
        double[] axis = r.axis();
        DispersionEvaluator evaluator = request.source() == Source.LIBRARY ? new DispersionEvaluator(axis) : null;
        List<double[]> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> sizes = new ArrayList<>();
        for (int j = 0; j < r.size(); j++) {
            double x = r.abundance(j);
            if (x == 0) {
                continue;
            }
            double[] column = new double[axis.length];
            if (r.isBlackbody(j)) {
                Arrays.fill(column, 1.0);
            } else if (request.source() == Source.LIBRARY) {
                Mineral m = j < r.flexedMinerals().size() ? r.flexedMinerals().get(j)
                        : request.minerals().get(r.endmembers().get(j));
                if (m == null) {
                    continue;
                }
                evaluator.evaluate(m, Quantity.EMISSIVITY, column);
            } else {
                Optional<Spectrum> s = request.measured() == null ? Optional.empty()
                        : request.measured().find(r.endmembers().get(j));
                if (s.isEmpty()) {
                    continue;
                }
                column = s.get().resample(axis).values();
            }
            double total = 0;
            for (int c = 0; c < column.length; c++) {
                column[c] *= x;
                total += Math.abs(column[c]);
            }
            columns.add(column);
            names.add(r.endmembers().get(j));
            sizes.add(total);
        }
        // the largest contributions when there are more than the plot has lines for
        Integer[] order = new Integer[columns.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(sizes.get(b), sizes.get(a)));
        List<String> keptNames = new ArrayList<>();
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < Math.min(CONTRIBUTIONS, order.length); i++) {
            keptNames.add(names.get(order[i]));
            kept.add(columns.get(order[i]));
        }
        if (request == wantedContributions) {
            for (int i = 0; i < CONTRIBUTIONS; i++) {
                if (i < kept.size()) {
                    contributionSeries.get(i).set(axis, kept.get(i), axis.length);
                } else {
                    contributionSeries.get(i).clear();
                }
            }
        }
        return new Contributions(request, keptNames, kept);
    }

    private void showContributions(Contributions c) {
        if (c.request() != wantedContributions) {
            return;
        }
        for (int i = 0; i < CONTRIBUTIONS; i++) {
            PlotModel.Series s = contributionSeries.get(i);
            boolean shown = i < c.names().size();
            if (shown) {
                UnmixResult r = c.request().row().result();
                int j = r.endmembers().indexOf(c.names().get(i));
                s.rename(c.names().get(i) + " \u00d7 " + Numbers.format(r.abundance(j), 3));
            }
            s.shownProperty().set(shown);
        }
    }

    private static double[] unbox(List<Double> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    // ------------------------------------------------------------------ export

    /** Writes the results table as CSV (one row per spectrum: RMS, blackbody, abundances, errors, group sums). */
    public void exportCsv() {
        List<UnmixResult> list = results.stream().map(UnmixRow::result).toList();
        if (list.isEmpty()) {
            return;
        }
        dialogs.chooseFileToSave("Export unmixing results", "unmixing-results.csv",
                List.of(new Dialogs.FileType("CSV table", "*.csv"))).ifPresent(path -> {
                    Path target = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? path
                            : path.resolveSibling(path.getFileName() + ".csv");
                    tasks.submit("export unmixing results", () -> {
                        UnmixReports.writeCsv(target, list);
                        return target;
                    }, done -> status.post("Saved " + list.size() + " results to " + done.getFileName()),
                            error -> dialogs.showError("Export unmixing results", Dialogs.describe(error)));
                });
    }


    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<SpectrumSet> mixturesProperty() {
        return mixtures.getReadOnlyProperty();
    }

    /** The file the spectra to unmix come from. */
    public ReadOnlyStringProperty mixturesSourceProperty() {
        return mixturesSource.getReadOnlyProperty();
    }

    public ObservableList<Path> recentFiles() {
        return recent().files();
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public ReadOnlyObjectProperty<SpectrumSet> measuredLibraryProperty() {
        return measuredLibrary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty measuredSourceProperty() {
        return measuredSource.getReadOnlyProperty();
    }

    /** The candidate endmembers of the source (blackbodies excluded: the blackbody option adds one). */
    public ObservableList<EndmemberChoice> endmembers() {
        return endmembers;
    }

    public ObjectProperty<UnmixMethod> methodProperty() {
        return method;
    }

    /** Add a blackbody endmember (E = 1); its fraction is reported and the rest renormalised. */
    public BooleanProperty blackbodyProperty() {
        return blackbody;
    }

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

    /** Why a run is not possible now; empty when it is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canRunBinding() {
        return canRun;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return task.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return task.progressProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return task.messageProperty();
    }

    /** One row per spectrum of the last run. */
    public ObservableList<UnmixRow> results() {
        return results;
    }

    /** The endmembers of the last run (blackbody excluded), the table's abundance columns. */
    public ObservableList<String> resultColumns() {
        return resultColumns;
    }

    /** The result shown in detail. */
    public ObjectProperty<UnmixRow> selectedProperty() {
        return selected;
    }

    /** True when the last run was scored against known abundances. */
    public ReadOnlyBooleanProperty scoredProperty() {
        return scored.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scoreSummaryProperty() {
        return scoreSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runSummaryProperty() {
        return runSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedSummaryProperty() {
        return selectedSummary.getReadOnlyProperty();
    }

    /** Group sums of the selected result. */
    public ObservableList<GroupRow> groups() {
        return groups;
    }

    /** Largest parameter shifts of the flexed minerals of the selected result (analysis-by-synthesis). */
    public ObservableList<ShiftRow> shifts() {
        return shifts;
    }

    /** What the unmixer noted (channels dropped, blackbody added, failures). */
    public ObservableList<String> notes() {
        return notes;
    }

    public BarPlotModel abundancePlot() {
        return abundancePlot;
    }

    public PlotModel spectraPlot() {
        return spectraPlot;
    }
}
