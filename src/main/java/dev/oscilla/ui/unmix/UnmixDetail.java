package dev.oscilla.ui.unmix;

import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.ui.common.BarPlotModel;
import dev.oscilla.ui.common.LatestWins;
import dev.oscilla.ui.common.Numbers;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.TaskContext;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.unmix.UnmixResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected result of the Unmix view in detail: abundance bars with 1-sigma error bars beside the known
 * abundances, group sums (with the known sums), the parameter shifts of analysis-by-synthesis, and the measured vs
 * reconstructed spectra with every endmember's contribution x_i A_i (rendered off the UI thread, latest wins).
 * UI-thread confined.
 */
final class UnmixDetail {

    private static final String[] COLOURS = {"#1f63b4", "#2e8b3a", "#8e44ad", "#d35400", "#16a085", "#c0392b",
        "#7f8c8d", "#b7950b", "#2c3e50", "#e84393"};

    private record ContributionRequest(UnmixRow row, UnmixViewModel.Source source, Map<String, Mineral> minerals,
                                       SpectrumSet measured) {
    }

    private record Contributions(ContributionRequest request, List<String> names, List<double[]> values) {
    }

    private final UnmixRun run;
    private final StatusLine status;
    private final ObjectProperty<UnmixRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<GroupRow> groups = FXCollections.observableArrayList();
    private final ObservableList<ShiftRow> shifts = FXCollections.observableArrayList();
    private final BarPlotModel abundancePlot;
    private final BarPlotModel.Series estimated;
    private final BarPlotModel.Series knownBars;
    private final PlotModel spectraPlot;
    private final PlotModel.Series measuredSeries;
    private final PlotModel.Series modelledSeries;
    private final List<PlotModel.Series> contributionSeries = new ArrayList<>();
    private final LatestWins<ContributionRequest, Contributions> contributions;
    private volatile ContributionRequest wanted;

    UnmixDetail(UnmixRun run, TaskRunner tasks, StatusLine status) {
        this.run = run;
        this.status = status;
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
        for (int i = 0; i < UnmixViewModel.CONTRIBUTIONS; i++) {
            PlotModel.Series s = spectraPlot.addSeries("contribution " + (i + 1), "-fx-line-color: " + COLOURS[i]
                    + "; -fx-line-width: 1.1;");
            s.shownProperty().set(false);
            contributionSeries.add(s);
        }
        contributions = new LatestWins<>(tasks, "unmix contributions", this::computeContributions,
                this::showContributions, error -> status.post("Cannot draw the contributions: " + error.getMessage()));
        selected.addListener((obs, was, now) -> show());
        run.results().addListener((javafx.collections.ListChangeListener<UnmixRow>) c -> {
            selected.set(null);
            selected.set(run.results().isEmpty() ? null : run.results().get(0));
        });
    }

    private void show() {
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
            summary.set("");
            wanted = null;
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

        groups.setAll(row.groups());
        shifts.setAll(row.shifts());
        summary.set(String.format(Locale.ROOT, "%s: RMS %s, blackbody %s, %d iteration%s (%s)%s",
                r.spectrumName(), Numbers.format(r.rms(), 3), Numbers.format(r.blackbodyFraction(), 3), r.iterations(),
                r.iterations() == 1 ? "" : "s", r.stopReason(), row.score() == null ? ""
                : String.format(Locale.ROOT, "; vs known: squared error %s, L1 %s, precision %s, recall %s",
                Numbers.format(row.squaredError(), 3), Numbers.format(row.errorL1(), 3),
                Numbers.format(row.precision(), 3), Numbers.format(row.recall(), 3))));

        double[] axis = r.axis();
        measuredSeries.set(axis, r.measured(), axis.length);
        measuredSeries.rename(r.spectrumName());
        modelledSeries.set(axis, r.modelled(), axis.length);
        UnmixRun.Input in = run.last();
        Map<String, Mineral> minerals = new HashMap<>();
        if (in != null) {
            for (Mineral m : in.minerals()) {
                minerals.put(m.name(), m);
            }
        }
        ContributionRequest request = new ContributionRequest(row, in == null ? UnmixViewModel.Source.LIBRARY
                : in.source(), minerals, in == null ? null : in.measured());
        wanted = request;
        contributions.request(request);
    }

    /** Worker thread: x_j A_j of every endmember on the result's channels (flexed minerals for ABS). */
    private Contributions computeContributions(ContributionRequest request, TaskContext context) {
        UnmixResult r = request.row().result();
        double[] axis = r.axis();
        boolean library = request.source() == UnmixViewModel.Source.LIBRARY;
        DispersionEvaluator evaluator = library ? new DispersionEvaluator(axis) : null;
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
            } else if (library) {
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
        for (int i = 0; i < Math.min(UnmixViewModel.CONTRIBUTIONS, order.length); i++) {
            keptNames.add(names.get(order[i]));
            kept.add(columns.get(order[i]));
        }
        if (request == wanted) {
            for (int i = 0; i < UnmixViewModel.CONTRIBUTIONS; i++) {
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
        if (c.request() != wanted) {
            return;
        }
        for (int i = 0; i < UnmixViewModel.CONTRIBUTIONS; i++) {
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

    ObjectProperty<UnmixRow> selectedProperty() {
        return selected;
    }

    ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    ObservableList<GroupRow> groups() {
        return groups;
    }

    ObservableList<ShiftRow> shifts() {
        return shifts;
    }

    BarPlotModel abundancePlot() {
        return abundancePlot;
    }

    PlotModel spectraPlot() {
        return spectraPlot;
    }
}
