package dev.oscilla.ui.explore;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.Quantity;
import dev.oscilla.ui.common.CommandHistory;
import dev.oscilla.ui.common.LatestWins;
import dev.oscilla.ui.common.Numbers;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.mineral.MineralEdits;
import dev.oscilla.ui.session.LibraryDocument;
import dev.oscilla.ui.session.WorkbenchSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * View-model of the Explore / teach view: the current mineral of the document as editable rows (every knob a
 * slider plus an exact field), live plots of what the knobs do, and the selected band highlighted on them.
 *
 * <p>Every edit goes to the {@link LibraryDocument} as one undoable command (a slider drag merges into one);
 * the view-model then re-presents the document (so undo, redo and edits from other views look the same) and asks
 * for a render. Rendering runs off the UI thread through a {@link LatestWins} pipeline: while one render runs,
 * only the newest request waits, so dragging never queues up work. UI-thread confined.
 */
public final class ExploreViewModel {

    /** A mineral has 1 (isotropic), 2 (uniaxial) or 3 (biaxial) modes. */
    public static final int MAX_MODES = 3;
    /** Modes whose curves the n, k and eps plots have series for. */
    static final int PLOTTED_MODES = MAX_MODES;
    /** Line colours per mode (n and eps1 solid, k and eps2 dashed in the same colour). */
    private static final String[] MODE_COLOURS = {"#1f63b4", "#c0392b", "#2e8b3a"};
    /** The shaded band is omega0 +- max(width, this) so that a very sharp band still shows, cm^-1. */
    static final double MIN_BAND_HALF_WIDTH = 3.0;

    /**
     * Timing of one render, for the status line and the latency benchmark ({@link System#nanoTime()} stamps: the
     * edit asked for it, a worker started it, the chart data sets held the result).
     */
    public record RenderStats(String mineral, int oscillators, int channels, long requestedAtNanos,
                              long startedAtNanos, long computeNanos, long writtenAtNanos) {
        /** From the edit that asked for the render to the chart data being updated. */
        public long latencyNanos() {
            return writtenAtNanos - requestedAtNanos;
        }
    }

    private record RenderRequest(Mineral mineral, AxisRange axis, Quantity quantity, long requestedAtNanos,
                                 long generation) {
    }

    private record RenderResult(RenderRequest request, int modesDrawn, RenderStats stats) {
    }

    private final LibraryDocument document;
    private final StatusLine status;
    private final ObservableList<String> mineralNames = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasMineral = new ReadOnlyBooleanWrapper(this, "hasMineral");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ObservableList<ModeModel> modes = FXCollections.observableArrayList();
    private final ObjectProperty<OscillatorModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty showRho = new SimpleBooleanProperty(this, "showRho", false);
    private final ReadOnlyStringWrapper strengthHeader = new ReadOnlyStringWrapper(this, "strengthHeader");
    private final ObjectProperty<Quantity> spectrumQuantity =
            new SimpleObjectProperty<>(this, "spectrumQuantity", Quantity.EMISSIVITY);
    private final ReadOnlyObjectWrapper<AxisRange> axis = new ReadOnlyObjectWrapper<>(this, "axis", AxisRange.DEFAULT);
    private final StringProperty axisLowText = new SimpleStringProperty(this, "axisLowText");
    private final StringProperty axisHighText = new SimpleStringProperty(this, "axisHighText");
    private final StringProperty channelsText = new SimpleStringProperty(this, "channelsText");
    private final ReadOnlyStringWrapper axisProblem = new ReadOnlyStringWrapper(this, "axisProblem", "");
    private final BooleanBinding axisChanged;
    private final BooleanBinding canAddMode;
    private final BooleanBinding canEditSelected;
    private final ReadOnlyStringWrapper renderInfo = new ReadOnlyStringWrapper(this, "renderInfo", "");
    private final ReadOnlyObjectWrapper<RenderStats> lastRender = new ReadOnlyObjectWrapper<>(this, "lastRender");

