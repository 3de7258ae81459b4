package dev.oscilla.learn;

import java.util.SplittableRandom;

/**
 * The inverse-rendering network of DESIGN.md section 3: a convolutional trunk reads the encoded spectrum
 * ({@link SpectrumEncoder}), a softmax head predicts the abundance of every rendered mineral, a sigmoid-box head
 * every mineral's dispersion parameters ({@link ParameterHead}), and the physics layer ({@link MixtureRenderer})
 * renders the mixture they describe; the loss ({@link MixtureLoss}) compares it with the input spectrum.
 *
 * <p>All weights live in one flat vector: {@code [trunk | abundance head | parameter head]}. The network object is
 * immutable and shared; each thread owns a {@link Workspace} holding every buffer of a micro-batch, so forward and
 * backward passes allocate nothing.
 */
final class InverseRenderNetwork {

    private final Architecture architecture;
    private final EndmemberModels models;
    private final double[] axis;
    private final Sequential trunk;
    private final Dense abundanceHead;
    private final ParameterHead parameterHead;
    private final MixtureRenderer renderer;
    private final int abundanceOffset;
    private final int parameterOffset;
    private final int weightCount;

    InverseRenderNetwork(Architecture architecture, EndmemberModels models, double[] axis) {
        this.architecture = architecture;
        this.models = models;
        this.axis = axis.clone();
        this.trunk = architecture.trunk(axis.length);
        int features = architecture.featureWidth();
        // Small initial weights: the abundance logits start near zero (a uniform mixture).
        this.abundanceHead = new Dense(features, models.size(), 0.1);
        this.parameterHead = new ParameterHead(models, features);
        this.renderer = new MixtureRenderer(models, axis);
        this.abundanceOffset = trunk.parameterCount();
        this.parameterOffset = abundanceOffset + abundanceHead.parameterCount();
        this.weightCount = parameterOffset + parameterHead.parameterCount();
    }

    Architecture architecture() {
        return architecture;
    }

    EndmemberModels models() {
        return models;
    }

    int channels() {
        return axis.length;
    }

    double[] axisView() {
        return axis;
    }

    MixtureRenderer renderer() {
        return renderer;
    }

    int weightCount() {
        return weightCount;
    }

    /** Offset in the weight vector of the abundance head's biases (one per rendered mineral). */
    int abundanceBiasOffset() {
        return abundanceHead.biasOffset(abundanceOffset);
    }

    String describe() {
        return trunk.describe() + " > heads(abundance softmax " + models.size() + ", parameters sigmoid-box "
                + models.totalParameters() + ") > physics(" + models.size() + " minerals, " + axis.length
                + " channels)";
    }

    double[] initialWeights(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[weightCount];
        trunk.initialise(w, 0, random);
        abundanceHead.initialise(w, abundanceOffset, random);
        parameterHead.initialise(w, parameterOffset, random);
        return w;
    }

    /**
     * Forward pass of the {@code batch} samples whose encoded spectra are in {@code ws.input}: abundances
     * ({@code ws.x}), parameters ({@code ws.params}) and the rendered mineral mixture ({@code ws.mix}). Minerals
     * with abundance below {@code threshold} keep their library parameters (see {@link MixtureRenderer}).
     */
    void forward(double[] w, int batch, double threshold, Workspace ws) {
        check(batch, ws);
        int n = models.size();
        ws.features = trunk.forward(w, 0, ws.input, batch, ws.trunk);
        abundanceHead.forward(w, abundanceOffset, ws.features, ws.logits, batch, ws.abundanceScratch);
        Softmax.forward(ws.logits, ws.x, n, batch);
        renderer.markLive(ws.x, batch, threshold, ws.render);
        parameterHead.forward(w, parameterOffset, ws.features, ws.sig, ws.params, batch, ws.render);
        renderer.forward(ws.params, ws.x, ws.mix, batch, ws.render);
    }

