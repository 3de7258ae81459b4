package dev.oscilla.learn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One-dimensional "valid" convolution (stride 1, no padding), as PyTorch's {@code Conv1d}: input
 * {@code [inChannels][length]}, output {@code [outChannels][length - kernel + 1]},
 * {@code out[o][t] = bias[o] + sum_{c,k} w[o][c][k] * in[c][t + k]}. Weights are stored {@code [o][c][k]}, then
 * the {@code outChannels} biases.
 *
 * <p>Loops run over positions innermost (contiguous runs of ~800 doubles) so the JIT can vectorise the axpy
 * forms; the weight gradient is a dot product per tap, kept in four independent partial sums.
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
    public void forward(double[] w, int offset, double[] in, double[] out, int batch) {
        int biasOffset = offset + outChannels * inChannels * kernel;
        int inSize = inputSize();
        int outSize = outputSize();
        final int len = outLength;
        for (int b = 0; b < batch; b++) {
            int inBase = b * inSize;
            for (int o = 0; o < outChannels; o++) {
                int ob = b * outSize + o * len;
                Arrays.fill(out, ob, ob + len, w[biasOffset + o]);
                for (int c = 0; c < inChannels; c++) {
                    int wBase = offset + (o * inChannels + c) * kernel;
                    int ib = inBase + c * inLength;
                    for (int k = 0; k < kernel; k++) {
                        double wk = w[wBase + k];
                        int ik = ib + k;
                        for (int t = 0; t < len; t++) {
                            out[ob + t] += wk * in[ik + t];
                        }
                    }
                }
            }
        }
    }

    @Override
    public void backward(double[] w, int offset, double[] in, double[] out, double[] gOut, double[] gIn,
                         double[] gW, int batch) {
        int biasOffset = offset + outChannels * inChannels * kernel;
        int inSize = inputSize();
        int outSize = outputSize();
        final int len = outLength;
        if (gIn != null) {
            Arrays.fill(gIn, 0, batch * inSize, 0.0);
        }
        for (int b = 0; b < batch; b++) {
            int inBase = b * inSize;
            for (int o = 0; o < outChannels; o++) {
                int gb = b * outSize + o * len;
                gW[biasOffset + o] += sum(gOut, gb, len);
                for (int c = 0; c < inChannels; c++) {
                    int wBase = offset + (o * inChannels + c) * kernel;
                    int ib = inBase + c * inLength;
                    for (int k = 0; k < kernel; k++) {
                        gW[wBase + k] += dot(gOut, gb, in, ib + k, len);
                    }
                    if (gIn != null) {
                        for (int k = 0; k < kernel; k++) {
                            double wk = w[wBase + k];
                            int ik = ib + k;
                            for (int t = 0; t < len; t++) {
                                gIn[ik + t] += wk * gOut[gb + t];
                            }
                        }
                    }
                }
            }
        }
    }

    static double sum(double[] a, int from, int n) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 += a[from + i];
            s1 += a[from + i + 1];
        }
        if (i < n) {
            s0 += a[from + i];
        }
        return s0 + s1;
    }

    /** Dot product with four independent partial sums (FP additions cannot be reordered by the JIT). */
    static double dot(double[] a, int aFrom, double[] b, int bFrom, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[aFrom + i] * b[bFrom + i];
            s1 += a[aFrom + i + 1] * b[bFrom + i + 1];
            s2 += a[aFrom + i + 2] * b[bFrom + i + 2];
            s3 += a[aFrom + i + 3] * b[bFrom + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aFrom + i] * b[bFrom + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public String describe() {
        return "conv1d(" + inChannels + "->" + outChannels + ", k" + kernel + ")";
    }
}