    private final PlotModel spectrumPlot;
    private final PlotModel opticalPlot;
    private final PlotModel dielectricPlot;
    private final PlotModel.Series spectrumSeries;
    private final List<PlotModel.Series> nSeries = new ArrayList<>();
    private final List<PlotModel.Series> kSeries = new ArrayList<>();
    private final List<PlotModel.Series> eps1Series = new ArrayList<>();
    private final List<PlotModel.Series> eps2Series = new ArrayList<>();
    private final LatestWins<RenderRequest, RenderResult> renders;

    private Mineral presented;
    /** Bumped when the plots are cleared: a render still running for the old state must not draw. */
    private volatile long generation;

    public ExploreViewModel(WorkbenchSession session, TaskRunner tasks, StatusLine status) {
        this.document = session.document();
        this.status = Objects.requireNonNull(status);

        spectrumPlot = new PlotModel("spectrum", "Spectrum", "Wavenumber (cm\u207b\u00b9)", "Emissivity");
        spectrumSeries = spectrumPlot.addSeries("emissivity", "-fx-line-color: #1f63b4; -fx-line-width: 1.6;");
        spectrumPlot.yMinProperty().set(0.0); // E and R are bounded by [0, 1]; a fixed scale keeps drags readable
        spectrumPlot.yMaxProperty().set(1.02);
        opticalPlot = new PlotModel("optical-constants", "Refractive index n, k", "Wavenumber (cm\u207b\u00b9)",
                "n (solid), k (dashed)");
        dielectricPlot = new PlotModel("dielectric-function", "Dielectric function \u03b5\u2081, \u03b5\u2082",
                "Wavenumber (cm\u207b\u00b9)", "\u03b5\u2081 (solid), \u03b5\u2082 (dashed)");
        for (int m = 0; m < PLOTTED_MODES; m++) {
            String solid = "-fx-line-color: " + MODE_COLOURS[m] + "; -fx-line-width: 1.4;";
            String dashed = solid + " -fx-line-dash-array: 6 4;";
            nSeries.add(opticalPlot.addSeries("n", solid));
            kSeries.add(opticalPlot.addSeries("k", dashed));
            eps1Series.add(dielectricPlot.addSeries("\u03b5\u2081", solid));
            eps2Series.add(dielectricPlot.addSeries("\u03b5\u2082", dashed));
        }
        SpectrumRenderer renderer = new SpectrumRenderer(spectrumSeries, nSeries, kSeries, eps1Series, eps2Series);
        renders = new LatestWins<>(tasks, "render spectra", (request, context) -> {
            long t0 = System.nanoTime();
            if (request.generation() != generation) {
                return null; // the plots were cleared meanwhile
            }
            int drawn = renderer.render(request.mineral(), request.axis(), request.quantity());
            long t1 = System.nanoTime();
            RenderStats stats = new RenderStats(request.mineral().name(), request.mineral().oscillatorCount(),
                    request.axis().channels(), request.requestedAtNanos(), t0, renderer.lastComputeNanos(), t1);
            return new RenderResult(request, drawn, stats);
        }, this::rendered, error -> status.post("Cannot render: " + error.getMessage()));

        canAddMode = Bindings.createBooleanBinding(() -> hasMineral.get() && modes.size() < MAX_MODES,
                hasMineral, modes);
        canEditSelected = selected.isNotNull();
        axisChanged = Bindings.createBooleanBinding(() -> {
            AxisRange parsed = parseAxis();
            return parsed != null && !parsed.equals(axis.get());
        }, axisLowText, axisHighText, channelsText, axis);
        axisLowText.addListener(obs -> axisProblem.set(axisProblemText()));
        axisHighText.addListener(obs -> axisProblem.set(axisProblemText()));
        channelsText.addListener(obs -> axisProblem.set(axisProblemText()));
        showAxisText();

        updateStrengthHeader();
        showRho.addListener((obs, was, now) -> {
            updateStrengthHeader();
            for (ModeModel mm : modes) {
                for (OscillatorModel row : mm.oscillators()) {
                    row.strength().setDisplayFactor(strengthFactor());
                }
            }
        });
        spectrumQuantity.addListener((obs, was, now) -> {
            spectrumPlot.yLabelProperty().set(now == Quantity.REFLECTANCE ? "Reflectance" : "Emissivity");
            requestRender();
        });
        selected.addListener((obs, was, now) -> {
            if (was != null) {
                was.setSelected(false);
            }
            if (now != null) {
                now.setSelected(true);
            }
            updateBand();
        });
        document.libraryProperty().addListener((obs, was, now) -> {
            syncNames();
            present(false);
        });
        document.currentProperty().addListener((obs, was, now) -> present(true));
        syncNames();
        applyAxisToPlots();
        present(true);
    }

