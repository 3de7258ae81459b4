package dev.oscilla.ui.fit;

import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.UsableChannels;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.ui.common.CancelToken;
import dev.oscilla.ui.common.PlotModel;

/**
 * Draws the model and residual of a running fit: the fitter reports each improved model from its own thread
 * ({@link dev.oscilla.fit.DispersionFitter.FitObserver}); this renders it on the fitted channels and writes the
 * plot series (ChartFX data sets may be written from any thread), at most once per {@link #FRAME_NANOS} (one 60 Hz
 * pulse), so a fast solver does not spend its time drawing and the chart redraws at most once per pulse. Nothing
 * is drawn once the fit is cancelled. Confined to the fitting thread.
 */
final class FitPreview {

    /** One pulse of the JavaFX animation clock (60 Hz). */
    static final long FRAME_NANOS = 16_666_667L;

    private final double[] axis;
    private final double[] data;
    private final double[] model;
    private final double[] residual;
    private final DispersionEvaluator evaluator;
    private final Quantity quantity;
    private final PlotModel.Series modelSeries;
    private final PlotModel.Series residualSeries;
    private final CancelToken cancel;
    private long lastDrawn = Long.MIN_VALUE;
    private int drawn;

    /** The channels the fitter uses: usable and inside the window (as {@code DispersionFitter} selects them). */
    FitPreview(Spectrum spectrum, WavenumberWindow window, Quantity quantity, PlotModel.Series modelSeries,
               PlotModel.Series residualSeries, CancelToken cancel) {
        int n = 0;
        for (int c = 0; c < spectrum.size(); c++) {
            if (used(spectrum, window, c)) {
                n++;
            }
        }
        axis = new double[n];
        data = new double[n];
        int k = 0;
        for (int c = 0; c < spectrum.size(); c++) {
            if (used(spectrum, window, c)) {
                axis[k] = spectrum.wavenumber(c);
                data[k] = spectrum.value(c);
                k++;
            }
        }
        model = new double[n];
        residual = new double[n];
        evaluator = new DispersionEvaluator(axis);
        this.quantity = quantity;
        this.modelSeries = modelSeries;
        this.residualSeries = residualSeries;
        this.cancel = cancel;
    }

    private static boolean used(Spectrum s, WavenumberWindow window, int c) {
        return UsableChannels.isUsable(s, c) && window.contains(s.wavenumber(c));
    }

    /** The fitter's observer: draws {@code mineral} unless a frame was drawn less than a pulse ago. */
    void show(Mineral mineral, double rms) {
        if (cancel.isCancelled() || axis.length == 0) {
            return;
        }
        long now = System.nanoTime();
        if (lastDrawn != Long.MIN_VALUE && now - lastDrawn < FRAME_NANOS) {
            return;
        }
        lastDrawn = now;
        evaluator.evaluate(mineral, quantity, model);
        for (int c = 0; c < axis.length; c++) {
            residual[c] = data[c] - model[c];
        }
        modelSeries.set(axis, model, axis.length);
        residualSeries.set(axis, residual, axis.length);
        drawn++;
    }

    /** Frames drawn so far. */
    int drawn() {
        return drawn;
    }
}
