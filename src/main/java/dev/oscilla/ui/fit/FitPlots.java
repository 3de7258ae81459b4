package dev.oscilla.ui.fit;

import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.UsableChannels;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.ui.common.LatestWins;
import dev.oscilla.ui.common.Numbers;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.common.PlotRanges;
import dev.oscilla.ui.common.TaskContext;
import dev.oscilla.ui.common.TaskRunner;
import java.util.Locale;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Fit view's plots: measured and model, and the residual. Rendered off the UI thread, latest wins. Channels
 * the usable-channel rule flags (instrument noise, impossible values) are drawn apart in grey and left out of the
 * model, the residual and the RMS; the y axes are scaled to the data inside the fit window (so a noisy end of the
 * range never flattens the spectrum), the residual's symmetric about zero around its largest value there.
 * UI-thread confined (the worker writes only the series' data).
 */
final class FitPlots {

    /** Room above and below the data in the window, as a fraction of their span. */
    static final double Y_MARGIN = 0.06;

    record Request(Mineral model, Spectrum spectrum, WavenumberWindow window, UsableChannels usable,
                   Quantity quantity) {
    }

    private record Result(Request request, double rms, int channels, double[] yRange, double[] residualRange) {
    }

    private final PlotModel spectrumPlot;
    private final PlotModel residualPlot;
    private final PlotModel.Series measuredSeries;
    private final PlotModel.Series modelSeries;
    private final PlotModel.Series flaggedSeries;
    private final PlotModel.Series residualSeries;
    private final LatestWins<Request, Result> renders;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyDoubleWrapper rms = new ReadOnlyDoubleWrapper(this, "rms", Double.NaN);
    private volatile Request wanted;
    private Request last;
    private boolean active = true;
    private Request stale;

    FitPlots(TaskRunner tasks) {
        spectrumPlot = new PlotModel("fit-spectrum", "Measured and model", "Wavenumber (cm\u207b\u00b9)", "Emissivity");
        measuredSeries = spectrumPlot.addSeries("measured", "-fx-line-color: #222222; -fx-line-width: 1.2;");
        modelSeries = spectrumPlot.addSeries("model", "-fx-line-color: #c0392b; -fx-line-width: 1.6;");
        flaggedSeries = spectrumPlot.addSeries("flagged: instrument noise", "-fx-line-color: #b8b8b8; "
                + "-fx-line-width: 0.8;");
        flaggedSeries.shownProperty().set(false);
        residualPlot = new PlotModel("fit-residual", "Residual (measured \u2212 model)", "Wavenumber (cm\u207b\u00b9)",
                "Residual");
        residualSeries = residualPlot.addSeries("residual", "-fx-line-color: #1f63b4; -fx-line-width: 1;");
        renders = new LatestWins<>(tasks, "render fit plots", this::render, this::rendered,
                error -> summary.set("Cannot draw the model: " + error.getMessage()));
    }

    /** Whether the view is on screen; while it is not, requests wait (the newest is drawn when shown). */
    void setActive(boolean value) {
        active = value;
        if (active && stale != null) {
            Request r = stale;
            stale = null;
            request(r);
        }
    }

    /** Draws {@code r} (a null spectrum clears the plots). Repeating the last request draws nothing. */
    void request(Request r) {
        if (!active) {
            stale = r;
            return;
        }
        Spectrum s = r.spectrum();
        spectrumPlot.yLabelProperty().set(r.quantity() == Quantity.REFLECTANCE ? "Reflectance" : "Emissivity");
        spectrumPlot.bandLowProperty().set(r.window().lo());
        spectrumPlot.bandHighProperty().set(r.window().hi());
        spectrumPlot.bandLabelProperty().set("fit window");
        residualPlot.bandLowProperty().set(r.window().lo());
        residualPlot.bandHighProperty().set(r.window().hi());
        residualPlot.bandLabelProperty().set("fit window");
        if (s == null || s.validCount() == 0) {
            last = null;
            wanted = null;
            measuredSeries.clear();
            modelSeries.clear();
            flaggedSeries.clear();
            flaggedSeries.shownProperty().set(false);
            residualSeries.clear();
            rms.set(Double.NaN);
            summary.set(s == null ? "Open a spectrum to fit (File \u25b8 Open spectra, drag a file here, or a recent "
                    + "file)." : "The spectrum has no valid channels.");
            return;
        }
        if (r.equals(last)) {
            return;
        }
        last = r;
        wanted = r;
        renders.request(r);
    }

    /** Forgets what was drawn last (a live fit preview drew over it), so the next request draws again. */
    void invalidate() {
        last = null;
    }

    /** Worker thread: measured, model and residual on the usable channels, flagged channels apart, the y ranges. */
    private Result render(Request r, TaskContext context) {
        Spectrum s = r.spectrum();
        int n = s.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] fx = new double[n];
        double[] fy = new double[n];
        int used = 0;
        int flagged = 0;
        for (int c = 0; c < n; c++) {
            if (!s.isValid(c) || s.value(c) == 0.0) {
                continue; // masked, or a zero-filled gap: not a measurement
            }
            // data: a usable value, outside the noisy ends of the range unless the fit window takes them in
            boolean edge = r.usable() != null && !r.usable().window().contains(s.wavenumber(c));
            boolean data = UsableChannels.isUsable(s, c) && (!edge || r.window().contains(s.wavenumber(c)));
            if (data) {
                x[used] = s.wavenumber(c);
                y[used] = s.value(c);
                used++;
            } else {
                fx[flagged] = s.wavenumber(c);
                fy[flagged] = s.value(c);
                flagged++;
            }
        }
        double[] model = null;
        double[] residual = null;
        double sum = 0;
        int inWindow = 0;
        if (r.model() != null && used > 0) {
            double[] xs = java.util.Arrays.copyOf(x, used);
            model = new double[used];
            new DispersionEvaluator(xs).evaluate(r.model(), r.quantity(), model);
            residual = new double[used];
            for (int c = 0; c < used; c++) {
                residual[c] = y[c] - model[c];
                if (r.window().contains(x[c])) {
                    sum += residual[c] * residual[c];
                    inWindow++;
                }
            }
        }
        double[] yRange = PlotRanges.range(x, used, r.window(), Y_MARGIN, y, model);
        double[] residualRange = residual == null ? null : PlotRanges.symmetric(x, used, r.window(), residual);
        if (r == wanted) {
            measuredSeries.set(x, y, used);
            flaggedSeries.set(fx, fy, flagged);
            if (model == null) {
                modelSeries.clear();
                residualSeries.clear();
            } else {
                modelSeries.set(x, model, used);
                residualSeries.set(x, residual, used);
            }
        }
        return new Result(r, inWindow == 0 ? Double.NaN : Math.sqrt(sum / inWindow), inWindow, yRange,
                residualRange);
    }

    private void rendered(Result result) {
        Request r = result.request();
        if (r != wanted) {
            return;
        }
        measuredSeries.rename(r.spectrum().name());
        modelSeries.rename(r.model() == null ? "model" : r.model().name());
        flaggedSeries.shownProperty().set(flaggedSeries.size() > 0);
        WavenumberWindow usable = r.usable() != null && r.usable().hasUsableChannels() ? r.usable().window()
                : r.window();
        for (PlotModel p : new PlotModel[] {spectrumPlot, residualPlot}) {
            p.xMinProperty().set(Math.min(usable.lo(), r.window().lo()));
            p.xMaxProperty().set(Math.max(usable.hi(), r.window().hi()));
        }
        setRange(spectrumPlot, result.yRange());
        setRange(residualPlot, result.residualRange());
        rms.set(result.rms());
        WavenumberWindow w = r.window();
        if (r.model() == null) {
            summary.set(String.format(Locale.ROOT, "%s: %d channels in the window %s\u2013%s cm\u207b\u00b9. No model "
                    + "yet: run the auto-fit.", r.spectrum().name(), result.channels() == 0 ? countInWindow(r)
                    : result.channels(), Numbers.format(w.lo(), 5), Numbers.format(w.hi(), 5)));
        } else {
            summary.set(String.format(Locale.ROOT, "RMS %s over %d channels (%s\u2013%s cm\u207b\u00b9), %s vs %s",
                    Numbers.format(result.rms(), 3), result.channels(), Numbers.format(w.lo(), 5),
                    Numbers.format(w.hi(), 5), r.model().name(), r.spectrum().name()));
        }
    }

    private static int countInWindow(Request r) {
        int n = 0;
        for (int c = 0; c < r.spectrum().size(); c++) {
            if (UsableChannels.isUsable(r.spectrum(), c) && r.window().contains(r.spectrum().wavenumber(c))) {
                n++;
            }
        }
        return n;
    }

    private static void setRange(PlotModel p, double[] range) {
        p.yMinProperty().set(range == null ? Double.NaN : range[0]);
        p.yMaxProperty().set(range == null ? Double.NaN : range[1]);
    }

    PlotModel spectrumPlot() {
        return spectrumPlot;
    }

    PlotModel residualPlot() {
        return residualPlot;
    }

    PlotModel.Series modelSeries() {
        return modelSeries;
    }

    PlotModel.Series residualSeries() {
        return residualSeries;
    }

    ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty rmsProperty() {
        return rms.getReadOnlyProperty();
    }
}