    // ------------------------------------------------------------------ presentation

    private void syncNames() {
        List<String> names = document.library().names();
        if (!names.equals(mineralNames)) {
            mineralNames.setAll(names);
        }
    }

    /**
     * Shows the document's current mineral: rows are rebuilt only when the structure changed (so a row being
     * dragged keeps its slider), otherwise their values are updated in place.
     */
    private void present(boolean currentChanged) {
        Optional<Mineral> current = document.currentMineral();
        if (current.isEmpty()) {
            presented = null;
            generation++;
            hasMineral.set(false);
            source.set("");
            selected.set(null);
            modes.clear();
            spectrumSeries.clear();
            for (int m = 0; m < PLOTTED_MODES; m++) {
                nSeries.get(m).clear();
                kSeries.get(m).clear();
                eps1Series.get(m).clear();
                eps2Series.get(m).clear();
            }
            renderInfo.set("No mineral: pick one from the list or start a blank one.");
            return;
        }
        Mineral m = current.get();
        boolean sameMineral = presented != null && (!currentChanged
                || Arrays.equals(presented.parameters(), m.parameters()));
        int[] keepSelection = selected.get() == null || !sameMineral ? null
                : new int[] {selected.get().mode(), selected.get().index()};
        hasMineral.set(true);
        source.set(m.source());
        if (presented == null || !presented.layout().equals(m.layout()) || !sameMineral) {
            rebuildRows(m);
        }
        presented = m;
        showValues(m);
        if (keepSelection != null) {
            select(keepSelection[0], keepSelection[1]);
        } else if (!sameMineral) {
            selected.set(null);
        }
        updateBand();
        requestRender();
    }

    private void rebuildRows(Mineral m) {
        OscillatorModel old = selected.get();
        selected.set(null);
        List<ModeModel> list = new ArrayList<>();
        AxisRange range = axis.get();
        for (int mi = 0; mi < m.modes().size(); mi++) {
            ModeModel mm = new ModeModel(mi, this);
            for (int j = 0; j < m.modes().get(mi).size(); j++) {
                OscillatorModel row = new OscillatorModel(mi, j, this);
                row.omega0().setSliderRange(range.low(), range.high());
                row.strength().setDisplayFactor(strengthFactor());
                mm.oscillators().add(row);
            }
            list.add(mm);
        }
        modes.setAll(list);
        if (old != null) {
            select(old.mode(), old.index());
        }
    }

    private void showValues(Mineral m) {
        double total = 0;
        for (Mode mode : m.modes()) {
            total += mode.weight();
        }
        for (int mi = 0; mi < m.modes().size(); mi++) {
            Mode mode = m.modes().get(mi);
            ModeModel mm = modes.get(mi);
            mm.show(mode, total, m.modes().size() > 1);
            for (int j = 0; j < mode.size(); j++) {
                mm.oscillators().get(j).show(mode.oscillators().get(j));
            }
        }
    }

    private void select(int mode, int index) {
        if (mode >= 0 && mode < modes.size() && index >= 0 && index < modes.get(mode).oscillators().size()) {
            selected.set(modes.get(mode).oscillators().get(index));
        } else {
            selected.set(null);
        }
    }

