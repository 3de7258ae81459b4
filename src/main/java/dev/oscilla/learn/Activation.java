package dev.oscilla.learn;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Element-wise rectifier: ReLU ({@code slope = 0}) or leaky ReLU ({@code f(x) = x} for x > 0, {@code slope * x}
 * otherwise). At exactly 0 the derivative taken is {@code slope} (the left derivative, as PyTorch).
 */
final class Activation implements Layer {

    private final int size;
    private final double slope;

    Activation(int size, double slope) {
        if (!(slope >= 0) || slope >= 1) {
            throw new IllegalArgumentException("leaky slope must be in [0, 1), got " + slope);
        }
        this.size = size;
        this.slope = slope;
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int outputSize() {
        return size;
    }

    @Override
    public int parameterCount() {
        return 0;
    }

    @Override
    public void initialise(double[] weights, int offset, SplittableRandom random) {
        // no weights
    }

    @Override
    public void forward(double[] w, int offset, double[] in, double[] out, int batch, Scratch scratch) {
        int n = batch * size;
        final double a = slope;
        for (int i = 0; i < n; i++) {
            double x = in[i];
            out[i] = x > 0 ? x : a * x;
        }
    }

    @Override
    public void backward(double[] w, int offset, double[] in, double[] out, double[] gOut, double[] gIn,
                         double[] gW, int batch, Scratch scratch) {
        if (gIn == null) {
            return;
        }
        int n = batch * size;
        final double a = slope;
        for (int i = 0; i < n; i++) {
            gIn[i] = in[i] > 0 ? gOut[i] : a * gOut[i];
        }
    }

    @Override
    public String describe() {
        return slope == 0 ? "relu" : String.format(Locale.ROOT, "leaky_relu(%g)", slope);
    }
}
