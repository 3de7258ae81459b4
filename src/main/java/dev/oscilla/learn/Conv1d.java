package dev.oscilla.learn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One-dimensional "valid" convolution (stride 1, no padding), as PyTorch's {@code Conv1d}: input
 * {@code [inChannels][length]}, output {@code [outChannels][length - kernel + 1]},
 * {@code out[o][t] = bias[o] + sum_{c,k} w[o][c][k] * in[c][t + k]}. Weights are stored {@code [o][c][k]}, then
 * the {@code outChannels} biases.
 *
 * <p>Loops run over positions innermost (contiguous runs of ~800 doubles), staged in zero-offset rows so the JIT
 * vectorises the multiply-adds ({@link Kernels}); the weight gradient is a dot product per tap.
 */
final class Conv1d implements Layer {

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int inLength;
    private final int outLength;

    Conv1d(int inChannels, int outChannels, int kernel, int inLength) {
        if (inChannels < 1 || outChannels < 1 || kernel < 1) {
            throw new IllegalArgumentException("convolution needs positive channel counts and kernel");
        }
        if (inLength < kernel) {
            throw new IllegalArgumentException("input of length " + inLength + " is shorter than the kernel "
                    + kernel);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.inLength = inLength;
        this.outLength = inLength - kernel + 1;
    }

    int outChannels() {
        return outChannels;
    }

    int outLength() {
        return outLength;
    }

    @Override
    public int inputSize() {
        return inChannels * inLength;
    }

    @Override
    public int outputSize() {
        return outChannels * outLength;
    }

    @Override
    public int parameterCount() {
        return outChannels * inChannels * kernel + outChannels;
    }

    @Override
    public void initialise(double[] weights, int offset, SplittableRandom random) {
        // He (Kaiming) uniform for ReLU networks: U(-b, b) with b = sqrt(6 / fan_in); biases zero.
        double bound = Math.sqrt(6.0 / (inChannels * kernel));
        int n = outChannels * inChannels * kernel;
        for (int i = 0; i < n; i++) {
            weights[offset + i] = bound * (2 * random.nextDouble() - 1);
        }
        Arrays.fill(weights, offset + n, offset + n + outChannels, 0.0);
    }

    @Override
    public Scratch newScratch(int maxBatch) {
        return new Rows(outChannels, outLength);
    }

    /** Zero-offset rows: one per output channel, a shifted input run, a gradient accumulator. */
    private static final class Rows implements Scratch {
        final double[][] channel;
        final double[] shifted;
        final double[] accumulated;

        Rows(int channels, int length) {
            channel = new double[channels][length];
            shifted = new double[length];
            accumulated = new double[length];
        }
    }

    @Override
    public void forward(double[] w, int offset, double[] in, double[] out, int batch, Scratch scratch) {
        Rows rows = (Rows) scratch;
        int biasOffset = offset + outChannels * inChannels * kernel;
        int inSize = inputSize();
        int outSize = outputSize();
        final int len = outLength;
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outChannels; o++) {
                Arrays.fill(rows.channel[o], w[biasOffset + o]);
            }
            for (int c = 0; c < inChannels; c++) {
                int ib = b * inSize + c * inLength;
                for (int k = 0; k < kernel; k++) {
                    // the input run seen by tap k, staged at offset 0 for the vectorised kernel
                    System.arraycopy(in, ib + k, rows.shifted, 0, len);
                    for (int o = 0; o < outChannels; o++) {
                        Kernels.axpy(w[offset + (o * inChannels + c) * kernel + k], rows.shifted, rows.channel[o],
                                len);
                    }
                }
            }
            for (int o = 0; o < outChannels; o++) {
                System.arraycopy(rows.channel[o], 0, out, b * outSize + o * len, len);
            }
        }
    }

    @Override
    public void backward(double[] w, int offset, double[] in, double[] out, double[] gOut, double[] gIn,
                         double[] gW, int batch, Scratch scratch) {
        Rows rows = (Rows) scratch;
        int biasOffset = offset + outChannels * inChannels * kernel;
        int inSize = inputSize();
        int outSize = outputSize();
        final int len = outLength;
        if (gIn != null) {
            Arrays.fill(gIn, 0, batch * inSize, 0.0);
        }
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outChannels; o++) {
                System.arraycopy(gOut, b * outSize + o * len, rows.channel[o], 0, len);
                gW[biasOffset + o] += Kernels.sum(rows.channel[o], 0, len);
            }
            for (int c = 0; c < inChannels; c++) {
                int ib = b * inSize + c * inLength;
                for (int k = 0; k < kernel; k++) {
                    System.arraycopy(in, ib + k, rows.shifted, 0, len);
                    if (gIn != null) {
                        Arrays.fill(rows.accumulated, 0.0);
                    }
                    for (int o = 0; o < outChannels; o++) {
                        int wi = offset + (o * inChannels + c) * kernel + k;
                        gW[wi] += Kernels.dot(rows.channel[o], 0, rows.shifted, 0, len);
                        if (gIn != null) {
                            Kernels.axpy(w[wi], rows.channel[o], rows.accumulated, len);
                        }
                    }
                    if (gIn != null) {
                        Kernels.addInto(rows.accumulated, gIn, ib + k, len);
                    }
                }
            }
        }
    }

    @Override
    public String describe() {
        return "conv1d(" + inChannels + "->" + outChannels + ", k" + kernel + ")";
    }
}