    private void updateBand() {
        OscillatorModel row = selected.get();
        PlotModel[] plots = {spectrumPlot, opticalPlot, dielectricPlot};
        if (row == null || presented == null) {
            for (PlotModel p : plots) {
                p.hideBand();
            }
            return;
        }
        double w0 = row.omega0().get();
        double half = Math.max(row.gamma().get() * w0, MIN_BAND_HALF_WIDTH);
        String label = (modes.size() > 1 ? "Mode " + (row.mode() + 1) + ", " : "") + row.label().toLowerCase(Locale.ROOT)
                + ": " + Numbers.format(w0, 5) + " cm\u207b\u00b9";
        for (PlotModel p : plots) {
            p.bandLowProperty().set(w0 - half);
            p.bandHighProperty().set(w0 + half);
            p.bandLabelProperty().set(label);
        }
    }

    private void updateStrengthHeader() {
        strengthHeader.set(showRho.get() ? "\u03c1 (= S / 4\u03c0)" : "S = 4\u03c0\u03c1");
    }

    private double strengthFactor() {
        return showRho.get() ? 1.0 / Oscillator.FOUR_PI : 1.0;
    }

    // ------------------------------------------------------------------ rendering

    private void requestRender() {
        if (presented == null) {
            return;
        }
        renders.request(new RenderRequest(presented, axis.get(), spectrumQuantity.get(), System.nanoTime(),
                generation));
    }

    private void rendered(RenderResult result) {
        if (result == null) {
            return;
        }
        spectrumSeries.rename(result.request().mineral().name() + " "
                + result.request().quantity().label());
        for (int m = 0; m < PLOTTED_MODES; m++) {
            boolean shown = m < result.modesDrawn();
            String suffix = result.modesDrawn() > 1 ? " (mode " + (m + 1) + ")" : "";
            nSeries.get(m).rename("n" + suffix);
            kSeries.get(m).rename("k" + suffix);
            eps1Series.get(m).rename("\u03b5\u2081" + suffix);
            eps2Series.get(m).rename("\u03b5\u2082" + suffix);
            nSeries.get(m).shownProperty().set(shown);
            kSeries.get(m).shownProperty().set(shown);
            eps1Series.get(m).shownProperty().set(shown);
            eps2Series.get(m).shownProperty().set(shown);
        }
        RenderStats s = result.stats();
        lastRender.set(s);
        int modeCount = result.request().mineral().modes().size();
        renderInfo.set(String.format(Locale.ROOT, "%s \u00b7 %d mode%s \u00b7 %d band%s \u00b7 %d channels \u00b7 rendered in %.2f ms",
                s.mineral(), modeCount, modeCount == 1 ? "" : "s", s.oscillators(), s.oscillators() == 1 ? "" : "s",
                s.channels(), s.computeNanos() / 1e6));
    }

    // ------------------------------------------------------------------ edits

    void editOscillator(int mode, int index, ParameterKind kind, double value, Object mergeKey) {
        Mineral m = presented;
        if (m == null) {
            return;
        }
        select(mode, index); // the band being edited is the one highlighted
        int i = m.layout().index(mode, index, kind);
        String what = kind == ParameterKind.STRENGTH ? "strength" : kind.label();
        document.editMineral(m.name(), x -> MineralEdits.withParameter(x, i, value),
                "change " + what + " of " + describe(m, mode, index), mergeKey);
    }

    void editMode(int mode, ParameterKind kind, double value, Object mergeKey) {
        Mineral m = presented;
        if (m == null) {
            return;
        }
        int i = m.layout().index(mode, -1, kind);
        document.editMineral(m.name(), x -> MineralEdits.withParameter(x, i, value),
                "change " + kind.label() + " of " + m.name() + " mode " + (mode + 1), mergeKey);
    }

    /** A mode weight must be >= 0 and leave the mineral's total weight positive. */
    String weightProblem(int mode, double value) {
        return MineralEdits.weightProblem(presented, mode, value);
    }

    private static String describe(Mineral m, int mode, int index) {
        return m.name() + (m.modes().size() > 1 ? " mode " + (mode + 1) : "") + " band " + (index + 1);
    }

    /** Creates "New mineral" (one mode, no bands) in the library and shows it. */
    public void newBlankMineral() {
        document.addMineral(MineralEdits.blank(document.uniqueName("New mineral")), "new mineral");
    }

