package dev.oscilla.learn;

import java.util.SplittableRandom;

/**
 * The per-mineral parameter heads: one dense map from the shared features to every parameter of every rendered
 * mineral (the concatenated vector of {@link EndmemberModels}), each squashed by a sigmoid into its box:
 * {@code Lambda_j = lo_j + (hi_j - lo_j) * sigmoid(z_j)} (as the published code scales its sigmoid outputs). A
 * parameter whose box is a single point stays there.
 *
 * <p>The biases start at the logit of each library value's position in its box and the weights small, so an
 * untrained network predicts the library parameters. Weights are stored input-major as in {@link Dense}.
 * Backward touches only the minerals flagged live by the physics layer (the others receive no gradient), which
 * keeps its cost proportional to the few minerals a sample holds.
 */
final class ParameterHead {

    /** Initial weights are this fraction of He-uniform: the heads start near the library parameters. */
    private static final double INIT_SCALE = 0.01;
    /** Initial biases are clamped to +-this logit (a library value on the edge of its box). */
    private static final double MAX_INITIAL_LOGIT = 4.0;

    private final EndmemberModels models;
    private final int in;
    private final int out;

    ParameterHead(EndmemberModels models, int in) {
        this.models = models;
        this.in = in;
        this.out = models.totalParameters();
    }

    int parameterCount() {
        return in * out + out;
    }

    void initialise(double[] w, int offset, SplittableRandom random) {
        double bound = INIT_SCALE * Math.sqrt(6.0 / in);
        for (int i = 0; i < in * out; i++) {
            w[offset + i] = bound * (2 * random.nextDouble() - 1);
        }
        double[] ref = models.referenceView();
        double[] lo = models.lowerView();
        double[] hi = models.upperView();
        int bias = offset + in * out;
        for (int j = 0; j < out; j++) {
            double width = hi[j] - lo[j];
            double logit = 0;
            if (width > 0) {
                double u = (ref[j] - lo[j]) / width;
                u = Math.min(1 - 1e-6, Math.max(1e-6, u));
                logit = Math.log(u / (1 - u));
            }
            w[bias + j] = Math.max(-MAX_INITIAL_LOGIT, Math.min(MAX_INITIAL_LOGIT, logit));
        }
    }

    /**
     * {@code sig[b] = sigmoid(W h[b] + bias)} and {@code params[b] = lo + (hi - lo) sig[b]} for the minerals flagged
     * live in {@code live}; the others get their library parameters (the physics layer renders them from its
     * precomputed library spectra and they receive no gradient, so their heads need not run). Runs only over the
     * live minerals' outputs: a few percent of the head once training has made the abundances sparse.
     */
    void forward(double[] w, int offset, double[] h, double[] sig, double[] params, int batch,
                 MixtureRenderer.Workspace live) {
        int n = models.size();
        int bias = offset + in * out;
        double[] ref = models.referenceView();
        for (int b = 0; b < batch; b++) {
            int zb = b * out;
            for (int m = 0; m < n; m++) {
                int from = models.offset(m);
                int count = models.parameterCount(m);
                if (live.isActive(b, m)) {
                    System.arraycopy(w, bias + from, sig, zb + from, count);
                } else {
                    System.arraycopy(ref, from, params, zb + from, count);
                }
            }
        }
        for (int i = 0; i < in; i++) {
            int row = offset + i * out;
            for (int b = 0; b < batch; b++) {
                double hi = h[b * in + i];
                if (hi == 0) {
                    continue;
                }
                int zb = b * out;
                for (int m = 0; m < n; m++) {
                    if (live.isActive(b, m)) {
                        int from = models.offset(m);
                        int to = from + models.parameterCount(m);
                        for (int j = from; j < to; j++) {
                            sig[zb + j] += hi * w[row + j];
                        }
                    }
                }
            }
        }
        double[] lo = models.lowerView();
        double[] up = models.upperView();
        for (int b = 0; b < batch; b++) {
            int zb = b * out;
            for (int m = 0; m < n; m++) {
                if (!live.isActive(b, m)) {
                    continue;
                }
                int from = models.offset(m);
                int to = from + models.parameterCount(m);
                for (int j = from; j < to; j++) {
                    double s = 1.0 / (1.0 + Math.exp(-sig[zb + j]));
                    sig[zb + j] = s;
                    params[zb + j] = lo[j] + (up[j] - lo[j]) * s;
                }
            }
        }
    }

    /**
     * Given dL/dParams for the live minerals, adds dL/dh into {@code gH} and the weight gradients into
     * {@code gW[offset ...]}. {@code gz} is scratch of the size of {@code params}.
     */
    void backward(double[] w, int offset, double[] h, double[] sig, double[] gParams, MixtureRenderer.Workspace live,
                  double[] gz, double[] gH, double[] gW, int batch) {
        int n = models.size();
        double[] lo = models.lowerView();
        double[] up = models.upperView();
        int bias = offset + in * out;
        for (int b = 0; b < batch; b++) {
            int zb = b * out;
            for (int m = 0; m < n; m++) {
                if (!live.isActive(b, m)) {
                    continue;
                }
                int from = models.offset(m);
                int to = from + models.parameterCount(m);
                for (int j = from; j < to; j++) {
                    double s = sig[zb + j];
                    double g = gParams[zb + j] * (up[j] - lo[j]) * s * (1 - s);
                    gz[zb + j] = g;
                    gW[bias + j] += g;
                }
            }
        }
        for (int i = 0; i < in; i++) {
            int row = offset + i * out;
            for (int b = 0; b < batch; b++) {
                int zb = b * out;
                double hi = h[b * in + i];
                double acc = 0;
                for (int m = 0; m < n; m++) {
                    if (!live.isActive(b, m)) {
                        continue;
                    }
                    int from = models.offset(m);
                    int count = models.parameterCount(m);
                    acc += Kernels.dot(w, row + from, gz, zb + from, count);
                    if (hi != 0) {
                        for (int j = from; j < from + count; j++) {
                            gW[row + j] += hi * gz[zb + j];
                        }
                    }
                }
                gH[b * in + i] += acc;
            }
        }
    }
}
