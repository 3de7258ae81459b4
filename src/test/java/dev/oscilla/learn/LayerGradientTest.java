package dev.oscilla.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every layer's backward pass against central finite differences of the scalar {@code <r, layer(input)>} for a
 * random r, on micro-batches of three samples (so batch indexing is covered too).
 */
class LayerGradientTest {

    private static final int BATCH = 3;

    @Test
    void convolutionGradients() {
        checkLayer(new Conv1d(2, 3, 4, 17), 1);
    }

    @Test
    void singleChannelConvolutionGradients() {
        checkLayer(new Conv1d(1, 2, 5, 12), 2);
    }

    @Test
    void maxPoolGradients() {
        checkLayer(new MaxPool1d(2, 11, 2), 3);
    }

    @Test
    void reluGradients() {
        checkLayer(new Activation(20, 0.0), 4);
    }

    @Test
    void leakyReluGradients() {
        checkLayer(new Activation(20, 0.1), 5);
    }

    @Test
    void denseGradients() {
        checkLayer(new Dense(7, 5), 6);
    }

    @Test
    void denseSkipsZeroInputsWithoutChangingTheResult() {
        Dense dense = new Dense(6, 4);
        double[] w = new double[dense.parameterCount()];
        dense.initialise(w, 0, new SplittableRandom(7));
        double[] x = {0, 1.5, 0, -2, 0.25, 0};
        double[] y = new double[4];
        dense.forward(w, 0, x, y, 1, dense.newScratch(1));
        for (int o = 0; o < 4; o++) {
            double expected = w[dense.biasOffset(0) + o];
            for (int i = 0; i < 6; i++) {
                expected += w[i * 4 + o] * x[i];
            }
            assertThat(y[o]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-14));
        }
    }

    @Test
    void maxPoolTakesTheWindowMaximumAndDropsTheTail() {
        MaxPool1d pool = new MaxPool1d(1, 5, 2);
        double[] out = new double[2];
        pool.forward(null, 0, new double[] {1, 3, -1, -2, 9}, out, 1, null);
        assertThat(out).containsExactly(3, -1);
    }

    @Test
    void softmaxGradients() {
        Random rnd = new Random(8);
        int n = 5;
        double[] z = randomVector(rnd, n * BATCH, 2.0);
        double[] r = randomVector(rnd, n * BATCH, 1.0);
        double[] x = new double[n * BATCH];
        Softmax.forward(z, x, n, BATCH);
        double[] gz = new double[n * BATCH];
        Softmax.backward(x, r, gz, n, BATCH);
        for (int i = 0; i < z.length; i++) {
            int k = i;
            double fd = central(z, k, 1e-6, v -> {
                double[] y = new double[n * BATCH];
                Softmax.forward(v, y, n, BATCH);
                return dot(r, y);
            });
            assertThat(gz[i]).as("dz[%d]", i).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-8));
        }
        for (int b = 0; b < BATCH; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[b * n + i];
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-14));
        }
    }

    /** Checks input and weight gradients of {@code layer} against central differences. */
    private static void checkLayer(Layer layer, long seed) {
        Random rnd = new Random(seed);
        int offset = 3; // weights not at 0, to catch offset mistakes
        double[] w = new double[offset + layer.parameterCount() + 2];
        layer.initialise(w, offset, new SplittableRandom(seed));
        for (int i = offset; i < offset + layer.parameterCount(); i++) {
            w[i] += 0.1 * rnd.nextGaussian(); // non-zero biases too
        }
        double[] in = randomVector(rnd, BATCH * layer.inputSize(), 1.0);
        double[] r = randomVector(rnd, BATCH * layer.outputSize(), 1.0);
        Layer.Scratch scratch = layer.newScratch(BATCH);
        double[] out = new double[BATCH * layer.outputSize()];
        layer.forward(w, offset, in, out, BATCH, scratch);
        double[] gIn = new double[BATCH * layer.inputSize()];
        double[] gW = new double[w.length];
        layer.backward(w, offset, in, out, r, gIn, gW, BATCH, scratch);

        for (int i = 0; i < in.length; i++) {
            int k = i;
            double fd = central(in, k, 1e-6, v -> {
                double[] y = new double[BATCH * layer.outputSize()];
                layer.forward(w, offset, v, y, BATCH, scratch);
                return dot(r, y);
            });
            assertThat(gIn[i]).as("%s: d/dinput[%d]", layer.describe(), i)
                    .isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-7 * (1 + Math.abs(fd))));
        }
        for (int j = 0; j < w.length; j++) {
            int k = j;
            double fd = central(w, k, 1e-6, v -> {
                double[] y = new double[BATCH * layer.outputSize()];
                layer.forward(v, offset, in, y, BATCH, scratch);
                return dot(r, y);
            });
            assertThat(gW[j]).as("%s: d/dweight[%d]", layer.describe(), j)
                    .isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-7 * (1 + Math.abs(fd))));
        }
    }

    static double central(double[] x, int i, double h, java.util.function.ToDoubleFunction<double[]> f) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[i] += h;
        minus[i] -= h;
        return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
    }

    static double[] randomVector(Random rnd, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * rnd.nextGaussian();
        }
        return v;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
