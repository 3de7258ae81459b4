package dev.oscilla.ui.unmix;

import dev.oscilla.io.UnmixReports;
import dev.oscilla.learn.InverseRenderModel;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.pipeline.UnmixRequest;
import dev.oscilla.pipeline.UnmixerFactory;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.spectrum.UsableChannels;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.common.Numbers;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.TaskContext;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.common.TaskTracker;
import dev.oscilla.ui.mineral.ParameterNames;
import dev.oscilla.ui.session.WorkbenchSession;
import dev.oscilla.unmix.AbsSettings;
import dev.oscilla.unmix.AbundanceScorer;
import dev.oscilla.unmix.BatchUnmixer;
import dev.oscilla.unmix.FlexTolerances;
import dev.oscilla.unmix.SpectrumUnmixer;
import dev.oscilla.unmix.UnmixMethod;
import dev.oscilla.unmix.UnmixResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings (method, blackbody) and the run of the Unmix view: validates what a run needs, unmixes every spectrum
 * in the background (progress, Cancel; a cancelled run keeps the results before), scores the results against the
 * known abundances the file carries (spectra filed as invalid are unmixed but not scored), and holds the results
 * table with its summaries. UI-thread confined.
 */
final class UnmixRun {

    /** What one run needs, captured on the UI thread. */
    record Input(List<Spectrum> spectra, List<double[]> truth, List<String> truthColumns, UnmixMethod method,
                 UnmixViewModel.Source source, List<Mineral> minerals, SpectrumSet measured, WavenumberWindow window,
                 boolean blackbody, List<String> forced, InverseRenderModel network) {

        boolean usesNetwork() {
            return method == UnmixMethod.IR || method == UnmixMethod.IR_ABS;
        }
    }

    /** What a run produced. */
    private record Output(Input input, List<UnmixRow> rows, List<String> failures, AbundanceScorer.Summary summary,
                          List<String> unmapped, int unscored, double seconds) {
    }

