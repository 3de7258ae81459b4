package dev.oscilla.learn;

/** Softmax over each sample's logits and its backward pass; numerically stable (max subtracted). */
final class Softmax {

    private Softmax() {
    }

    /** {@code x[b] = softmax(z[b])} for rows of {@code n}. */
    static void forward(double[] z, double[] x, int n, int batch) {
        for (int b = 0; b < batch; b++) {
            int o = b * n;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, z[o + i]);
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double e = Math.exp(z[o + i] - max);
                x[o + i] = e;
                sum += e;
            }
            double inv = 1.0 / sum;
            for (int i = 0; i < n; i++) {
                x[o + i] *= inv;
            }
        }
    }

    /** {@code gz = x * (gx - <x, gx>)}, the softmax Jacobian (diag(x) - x x^T) applied to gx. */
    static void backward(double[] x, double[] gx, double[] gz, int n, int batch) {
        for (int b = 0; b < batch; b++) {
            int o = b * n;
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += x[o + i] * gx[o + i];
            }
            for (int i = 0; i < n; i++) {
                gz[o + i] = x[o + i] * (gx[o + i] - dot);
            }
        }
    }
}
