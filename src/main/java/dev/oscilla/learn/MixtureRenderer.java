package dev.oscilla.learn;

import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Quantity;
import java.util.Arrays;

/**
 * The physics layer: renders the areal mixture {@code M = sum_i x_i E_i(Lambda_i)} of the library minerals from
 * predicted abundances x and parameters Lambda (the concatenated vector of {@link EndmemberModels}) through the
 * dispersion model, and back-propagates through it with the forward model's analytic derivatives:
 * {@code dL/dx_i = <dL/dM, E_i>} and {@code dL/dLambda_i = x_i J_i^T dL/dM}, the vector-Jacobian product coming
 * from {@link DispersionEvaluator#evaluateWithGradient} without forming J.
 *
 * <p>Activity threshold: a mineral whose abundance is below {@code threshold} is rendered at its library
 * parameters (spectrum precomputed once) and gets no parameter gradient. Its contribution to M, and any effect of
 * its parameters on the loss, is scaled by that abundance, so a small threshold (0.02: a 2 % share, whose band
 * flex moves the mixture by ~2e-4 in emissivity) changes the loss by well under the noise while cutting the cost of the backward pass (the vector-Jacobian product costs ~7x a plain
 * evaluation) to the few minerals a sample holds. With threshold 0 every mineral is live and the layer is exact.
 */
final class MixtureRenderer {

    private final EndmemberModels models;
    private final int channels;
    private final double[] axis;
    private final double[] referenceSpectra;

    MixtureRenderer(EndmemberModels models, double[] axis) {
        this.models = models;
        this.axis = axis.clone();
        this.channels = axis.length;
        int n = models.size();
        referenceSpectra = new double[n * channels];
        DispersionEvaluator evaluator = new DispersionEvaluator(axis);
        for (int i = 0; i < n; i++) {
            evaluator.evaluate(models.layout(i), models.referenceView(), models.offset(i), Quantity.EMISSIVITY,
                    referenceSpectra, i * channels, null, 0);
        }
    }

    int channels() {
        return channels;
    }

    EndmemberModels models() {
        return models;
    }

    /** Emissivity of mineral {@code i} at its library parameters on this axis (a view; do not modify). */
    double[] referenceSpectraView() {
        return referenceSpectra;
    }

    /** Flags the minerals with {@code x >= threshold} live, per sample (all of them for threshold 0). */
    void markLive(double[] x, int batch, double threshold, Workspace ws) {
        int n = models.size();
        for (int k = 0; k < batch * n; k++) {
            ws.active[k] = x[k] >= threshold;
        }
    }

    /**
     * {@code mix[b] = sum_i x[b][i] E_i(params[b])} for {@code batch} samples, live minerals (see
     * {@link #markLive}) rendered at {@code params}, the others from their library spectra; the mineral spectra stay
     * in the workspace for {@link #backward}.
     */
    void forward(double[] params, double[] x, double[] mix, int batch, Workspace ws) {
        int n = models.size();
        int total = models.totalParameters();
        for (int b = 0; b < batch; b++) {
            int mixOffset = b * channels;
            Arrays.fill(mix, mixOffset, mixOffset + channels, 0.0);
            for (int i = 0; i < n; i++) {
                double xi = x[b * n + i];
                int e = (b * n + i) * channels;
                if (ws.active[b * n + i]) {
                    ws.evaluator.evaluate(models.layout(i), params, b * total + models.offset(i),
                            Quantity.EMISSIVITY, ws.spectra, e, null, 0);
                } else {
                    System.arraycopy(referenceSpectra, i * channels, ws.spectra, e, channels);
                }
                for (int c = 0; c < channels; c++) {
                    mix[mixOffset + c] += xi * ws.spectra[e + c];
                }
            }
        }
    }

    /**
     * Given {@code gMix = dL/dM}, adds {@code dL/dx} into {@code gx} and writes {@code dL/dLambda} into
     * {@code gParams} for the live minerals (entries of the others are left untouched: they get no gradient).
     */
    void backward(double[] params, double[] x, double[] gMix, double[] gx, double[] gParams, int batch,
                  Workspace ws) {
        int n = models.size();
        int total = models.totalParameters();
        for (int b = 0; b < batch; b++) {
            int g = b * channels;
            for (int i = 0; i < n; i++) {
                int e = (b * n + i) * channels;
                gx[b * n + i] += Kernels.dot(gMix, g, ws.spectra, e, channels);
                if (ws.active[b * n + i]) {
                    double xi = x[b * n + i];
                    int p = b * total + models.offset(i);
                    ws.evaluator.evaluateWithGradient(models.layout(i), params, p, Quantity.EMISSIVITY,
                            ws.scratch, 0, gMix, g, gParams, p);
                    int count = models.parameterCount(i);
                    for (int j = 0; j < count; j++) {
                        gParams[p + j] *= xi;
                    }
                }
            }
        }
    }

    /** Per-thread state: an evaluator and the mineral spectra of the last forward pass. */
    final class Workspace {
        private final DispersionEvaluator evaluator;
        private final double[] spectra;
        private final boolean[] active;
        private final double[] scratch;

        Workspace(int maxBatch) {
            evaluator = new DispersionEvaluator(axis);
            spectra = new double[maxBatch * models.size() * channels];
            active = new boolean[maxBatch * models.size()];
            scratch = new double[channels];
        }

        boolean isActive(int sample, int mineral) {
            return active[sample * models.size() + mineral];
        }

        /** Spectrum of mineral {@code i} in sample {@code b} from the last forward pass. */
        void copySpectrum(int b, int i, double[] out) {
            System.arraycopy(spectra, (b * models.size() + i) * channels, out, 0, channels);
        }
    }
}
