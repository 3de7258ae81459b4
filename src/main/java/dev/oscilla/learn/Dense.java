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
    public Scratch newScratch(int maxBatch) {
        return new Rows(maxBatch, out);
    }

    /** Zero-offset rows: one output (or output gradient) per sample, one weight row, one gradient row. */
    private static final class Rows implements Scratch {
        final double[][] sample;
        final double[] weights;
        final double[] gradient;

        Rows(int maxBatch, int width) {
            sample = new double[maxBatch][width];
            weights = new double[width];
            gradient = new double[width];
        }
    }

    @Override
    public void forward(double[] w, int offset, double[] x, double[] y, int batch, Scratch scratch) {
        Rows rows = (Rows) scratch;
        int bias = biasOffset(offset);
        for (int b = 0; b < batch; b++) {
            System.arraycopy(w, bias, rows.sample[b], 0, out);
        }
        for (int i = 0; i < in; i++) {
            System.arraycopy(w, offset + i * out, rows.weights, 0, out);
            for (int b = 0; b < batch; b++) {
                double xi = x[b * in + i];
                if (xi != 0) {
                    Kernels.axpy(xi, rows.weights, rows.sample[b], out);
                }
            }
        }
        for (int b = 0; b < batch; b++) {
            System.arraycopy(rows.sample[b], 0, y, b * out, out);
        }
    }

    @Override
    public void backward(double[] w, int offset, double[] x, double[] y, double[] gY, double[] gX, double[] gW,
                         int batch, Scratch scratch) {
        Rows rows = (Rows) scratch;
        int bias = biasOffset(offset);
        for (int b = 0; b < batch; b++) {
            System.arraycopy(gY, b * out, rows.sample[b], 0, out);
            Kernels.addInto(rows.sample[b], gW, bias, out);
        }
        for (int i = 0; i < in; i++) {
            int row = offset + i * out;
            boolean any = false;
            for (int b = 0; b < batch; b++) {
                if (gX != null) {
                    gX[b * in + i] = Kernels.dot(w, row, rows.sample[b], 0, out);
                }
                double xi = x[b * in + i];
                if (xi != 0) {
                    if (!any) {
                        Arrays.fill(rows.gradient, 0.0);
                        any = true;
                    }
                    Kernels.axpy(xi, rows.sample[b], rows.gradient, out);
                }
            }
            if (any) {
                Kernels.addInto(rows.gradient, gW, row, out);
            }
        }
    }

    @Override
    public String describe() {
        return "dense(" + in + "->" + out + ")";
    }
}
