package dev.oscilla.fit;

import dev.oscilla.physics.Mineral;
import java.util.List;

/**
 * The immutable outcome of fitting a dispersion model to a spectrum.
 *
 * @param mineral    the fitted model (bounds: the ones the fit respected)
 * @param solve      the final least-squares solve: parameters in the mineral's flat layout, covariance, standard
 *                   errors, correlations, chi^2, iterations and stop reason
 * @param axis       channels fitted, cm^-1
 * @param data       measured values on those channels
 * @param fitted     model values on those channels
 * @param seconds    wall time of the whole fit
 * @param notes      what the fitter did (seeds, pruning, model selection), for the user
 */
public record FitResult(Mineral mineral, LeastSquaresResult solve, double[] axis, double[] data, double[] fitted,
                        double seconds, List<String> notes) {

    public FitResult {
        axis = axis.clone();
        data = data.clone();
        fitted = fitted.clone();
        notes = List.copyOf(notes);
    }

    @Override
    public double[] axis() {
        return axis.clone();
    }

    @Override
    public double[] data() {
        return data.clone();
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    /** data - model. */
    public double[] residual() {
        double[] r = new double[data.length];
        for (int c = 0; c < r.length; c++) {
            r[c] = data[c] - fitted[c];
        }
        return r;
    }

    /** sqrt(mean squared residual) over the fitted channels. */
    public double rms() {
        double s = 0;
        for (int c = 0; c < data.length; c++) {
            double d = data[c] - fitted[c];
            s += d * d;
        }
        return Math.sqrt(s / data.length);
    }

    public int oscillators() {
        return mineral.oscillatorCount();
    }
}
