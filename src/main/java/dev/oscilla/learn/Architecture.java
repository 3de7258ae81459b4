package dev.oscilla.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * The network's shape: a stack of 1-D convolutions (each followed by the rectifier and, where marked, a max-pool),
 * then dense layers (each followed by the rectifier), then the per-mineral heads. Recorded in model files.
 *
 * @param convChannels output channels of each convolution (the input has one channel)
 * @param convKernels  kernel width of each convolution
 * @param poolAfter    whether a max-pool follows each convolution
 * @param poolSize     max-pool window (and stride)
 * @param denseWidths  widths of the dense layers
 * @param leakySlope   negative-side slope of the rectifier (0: ReLU)
 */
public record Architecture(List<Integer> convChannels, List<Integer> convKernels, List<Boolean> poolAfter,
                           int poolSize, List<Integer> denseWidths, double leakySlope) {

    /**
     * The published InfraRender network (Janiczek et al. 2020, {@code InfraRender/inverse_render.py}): four
     * convolutions 1->3->6->12->24 channels with kernels 5, 4, 5, 4, max-pools of 2 after the last two, two dense
     * layers of 150, ReLU.
     */
    public static final Architecture PUBLISHED = new Architecture(List.of(3, 6, 12, 24), List.of(5, 4, 5, 4),
            List.of(false, false, true, true), 2, List.of(150, 150), 0.0);

    public Architecture {
        convChannels = List.copyOf(convChannels);
        convKernels = List.copyOf(convKernels);
        poolAfter = List.copyOf(poolAfter);
        denseWidths = List.copyOf(denseWidths);
        if (convChannels.size() != convKernels.size() || convChannels.size() != poolAfter.size()) {
            throw new IllegalArgumentException("one kernel and one pool flag per convolution expected");
        }
        if (denseWidths.isEmpty()) {
            throw new IllegalArgumentException("at least one dense layer is needed before the heads");
        }
        for (int c : convChannels) {
            positive(c, "convolution channels");
        }
        for (int k : convKernels) {
            positive(k, "kernel width");
        }
        for (int d : denseWidths) {
            positive(d, "dense width");
        }
        positive(poolSize, "pool size");
        if (!(leakySlope >= 0) || leakySlope >= 1) {
            throw new IllegalArgumentException("leaky slope must be in [0, 1), got " + leakySlope);
        }
    }

    private static void positive(int v, String what) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + v);
        }
    }

    /** Width of the shared feature vector the heads read. */
    public int featureWidth() {
        return denseWidths.get(denseWidths.size() - 1);
    }

    /** The convolution and dense trunk for an input of {@code channels} spectral channels. */
    Sequential trunk(int channels) {
        List<Layer> layers = new ArrayList<>();
        int width = 1;
        int length = channels;
        for (int l = 0; l < convChannels.size(); l++) {
            Conv1d conv = new Conv1d(width, convChannels.get(l), convKernels.get(l), length);
            layers.add(conv);
            width = conv.outChannels();
            length = conv.outLength();
            layers.add(new Activation(width * length, leakySlope));
            if (poolAfter.get(l)) {
                if (length < poolSize) {
                    throw new IllegalArgumentException("input of " + channels + " channels is too short for "
                            + this);
                }
                MaxPool1d pool = new MaxPool1d(width, length, poolSize);
                layers.add(pool);
                length = pool.outLength();
            }
        }
        int features = width * length;
        for (int d : denseWidths) {
            layers.add(new Dense(features, d));
            layers.add(new Activation(d, leakySlope));
            features = d;
        }
        return new Sequential(layers);
    }
}
