package dev.oscilla.ui.fit;

import dev.oscilla.fit.DispersionFitter;
import dev.oscilla.fit.FitResult;
import dev.oscilla.fit.LeastSquaresResult;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.ParameterLayout;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.ui.common.NumberField;
import dev.oscilla.ui.common.Numbers;
import dev.oscilla.ui.common.WindowSelection;
import dev.oscilla.ui.mineral.MineralEdits;
import dev.oscilla.ui.mineral.ParameterKnobs;
import dev.oscilla.ui.mineral.ParameterNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Fit view's parameter table: one row per parameter of the working model (its knob, lock, bounds and, when the
 * model shown is exactly a fitted one, its standard error and correlations), the correlated pairs by name, and what
 * the fitter did. Rows are rebuilt only when the model's structure changes; values are re-presented in place.
 * UI-thread confined.
 */
final class ParameterTable {

    private final WorkingModel working;
    private final WindowSelection window;
    private final Function<Mineral, FitOutcome> outcomes;
    private final ObservableList<ParameterRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> correlationWarnings = FXCollections.observableArrayList();
    private final ObservableList<String> fitNotes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper fitInfo = new ReadOnlyStringWrapper(this, "fitInfo", "");
    private boolean[] locks = new boolean[0];
    private Mineral presented;
    private boolean everFitted;

    /** @param outcomes the fit that produced exactly a model (same structure and values), or null */
    ParameterTable(WorkingModel working, WindowSelection window, Function<Mineral, FitOutcome> outcomes) {
        this.working = working;
        this.window = window;
        this.outcomes = outcomes;
    }

    /** Shows the working model as it stands (after any change of it, of the window, or of the fits kept). */
    void present() {
        Mineral m = working.model();
        if (m == null) {
            presented = null;
            rows.clear();
            locks = new boolean[0];
            correlationWarnings.clear();
            fitNotes.clear();
            fitInfo.set("");
            return;
        }
        if (presented == null || !presented.layout().equals(m.layout())) {
            rebuild(m);
        }
        presented = m;
        showValues(m);
    }

    private void rebuild(Mineral m) {
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
        NumberField.Editor editor = (v, key) -> {
            Mineral m = presented;
            if (m != null) {
                working.editParameter(i, v, key, "change " + ParameterNames.describe(m.layout(), i) + " of "
                        + m.name());
            }
        };
        NumberField value = kind == ParameterKind.WEIGHT
                ? ParameterKnobs.weight(v -> MineralEdits.weightProblem(presented, mode, v), editor)
                : ParameterKnobs.create(kind, editor);
        if (kind == ParameterKind.OMEGA0 && window.dataMaxProperty().get() > window.dataMinProperty().get()) {
            value.setSliderRange(window.dataMinProperty().get(), window.dataMaxProperty().get());
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

    /** The omega0 sliders span the data (after new data). */
    void dataChanged() {
        double lo = window.dataMinProperty().get();
        double hi = window.dataMaxProperty().get();
        if (hi > lo) {
            for (ParameterRow row : rows) {
                if (row.kind() == ParameterKind.OMEGA0) {
                    row.value().setSliderRange(lo, hi);
                }
            }
        }
    }

    private void showValues(Mineral m) {
        double[] p = m.parameters();
        ParameterBounds stored = m.bounds();
        ParameterBounds fallback = defaultBounds(m.layout());
        FitOutcome outcome = outcomes.apply(m);
        Set<Integer> correlated = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        if (outcome != null) {
            everFitted = true;
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
            fitInfo.set(everFitted ? "Changed since the last fit: re-fit for standard errors." : "");
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

    /** The bounds a fit applies to a model without stored bounds, for the current window. */
    ParameterBounds defaultBounds(ParameterLayout layout) {
        WavenumberWindow w = window.window();
        double lo = w.lo();
        double hi = w.hi();
        if (!(hi > lo) || !(lo > 0)) {
            lo = ParameterKnobs.OMEGA_SLIDER_MIN;
            hi = ParameterKnobs.OMEGA_SLIDER_MAX;
        }
        return DispersionFitter.defaultBounds(layout, lo, hi);
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
        if (m == null) {
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
        working.setBounds(new ParameterBounds(lo, hi), "change the " + (lower ? "lower" : "upper") + " bound of "
                + ParameterNames.describe(m.layout(), index) + " of " + m.name());
    }

    /** Locks or unlocks every parameter of one kind (e.g. hold all band positions while re-fitting widths). */
    void lockAll(ParameterKind kind, boolean locked) {
        for (ParameterRow row : rows) {
            if (row.kind() == kind) {
                row.lockedProperty().set(locked);
            }
        }
    }

    boolean[] locks() {
        return locks.clone();
    }

    ObservableList<ParameterRow> rows() {
        return rows;
    }

    ObservableList<String> correlationWarnings() {
        return correlationWarnings;
    }

    ObservableList<String> fitNotes() {
        return fitNotes;
    }

    ReadOnlyStringProperty fitInfoProperty() {
        return fitInfo.getReadOnlyProperty();
    }
}
