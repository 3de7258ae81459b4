package dev.oscilla.learn;

import java.util.SplittableRandom;

/**
 * A differentiable map applied to a micro-batch of samples. Tensors are flat {@code double[]}: sample b of a
 * batch occupies {@code [b * size, (b + 1) * size)}; a layer's trainable weights live in one slice
 * {@code [offset, offset + parameterCount())} of the network's single weight vector, and so do their gradients,
 * so the optimiser, the reduction over threads and the model file all work on one flat array.
 *
 * <p>Layers are immutable: per-call buffers come in as arguments (the tensors, and a per-thread {@link Scratch}
 * from {@link #newScratch}), so one layer object serves all threads. {@link #backward} recomputes whatever it
 * needs from the forward input and output.
 */
interface Layer {

    /** Per-thread scratch space of a layer (zero-offset rows for the vectorised kernels). */
    interface Scratch {
    }

    /** Values per sample going in. */
    int inputSize();

    /** Values per sample coming out. */
    int outputSize();

    /** Trainable weights of this layer. */
    int parameterCount();

    /** Writes initial weights into {@code weights[offset ...]}. */
    void initialise(double[] weights, int offset, SplittableRandom random);

    /** Scratch for micro-batches of up to {@code maxBatch} samples; null when the layer needs none. */
    default Scratch newScratch(int maxBatch) {
        return null;
    }

    /** {@code output = f(input)} for {@code batch} samples. */
    void forward(double[] weights, int offset, double[] input, double[] output, int batch, Scratch scratch);

    /**
     * Backward pass for {@code batch} samples: overwrites {@code inputGradient} (dLoss/dInput; may be null when
     * not needed) and adds dLoss/dWeights into {@code weightGradient[offset ...]}.
     */
    void backward(double[] weights, int offset, double[] input, double[] output, double[] outputGradient,
                  double[] inputGradient, double[] weightGradient, int batch, Scratch scratch);

    /** Short description for logs and model files, e.g. {@code conv1d(1->3, k5)}. */
    String describe();
}
