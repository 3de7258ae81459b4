package dev.oscilla.learn;

/**
 * The training loss of one sample and its gradient with respect to the rendered mineral mixture M and the
 * predicted abundances x.
 *
 * <p>The measured spectrum b is modelled as {@code R = (1 - s) + s M}: a blackbody fraction {@code 1 - s} (E = 1)
 * plus the mineral mixture at fraction s. s is not predicted but solved in closed form, the least-squares optimum
 * {@code s = <1 - b, 1 - M> / |1 - M|^2} clamped to [0, 1] (no negative blackbody, as in FCLS). Because s is
 * optimal (or held at a bound), dL/ds = 0 (or s is locally constant), so the total derivative of the loss with
 * respect to M equals the partial one: no term through s is needed, exactly.
 *
 * <pre>
 *   loss = w_spec  * mean over valid channels of ((R - b) / sigma)^2      spectral MSE, contrast-normalised
 *        + w_abund * sum_i (x_i - t_i)^2                                  abundance squared error
 *        + w_group * sum_g (X_g - T_g)^2                                  the same per mineral group
 * </pre>
 * sigma is the RMS of {@code 1 - b} (the spectral contrast; see {@link SpectrumEncoder}), so every sample weighs
 * alike whatever its blackbody fraction; t are the true abundances of the minerals without blackbody (sum 1);
 * the group term is the training counterpart of the squared error the project scores (data/README.md).
 */
final class MixtureLoss {

    /**
     * Loss weights.
     *
     * @param spectral  weight of the contrast-normalised spectral MSE
     * @param abundance weight of the per-mineral abundance squared error
     * @param group     weight of the per-group abundance squared error
     */
    record Weights(double spectral, double abundance, double group) {
        Weights {
            if (!(spectral >= 0) || !(abundance >= 0) || !(group >= 0)) {
                throw new IllegalArgumentException("loss weights must be >= 0");
            }
        }
    }

    /** Index of the spectral, abundance and group terms (unweighted) in the parts array. */
    static final int SPECTRAL = 0;
    static final int ABUNDANCE = 1;
    static final int GROUP = 2;
    static final int PARTS = 3;

    private final EndmemberModels models;
    private final Weights weights;
    private final int channels;

    MixtureLoss(EndmemberModels models, int channels, Weights weights) {
        this.models = models;
        this.weights = weights;
        this.channels = channels;
    }

    Weights weights() {
        return weights;
    }

    /**
     * The mineral fraction s of the closed-form fit of {@code b} by {@code (1 - s) + s M} over the channels with
     * {@code valid != 0}.
     */
    static double mineralFraction(double[] mix, int mOffset, double[] b, int bOffset, double[] valid,
                                  int vOffset, int channels) {
        double num = 0;
        double den = 0;
        for (int c = 0; c < channels; c++) {
            double w = valid[vOffset + c];
            double dm = 1 - mix[mOffset + c];
            num += w * (1 - b[bOffset + c]) * dm;
            den += w * dm * dm;
        }
        if (!(den > 1e-300)) {
            return 1.0; // a flat mixture: any s fits equally; report no blackbody
        }
        return Math.max(0.0, Math.min(1.0, num / den));
    }

    /**
     * Loss of sample {@code b} of a batch. Writes dL/dM into {@code gMix[b]} and dL/dx into {@code gx[b]}
     * (overwriting both), the unweighted terms into {@code parts[0..2]} (added), and returns the weighted loss.
     *
     * @param truth      true abundances per rendered mineral, or null to skip the abundance terms (unlabelled data)
     * @param groupScratch at least {@code groups().size()} doubles of scratch space
     */
    double evaluate(int b, double[] mix, double[] x, double[] target, double[] valid, double sigma,
                    double[] truth, double[] gMix, double[] gx, double[] parts, double[] groupScratch) {
        int n = models.size();
        int mo = b * channels;
        double s = mineralFraction(mix, mo, target, mo, valid, mo, channels);
        int nValid = 0;
        double ss = 0;
        double invSigma2 = 1.0 / (sigma * sigma);
        for (int c = 0; c < channels; c++) {
            double w = valid[mo + c];
            double r = (1 - s + s * mix[mo + c]) - target[mo + c];
            ss += w * r * r;
            nValid += w != 0 ? 1 : 0;
            gMix[mo + c] = w * r; // scaled below
        }
        double spectral = nValid == 0 ? 0 : ss * invSigma2 / nValid;
        double gScale = nValid == 0 ? 0 : weights.spectral() * 2 * s * invSigma2 / nValid;
        for (int c = 0; c < channels; c++) {
            gMix[mo + c] *= gScale;
        }
        double loss = weights.spectral() * spectral;
        parts[SPECTRAL] += spectral;
        int xo = b * n;
        for (int i = 0; i < n; i++) {
            gx[xo + i] = 0;
        }
        if (truth != null) {
            double ab = 0;
            for (int i = 0; i < n; i++) {
                double d = x[xo + i] - truth[xo + i];
                ab += d * d;
                gx[xo + i] = 2 * weights.abundance() * d;
            }
            int groups = models.groups().size();
            double[] diff = groupScratch;
            java.util.Arrays.fill(diff, 0, groups, 0.0);
            for (int i = 0; i < n; i++) {
                diff[models.groupOf(i)] += x[xo + i] - truth[xo + i];
            }
            double gr = 0;
            for (int g = 0; g < groups; g++) {
                gr += diff[g] * diff[g];
            }
            for (int i = 0; i < n; i++) {
                gx[xo + i] += 2 * weights.group() * diff[models.groupOf(i)];
            }
            loss += weights.abundance() * ab + weights.group() * gr;
            parts[ABUNDANCE] += ab;
            parts[GROUP] += gr;
        }
        return loss;
    }
}