    private final WorkbenchSession session;
    private final UnmixInputs inputs;
    private final EndmemberChoices choices;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final StatusLine status;
    private final ObjectProperty<UnmixMethod> method = new SimpleObjectProperty<>(this, "method", UnmixMethod.FCLS);
    private final BooleanProperty blackbody = new SimpleBooleanProperty(this, "blackbody", true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final TaskTracker task = new TaskTracker();
    private final BooleanBinding canRun;
    private final ObservableList<UnmixRow> results = FXCollections.observableArrayList();
    private final ObservableList<String> resultColumns = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper scored = new ReadOnlyBooleanWrapper(this, "scored");
    private final ReadOnlyStringWrapper scoreSummary = new ReadOnlyStringWrapper(this, "scoreSummary", "");
    private final ReadOnlyStringWrapper runSummary = new ReadOnlyStringWrapper(this, "runSummary", "");
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private Input last;

    UnmixRun(WorkbenchSession session, UnmixInputs inputs, EndmemberChoices choices, TaskRunner tasks,
             Dialogs dialogs, StatusLine status) {
        this.session = session;
        this.inputs = inputs;
        this.choices = choices;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.status = status;
        canRun = Bindings.createBooleanBinding(() -> !task.runningProperty().get() && problem.get().isEmpty(),
                task.runningProperty(), problem);
        inputs.window().frozenProperty().bind(task.runningProperty());
        for (javafx.beans.Observable o : List.of(inputs.mixturesProperty(), inputs.sourceProperty(),
                inputs.measuredLibraryProperty(), method, inputs.window().windowProperty(), inputs.loadingProperty(),
                blackbody, session.networkProperty())) {
            o.addListener(obs -> validate());
        }
        inputs.mixturesProperty().addListener(obs -> clear());
        validate();
    }

    void validate() {
        problem.set(problemText());
    }

    private String problemText() {
        if (inputs.loadingProperty().get()) {
            return "Reading\u2026";
        }
        SpectrumSet set = inputs.mixturesProperty().get();
        if (set == null || set.size() == 0) {
            return "Open spectra to unmix (a file, drop it here, or a recent file).";
        }
        String unmodelled = unmodelled(set);
        if (unmodelled != null) {
            return unmodelled;
        }
        UnmixViewModel.Source source = inputs.sourceProperty().get();
        if (source == UnmixViewModel.Source.MEASURED && inputs.measuredLibraryProperty().get() == null) {
            return "Open a measured spectral library, or use the open library's minerals.";
        }
        if (source == UnmixViewModel.Source.MEASURED && unmodelled(inputs.measuredLibraryProperty().get()) != null) {
            return "The measured library: " + unmodelled(inputs.measuredLibraryProperty().get());
        }
        if (method.get() == UnmixMethod.ABS && source == UnmixViewModel.Source.MEASURED) {
            return "Analysis-by-synthesis flexes oscillator models: use the open library's minerals as endmembers.";
        }
        if (method.get() == UnmixMethod.IR || method.get() == UnmixMethod.IR_ABS) {
            if (session.networkProperty().get() == null) {
                return "No network: train one in the Network view, or open a model file there.";
            }
            if (source == UnmixViewModel.Source.MEASURED) {
                return "The network renders the library it was trained for: use the open library's minerals.";
            }
        }
        int used = choices.used().size();
        if (used == 0) {
            return "Choose at least one endmember.";
        }
        if (used == choices.forced().size() && !blackbody.get()) {
            return "Every endmember is forced: leave at least one under the constraints.";
        }
        int channels = inputs.window().usableChannels(set.get(0));
        if (channels <= used + 1) {
            return "The window holds " + channels + " channels: too few for " + used + " endmembers.";
        }
        return "";
    }

    /** Why a set cannot be unmixed for its quantity (transmittance, absorbance ...), or null when it can. */
    private static String unmodelled(SpectrumSet set) {
        for (dev.oscilla.spectrum.Spectrum s : set.spectra()) {
            if (!s.kind().isModelled()) {
                return "'" + s.name() + "' is " + s.kind().label() + ": unmixing models emissivity and reflectance"
                        + " only.";
            }
        }
        return null;
    }

    /** Unmixes every open spectrum with the chosen settings, in the background. */
    void run() {
        if (!canRun.get()) {
            return;
        }
        Input input = input();
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

    void cancel() {
        if (task.cancel()) {
            status.post("Cancelling\u2026");
        }
    }

    private Input input() {
        SpectrumSet set = inputs.mixturesProperty().get();
        List<String> used = choices.used();
        List<Mineral> minerals = new ArrayList<>();
        SpectrumSet measured = null;
        if (inputs.sourceProperty().get() == UnmixViewModel.Source.LIBRARY) {
            for (String name : used) {
                session.document().library().find(name).ifPresent(minerals::add);
            }
        } else {
            SpectrumSet lib = inputs.measuredLibraryProperty().get();
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
                truth.add(set.scorableAbundances(i).orElse(null));
            }
        }
        return new Input(List.copyOf(set.spectra()), truth, set.hasAbundances() ? set.abundanceColumns() : null,
                method.get(), inputs.sourceProperty().get(), List.copyOf(minerals), measured,
                inputs.window().window(), blackbody.get(), choices.forced(), session.networkProperty().get());
    }

    /** Worker thread: every spectrum, grouped by axis (each axis gets its own endmember matrix or engine). */
    private static Output compute(Input in, TaskContext context) {
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
                batch.add(usableOnly(in.spectra().get(i)));
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
        Set<String> unmapped = new LinkedHashSet<>();
        int unscored = 0;
        for (int i = 0; i < results.length; i++) {
            UnmixResult r = results[i];
            if (r == null) {
                continue;
            }
            double[] truth = in.truth() == null ? null : in.truth().get(i);
            AbundanceScorer.Score score = null;
            List<GroupRow> groups;
            if (scorer != null && truth != null) {
                score = scorer.score(r, truth);
                scores.add(score);
                unmapped.addAll(scorer.unmapped(r));
                groups = scoredGroups(in.truthColumns(), score.predictedGroups(), truth);
            } else {
                if (scorer != null) {
                    unscored++;
                }
                groups = new ArrayList<>();
                for (Map.Entry<String, Double> g : r.groupSums().entrySet()) {
                    groups.add(new GroupRow(g.getKey(), g.getValue(), Double.NaN));
                }
            }
            double[] known = null;
            if (score != null) {
                known = new double[r.size()];
                for (int j = 0; j < r.size(); j++) {
                    int column = exactColumn(in.truthColumns(), r.endmembers().get(j));
                    known[j] = column < 0 || r.isBlackbody(j) ? Double.NaN : truth[column];
                }
            }
            boolean flexes = in.method() == UnmixMethod.ABS || in.method() == UnmixMethod.IR_ABS;
            rows.add(new UnmixRow(r, score, known, groups, flexes ? shifts(r, byName) : List.of()));
        }
        AbundanceScorer.Summary summary = scores.isEmpty() ? null : AbundanceScorer.Summary.of(scores);
        return new Output(in, List.copyOf(rows), List.copyOf(failures), summary, List.copyOf(unmapped), unscored,
                (System.nanoTime() - t0) * 1e-9);
    }

    /** The known-abundance column named exactly like an endmember (the bars show it beside the estimate), or -1. */
    private static int exactColumn(List<String> columns, String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).trim().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The groups as the score sees them (the known-abundance columns, with the estimate summed into each as the scorer
     * maps endmembers to columns): the groups either side has, so every known value is shown beside its estimate.
     */
    private static List<GroupRow> scoredGroups(List<String> columns, double[] predicted, double[] truth) {
        List<GroupRow> out = new ArrayList<>();
        for (int g = 0; g < columns.size(); g++) {
            if (predicted[g] > 0 || truth[g] > 0) {
                out.add(new GroupRow(columns.get(g).trim(), predicted[g], truth[g]));
            }
        }
        return out;
    }

    /** Unusable channels (impossible values: instrument noise) are masked, so no method ever sees them. */
    private static Spectrum usableOnly(Spectrum s) {
        boolean[] keep = new boolean[s.size()];
        boolean all = true;
        for (int c = 0; c < keep.length; c++) {
            keep[c] = !UsableChannels.isImplausible(s, c);
            all &= keep[c];
        }
        return all ? s : s.withMask(keep);
    }

    private static Supplier<SpectrumUnmixer> factory(Input in, double[] axis) {
        boolean measured = !in.usesNetwork() && in.method() != UnmixMethod.ABS
                && in.source() != UnmixViewModel.Source.LIBRARY;
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
            out.addAll(mine.subList(0, Math.min(UnmixViewModel.SHIFTS_PER_MINERAL, mine.size())));
        }
        return out;
    }