    /** Adds a band at the middle of the plotted range to {@code mode} and selects it. */
    public void addOscillator(ModeModel mode) {
        Mineral m = presented;
        if (m == null) {
            return;
        }
        AxisRange range = axis.get();
        double omega0 = Math.rint(0.5 * (range.low() + range.high()));
        Oscillator o = new Oscillator(omega0, MineralEdits.NEW_STRENGTH, MineralEdits.NEW_GAMMA);
        int count = m.modes().get(mode.index()).size();
        document.editMineral(m.name(), x -> MineralEdits.addOscillator(x, mode.index(), o),
                "add a band to " + m.name() + (m.modes().size() > 1 ? " mode " + (mode.index() + 1) : ""), null);
        select(mode.index(), count);
    }

    public void removeOscillator(OscillatorModel row) {
        Mineral m = presented;
        if (m == null) {
            return;
        }
        document.editMineral(m.name(), x -> MineralEdits.removeOscillator(x, row.mode(), row.index()),
                "delete " + describe(m, row.mode(), row.index()), null);
        int left = m.modes().get(row.mode()).size() - 1;
        select(row.mode(), Math.min(row.index(), left - 1));
    }

    public void duplicateOscillator(OscillatorModel row) {
        Mineral m = presented;
        if (m == null) {
            return;
        }
        document.editMineral(m.name(), x -> MineralEdits.duplicateOscillator(x, row.mode(), row.index()),
                "duplicate " + describe(m, row.mode(), row.index()), null);
        select(row.mode(), row.index() + 1);
    }

    /** Adds a mode (crystal axis) with the average weight of the existing ones and no bands yet. */
    public void addMode() {
        Mineral m = presented;
        if (m == null || m.modes().size() >= MAX_MODES) {
            return;
        }
        double weight = 0;
        for (Mode mode : m.modes()) {
            weight += mode.weight();
        }
        weight = m.modes().isEmpty() ? 1.0 : weight / m.modes().size();
        Mode added = new Mode(MineralEdits.NEW_EPS_INF, weight > 0 ? weight : 1.0, List.of());
        document.editMineral(m.name(), x -> MineralEdits.addMode(x, added), "add a mode to " + m.name(), null);
    }

    public void removeMode(ModeModel mode) {
        Mineral m = presented;
        if (m == null || m.modes().size() <= 1) {
            return;
        }
        document.editMineral(m.name(), x -> MineralEdits.removeMode(x, mode.index()),
                "delete mode " + (mode.index() + 1) + " of " + m.name(), null);
    }

    /** Makes {@code row} the highlighted band (the view calls this when a row is clicked or focused). */
    public void select(OscillatorModel row) {
        selected.set(row);
    }

    // ------------------------------------------------------------------ axis

    private void showAxisText() {
        AxisRange a = axis.get();
        axisLowText.set(Numbers.format(a.low(), 6));
        axisHighText.set(Numbers.format(a.high(), 6));
        channelsText.set(Integer.toString(a.channels()));
    }

    private AxisRange parseAxis() {
        OptionalDouble lo = Numbers.parse(axisLowText.get());
        OptionalDouble hi = Numbers.parse(axisHighText.get());
        OptionalDouble n = Numbers.parse(channelsText.get());
        if (lo.isEmpty() || hi.isEmpty() || n.isEmpty() || n.getAsDouble() != Math.rint(n.getAsDouble())) {
            return null;
        }
        int channels = (int) Math.min(Integer.MAX_VALUE, n.getAsDouble());
        return AxisRange.problem(lo.getAsDouble(), hi.getAsDouble(), channels) == null
                ? new AxisRange(lo.getAsDouble(), hi.getAsDouble(), channels) : null;
    }

    private String axisProblemText() {
        OptionalDouble lo = Numbers.parse(axisLowText.get());
        OptionalDouble hi = Numbers.parse(axisHighText.get());
        OptionalDouble n = Numbers.parse(channelsText.get());
        if (lo.isEmpty() || hi.isEmpty()) {
            return "Enter the range in cm\u207b\u00b9 as numbers.";
        }
        if (n.isEmpty() || n.getAsDouble() != Math.rint(n.getAsDouble())) {
            return "Channels must be a whole number.";
        }
        String p = AxisRange.problem(lo.getAsDouble(), hi.getAsDouble(), (int) Math.min(Integer.MAX_VALUE,
                n.getAsDouble()));
        return p == null ? "" : Character.toUpperCase(p.charAt(0)) + p.substring(1) + ".";
    }

