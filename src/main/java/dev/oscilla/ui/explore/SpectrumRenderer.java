package dev.oscilla.ui.explore;

import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.ParameterLayout;
import dev.oscilla.physics.Quantity;
import dev.oscilla.ui.common.PlotModel;
import java.util.List;

/**
 * Renders a mineral into the Explore plots' series: the weight-averaged emissivity or reflectance, and n, k,
 * eps1, eps2 of each mode (crystal axis) separately, which is what a student wants to see change when a knob of
 * one axis moves. Owns its evaluator and work arrays; once the axis is set a render allocates only the flat
 * parameter vector.
 *
 * <p>Not thread-safe; used by one {@link dev.oscilla.ui.common.LatestWins} pipeline, which runs one render at a
 * time (on whichever worker thread; the executor hand-over orders the accesses).
 */
final class SpectrumRenderer {

    private final PlotModel.Series spectrum;
    private final List<PlotModel.Series> n;
    private final List<PlotModel.Series> k;
    private final List<PlotModel.Series> eps1;
    private final List<PlotModel.Series> eps2;

    private AxisRange axis;
    private double[] x;
    private DispersionEvaluator evaluator;
    private double[] values;
    private double[] nOut;
    private double[] kOut;
    private double[] e1Out;
    private double[] e2Out;
    private long lastComputeNanos;

    SpectrumRenderer(PlotModel.Series spectrum, List<PlotModel.Series> n, List<PlotModel.Series> k,
                     List<PlotModel.Series> eps1, List<PlotModel.Series> eps2) {
        this.spectrum = spectrum;
        this.n = n;
        this.k = k;
        this.eps1 = eps1;
        this.eps2 = eps2;
    }

    /** Renders and writes every series; returns the number of modes drawn (at most the series provided). */
    int render(Mineral mineral, AxisRange range, Quantity quantity) {
        if (!range.equals(axis)) {
            axis = range;
            x = range.wavenumbers();
            evaluator = new DispersionEvaluator(x);
            values = new double[x.length];
            nOut = new double[x.length];
            kOut = new double[x.length];
            e1Out = new double[x.length];
            e2Out = new double[x.length];
        }
        int channels = x.length;
        long t0 = System.nanoTime();
        evaluator.evaluate(mineral, quantity, values);
        long compute = System.nanoTime() - t0;
        spectrum.set(x, values, channels);
        ParameterLayout layout = mineral.layout();
        double[] p = mineral.parameters();
        int drawn = Math.min(layout.modeCount(), n.size());
        for (int m = 0; m < n.size(); m++) {
            if (m < drawn) {
                long t1 = System.nanoTime();
                evaluator.opticalConstants(layout, p, m, nOut, kOut, e1Out, e2Out);
                compute += System.nanoTime() - t1;
                n.get(m).set(x, nOut, channels);
                k.get(m).set(x, kOut, channels);
                eps1.get(m).set(x, e1Out, channels);
                eps2.get(m).set(x, e2Out, channels);
            } else {
                n.get(m).clear();
                k.get(m).clear();
                eps1.get(m).clear();
                eps2.get(m).clear();
            }
        }
        lastComputeNanos = compute;
        return drawn;
    }

    /** Time spent in the forward model (not in writing data sets) during the last render. */
    long lastComputeNanos() {
        return lastComputeNanos;
    }
}
