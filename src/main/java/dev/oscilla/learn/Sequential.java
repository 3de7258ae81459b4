package dev.oscilla.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A chain of layers whose weights occupy consecutive slices of one weight vector. Immutable; the activations of
 * a call live in a {@link Workspace} (one per thread).
 */
final class Sequential {

    private final List<Layer> layers;
    private final int[] offsets;
    private final int parameterCount;

    Sequential(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("empty network");
        }
        this.layers = List.copyOf(layers);
        this.offsets = new int[layers.size()];
        int offset = 0;
        for (int l = 0; l < layers.size(); l++) {
            if (l > 0 && layers.get(l).inputSize() != layers.get(l - 1).outputSize()) {
                throw new IllegalArgumentException("layer " + l + " (" + layers.get(l).describe() + ") takes "
                        + layers.get(l).inputSize() + " values, the previous layer gives "
                        + layers.get(l - 1).outputSize());
            }
            offsets[l] = offset;
            offset += layers.get(l).parameterCount();
        }
        this.parameterCount = offset;
    }

    int parameterCount() {
        return parameterCount;
    }

    int inputSize() {
        return layers.get(0).inputSize();
    }

    int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    List<Layer> layers() {
        return layers;
    }

    void initialise(double[] weights, int offset, SplittableRandom random) {
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).initialise(weights, offset + offsets[l], random);
        }
    }

    /** Runs the chain; returns the workspace array holding the output (valid until the next call). */
    double[] forward(double[] weights, int offset, double[] input, int batch, Workspace ws) {
        double[] x = input;
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).forward(weights, offset + offsets[l], x, ws.activations[l], batch, ws.scratch[l]);
            x = ws.activations[l];
        }
        return x;
    }

    /**
     * Back-propagates {@code outputGradient} through the chain after {@link #forward} with the same input and
     * workspace; adds weight gradients into {@code gradient[offset ...]} and, when {@code inputGradient} is
     * non-null, writes dLoss/dInput there.
     */
    void backward(double[] weights, int offset, double[] input, double[] outputGradient, double[] inputGradient,
                  double[] gradient, int batch, Workspace ws) {
        double[] gOut = outputGradient;
        int last = layers.size() - 1;
        for (int l = last; l >= 0; l--) {
            double[] in = l == 0 ? input : ws.activations[l - 1];
            double[] gIn = l == 0 ? inputGradient : ws.gradients[l & 1];
            layers.get(l).backward(weights, offset + offsets[l], in, ws.activations[l], gOut, gIn, gradient, batch,
                    ws.scratch[l]);
            gOut = gIn;
        }
    }

    String describe() {
        List<String> parts = new ArrayList<>();
        for (Layer l : layers) {
            parts.add(l.describe());
        }
        return String.join(" > ", parts);
    }

    /** Per-thread activation and gradient buffers for micro-batches of up to {@code maxBatch} samples. */
    final class Workspace {
        private final double[][] activations;
        private final double[][] gradients;
        private final Layer.Scratch[] scratch;

        Workspace(int maxBatch) {
            activations = new double[layers.size()][];
            scratch = new Layer.Scratch[layers.size()];
            int widest = 0;
            for (int l = 0; l < layers.size(); l++) {
                activations[l] = new double[maxBatch * layers.get(l).outputSize()];
                scratch[l] = layers.get(l).newScratch(maxBatch);
                widest = Math.max(widest, layers.get(l).inputSize());
            }
            // Two alternating buffers suffice: layer l writes the gradient layer l-1 reads next.
            gradients = new double[][] {new double[maxBatch * widest], new double[maxBatch * widest]};
        }
    }
}