    /**
     * After {@link #forward}: evaluates the loss of every sample against {@code ws.target}/{@code ws.truth},
     * back-propagates it and adds the gradient of the summed loss into {@code gradient}. Returns the summed loss;
     * the summed unweighted terms are added into {@code ws.parts}.
     *
     * @param labelled whether {@code ws.truth} holds true abundances (else only the spectral term is used)
     */
    double backward(double[] w, int batch, MixtureLoss loss, boolean labelled, double[] gradient, Workspace ws) {
        check(batch, ws);
        int n = models.size();
        double total = 0;
        for (int b = 0; b < batch; b++) {
            total += loss.evaluate(b, ws.mix, ws.x, ws.target, ws.valid, ws.sigma[b], labelled ? ws.truth : null,
                    ws.gMix, ws.gx, ws.parts, ws.groupScratch);
        }
        renderer.backward(ws.params, ws.x, ws.gMix, ws.gx, ws.gParams, batch, ws.render);
        Softmax.backward(ws.x, ws.gx, ws.gLogits, n, batch);
        abundanceHead.backward(w, abundanceOffset, ws.features, ws.logits, ws.gLogits, ws.gH, gradient, batch,
                ws.abundanceScratch);
        parameterHead.backward(w, parameterOffset, ws.features, ws.sig, ws.gParams, ws.render, ws.gz, ws.gH,
                gradient, batch);
        trunk.backward(w, 0, ws.input, ws.gH, null, gradient, batch, ws.trunk);
        return total;
    }

    /** After {@link #forward}: the summed loss without back-propagation (terms added into {@code ws.parts}). */
    double loss(int batch, MixtureLoss loss, boolean labelled, Workspace ws) {
        check(batch, ws);
        double total = 0;
        for (int b = 0; b < batch; b++) {
            total += loss.evaluate(b, ws.mix, ws.x, ws.target, ws.valid, ws.sigma[b], labelled ? ws.truth : null,
                    ws.gMix, ws.gx, ws.parts, ws.groupScratch);
        }
        return total;
    }

    private static void check(int batch, Workspace ws) {
        if (batch < 1 || batch > ws.maxBatch) {
            throw new IllegalArgumentException("batch of " + batch + " in a workspace for " + ws.maxBatch);
        }
    }

    Workspace newWorkspace(int maxBatch) {
        return new Workspace(maxBatch);
    }

    /** Every buffer of one micro-batch; confined to one thread. Public fields keep the hot loops plain. */
    final class Workspace {
        final int maxBatch;
        final Sequential.Workspace trunk;
        final MixtureRenderer.Workspace render;
        /** Encoded spectra (network input), {@code maxBatch x channels}. */
        final double[] input;
        /** Measured (or synthetic) emissivity the loss compares with, {@code maxBatch x channels}. */
        final double[] target;
        /** 1 for valid channels, 0 for masked ones, {@code maxBatch x channels}. */
        final double[] valid;
        /** Contrast (RMS of 1 - E) of each sample. */
        final double[] sigma;
        /** True abundances per rendered mineral, {@code maxBatch x minerals}. */
        final double[] truth;
        final double[] logits;
        final double[] x;
        final double[] sig;
        final double[] params;
        final double[] mix;
        final double[] gMix;
        final double[] gx;
        final double[] gLogits;
        final double[] gH;
        final double[] gParams;
        final double[] gz;
        final double[] parts = new double[MixtureLoss.PARTS];
        final double[] groupScratch;
        final Layer.Scratch abundanceScratch;
        double[] features;

        private Workspace(int maxBatch) {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("micro-batch must be >= 1");
            }
            this.maxBatch = maxBatch;
            int c = axis.length;
            int n = models.size();
            int p = models.totalParameters();
            int f = architecture.featureWidth();
            trunk = InverseRenderNetwork.this.trunk.new Workspace(maxBatch);
            render = renderer.new Workspace(maxBatch);
            input = new double[maxBatch * c];
            target = new double[maxBatch * c];
            valid = new double[maxBatch * c];
            sigma = new double[maxBatch];
            truth = new double[maxBatch * n];
            logits = new double[maxBatch * n];
            x = new double[maxBatch * n];
            sig = new double[maxBatch * p];
            params = new double[maxBatch * p];
            mix = new double[maxBatch * c];
            gMix = new double[maxBatch * c];
            gx = new double[maxBatch * n];
            gLogits = new double[maxBatch * n];
            gH = new double[maxBatch * f];
            gParams = new double[maxBatch * p];
            gz = new double[maxBatch * p];
            groupScratch = new double[models.groups().size()];
            abundanceScratch = abundanceHead.newScratch(maxBatch);
        }

        /** Loads sample {@code b}: emissivity with validity weights, encodes it; truth may be null. */
        void load(int b, double[] emissivity, double[] validity, double[] abundances) {
            int c = axis.length;
            System.arraycopy(emissivity, 0, target, b * c, c);
            System.arraycopy(validity, 0, valid, b * c, c);
            sigma[b] = SpectrumEncoder.encode(target, valid, b * c, c, input, b * c);
            if (abundances != null) {
                System.arraycopy(abundances, 0, truth, b * models.size(), models.size());
            }
        }
    }
}