    /** Applies the typed range (when valid) and re-renders. */
    public void applyAxis() {
        AxisRange parsed = parseAxis();
        if (parsed == null) {
            return;
        }
        axis.set(parsed);
        showAxisText();
        applyAxisToPlots();
        for (ModeModel mm : modes) {
            for (OscillatorModel row : mm.oscillators()) {
                row.omega0().setSliderRange(parsed.low(), parsed.high());
            }
        }
        requestRender();
    }

    /** Puts the range back to what is plotted. */
    public void revertAxis() {
        showAxisText();
    }

    private void applyAxisToPlots() {
        AxisRange a = axis.get();
        for (PlotModel p : List.of(spectrumPlot, opticalPlot, dielectricPlot)) {
            p.xMinProperty().set(a.low());
            p.xMaxProperty().set(a.high());
        }
    }

    // ------------------------------------------------------------------ properties

    /** Names of the library's minerals, for the picker. */
    public ObservableList<String> mineralNames() {
        return mineralNames;
    }

    /** The mineral shown; the same property as the document's current mineral. */
    public StringProperty currentMineralProperty() {
        return document.currentProperty();
    }

    public ReadOnlyBooleanProperty hasMineralProperty() {
        return hasMineral.getReadOnlyProperty();
    }

    /** Where the shown mineral's parameters come from (citation). */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ObservableList<ModeModel> modes() {
        return modes;
    }

    /** The highlighted band (null for none). */
    public ObjectProperty<OscillatorModel> selectedProperty() {
        return selected;
    }

    /** Show strengths as rho (true) or as S = 4*pi*rho (false). */
    public BooleanProperty showRhoProperty() {
        return showRho;
    }

    /** Column header naming what the strength fields show. */
    public ReadOnlyStringProperty strengthHeaderProperty() {
        return strengthHeader.getReadOnlyProperty();
    }

    /** Emissivity or reflectance in the main plot. */
    public ObjectProperty<Quantity> spectrumQuantityProperty() {
        return spectrumQuantity;
    }

    public ReadOnlyObjectProperty<AxisRange> axisProperty() {
        return axis.getReadOnlyProperty();
    }

    public StringProperty axisLowTextProperty() {
        return axisLowText;
    }

    public StringProperty axisHighTextProperty() {
        return axisHighText;
    }

    public StringProperty channelsTextProperty() {
        return channelsText;
    }

    /** Why the typed range cannot be applied; empty when it can. */
    public ReadOnlyStringProperty axisProblemProperty() {
        return axisProblem.getReadOnlyProperty();
    }

    /** True when the typed range is valid and differs from the plotted one. */
    public BooleanBinding canApplyAxisBinding() {
        return axisChanged;
    }

    public BooleanBinding canAddModeBinding() {
        return canAddMode;
    }

    /** A band is selected (remove/duplicate selected band). */
    public BooleanBinding canEditSelectedBinding() {
        return canEditSelected;
    }

    public ReadOnlyStringProperty renderInfoProperty() {
        return renderInfo.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RenderStats> lastRenderProperty() {
        return lastRender.getReadOnlyProperty();
    }

    public PlotModel spectrumPlot() {
        return spectrumPlot;
    }

    public PlotModel opticalPlot() {
        return opticalPlot;
    }

    public PlotModel dielectricPlot() {
        return dielectricPlot;
    }

    public CommandHistory history() {
        return document.history();
    }

    /** The index in the flat parameter vector of a knob of the shown mineral (tests, benchmarks). */
    public int parameterIndex(int mode, int oscillator, ParameterKind kind) {
        return presented == null ? -1 : presented.layout().index(mode, oscillator, kind);
    }

    /** The shown mineral (as last presented). */
    public Optional<Mineral> presentedMineral() {
        return Optional.ofNullable(presented);
    }
}
