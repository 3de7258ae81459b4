package dev.oscilla.learn;

/**
 * The Adam optimiser (Kingma and Ba 2015) on a flat weight vector, with bias-corrected moments. Holds the two
 * moment vectors; one instance per training run.
 */
final class Adam {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[] m;
    private final double[] v;
    private int steps;

    Adam(int size, double beta1, double beta2, double epsilon) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** PyTorch's defaults: beta1 0.9, beta2 0.999, epsilon 1e-8. */
    Adam(int size) {
        this(size, 0.9, 0.999, 1e-8);
    }

    int steps() {
        return steps;
    }

    /** One step {@code w -= lr * mhat / (sqrt(vhat) + eps)} with the gradient {@code g}. */
    void step(double[] w, double[] g, double learningRate) {
        beginStep();
        update(w, g, 0, w.length, learningRate);
    }

    /** Starts the next step; follow with {@link #update} over disjoint ranges covering the weights. */
    void beginStep() {
        steps++;
    }

    /**
     * The update of the current step for weights {@code [from, to)}. Ranges are independent, so threads may
     * update disjoint ranges concurrently with the same result as one sequential pass.
     */
    void update(double[] w, double[] g, int from, int to, double learningRate) {
        double c1 = 1.0 - Math.pow(beta1, steps);
        double c2 = 1.0 - Math.pow(beta2, steps);
        double stepSize = learningRate / c1;
        double invSqrtC2 = 1.0 / Math.sqrt(c2);
        final double b1 = beta1;
        final double b2 = beta2;
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = b1 * m[i] + (1 - b1) * gi;
            double vi = b2 * v[i] + (1 - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] -= stepSize * mi / (Math.sqrt(vi) * invSqrtC2 + epsilon);
        }
    }
}
