package dev.oscilla.learn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fully connected layer {@code out = W in + bias}. The weights are stored input-major ({@code [in][out]}, i.e.
 * W transposed), then the biases, so the forward pass and the weight gradient are axpy loops over the outputs
 * (vectorisable) and each weight row is read once per micro-batch rather than once per sample; zero inputs (half
 * of them after a ReLU) are skipped.
 */
final class Dense implements Layer {

    private final int in;
    private final int out;
    private final double initScale;

    /**
     * @param initScale multiplies the He-uniform initial weights (1 for hidden layers; smaller for output heads
     *                  that should start close to their bias)
     */
    Dense(int in, int out, double initScale) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("dense layer needs positive sizes, got " + in + "->" + out);
        }
        this.in = in;
        this.out = out;
        this.initScale = initScale;
    }

    Dense(int in, int out) {
        this(in, out, 1.0);
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return out;
    }

    @Override
    public int parameterCount() {
        return in * out + out;
    }

    int biasOffset(int offset) {
        return offset + in * out;
    }

    @Override
    public void initialise(double[] weights, int offset, SplittableRandom random) {
        double bound = initScale * Math.sqrt(6.0 / in);
        for (int i = 0; i < in * out; i++) {
            weights[offset + i] = bound * (2 * random.nextDouble() - 1);
        }
        Arrays.fill(weights, offset + in * out, offset + in * out + out, 0.0);
    }

    @Override
    public void forward(double[] w, int offset, double[] x, double[] y, int batch) {
        int bias = biasOffset(offset);
        for (int b = 0; b < batch; b++) {
            System.arraycopy(w, bias, y, b * out, out);
        }
        for (int i = 0; i < in; i++) {
            int row = offset + i * out;
            for (int b = 0; b < batch; b++) {
                double xi = x[b * in + i];
                if (xi != 0) {
                    int yb = b * out;
                    for (int o = 0; o < out; o++) {
                        y[yb + o] += xi * w[row + o];
                    }
                }
            }
        }
    }

    @Override
    public void backward(double[] w, int offset, double[] x, double[] y, double[] gY, double[] gX, double[] gW,
                         int batch) {
        int bias = biasOffset(offset);
        for (int b = 0; b < batch; b++) {
            int gb = b * out;
            for (int o = 0; o < out; o++) {
                gW[bias + o] += gY[gb + o];
            }
        }
        for (int i = 0; i < in; i++) {
            int row = offset + i * out;
            for (int b = 0; b < batch; b++) {
                int gb = b * out;
                if (gX != null) {
                    gX[b * in + i] = Conv1d.dot(w, row, gY, gb, out);
                }
                double xi = x[b * in + i];
                if (xi != 0) {
                    for (int o = 0; o < out; o++) {
                        gW[row + o] += xi * gY[gb + o];
                    }
                }
            }
        }
    }

    @Override
    public String describe() {
        return "dense(" + in + "->" + out + ")";
    }
}