    private void finished(Output out) {
        last = out.input();
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
                    + "reads its own axis " + network.window() + " cm\u207b\u00b9"
                    + (out.input().method() == UnmixMethod.IR_ABS ? ", analysis-by-synthesis the window" : ""));
        }
        notes.addAll(out.failures().stream().map(f -> "could not unmix " + f).toList());
        if (!choices.groupWarningProperty().get().isEmpty()) {
            notes.add(choices.groupWarningProperty().get());
        }
        if (!out.unmapped().isEmpty()) {
            notes.add("not scored (no known-abundance column of that name or group): "
                    + String.join(", ", out.unmapped()));
        }
        if (out.unscored() > 0) {
            notes.add(out.unscored() + " spectr" + (out.unscored() == 1 ? "um is" : "a are") + " filed as "
                    + SpectrumSet.UNSCORED_CATEGORY + " (minerals the library lacks): unmixed, not scored");
        }
        AbundanceScorer.Summary s = out.summary();
        scored.set(s != null);
        String unmappedNote = out.unmapped().isEmpty() ? "" : String.format(Locale.ROOT, " (%d endmember%s not "
                + "scored, no column of their name or group: %s)", out.unmapped().size(),
                out.unmapped().size() == 1 ? "" : "s", abbreviated(out.unmapped()));
        scoreSummary.set(s == null ? "" : String.format(Locale.ROOT, "vs known abundances, mean of %d%s: squared "
                + "error %s \u00b7 L1 %s \u00b7 precision %s \u00b7 recall %s", s.n(), unmappedNote,
                Numbers.format(s.squaredError(), 3), Numbers.format(s.errorL1(), 3), Numbers.format(s.precision(), 3),
                Numbers.format(s.recall(), 3)));
        double meanRms = out.rows().stream().mapToDouble(UnmixRow::rms).average().orElse(Double.NaN);
        runSummary.set(String.format(Locale.ROOT, "%s: %d spectr%s, %d endmembers%s, window %s cm\u207b\u00b9, mean "
                + "RMS %s%s, %s s", out.input().method().label().toUpperCase(Locale.ROOT), out.rows().size(),
                out.rows().size() == 1 ? "um" : "a", columns.size(), out.input().blackbody() ? " + blackbody" : "",
                out.input().window(), Numbers.format(meanRms, 3),
                out.failures().isEmpty() ? "" : ", " + out.failures().size() + " failed",
                Numbers.format(out.seconds(), 2)));
        status.post(runSummary.get());
    }

    private static String abbreviated(List<String> names) {
        return names.size() <= 4 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 4)) + " and " + (names.size() - 4) + " more";
    }

    /** Old results go when the spectra change. */
    void clear() {
        results.clear();
        resultColumns.clear();
        scored.set(false);
        scoreSummary.set("");
        runSummary.set("");
        notes.clear();
        last = null;
    }

    /** Writes the results table as CSV (one row per spectrum: RMS, blackbody, abundances, errors, group sums). */
    void exportCsv() {
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

    /** The input of the last finished run (the detail view renders contributions from it), or null. */
    Input last() {
        return last;
    }

    ObjectProperty<UnmixMethod> methodProperty() {
        return method;
    }

    BooleanProperty blackbodyProperty() {
        return blackbody;
    }

    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    BooleanBinding canRunBinding() {
        return canRun;
    }

    TaskTracker task() {
        return task;
    }

    ObservableList<UnmixRow> results() {
        return results;
    }

    ObservableList<String> resultColumns() {
        return resultColumns;
    }

    ReadOnlyBooleanProperty scoredProperty() {
        return scored.getReadOnlyProperty();
    }

    ReadOnlyStringProperty scoreSummaryProperty() {
        return scoreSummary.getReadOnlyProperty();
    }

    ReadOnlyStringProperty runSummaryProperty() {
        return runSummary.getReadOnlyProperty();
    }

    ObservableList<String> notes() {
        return notes;
    }
}
