package dev.oscilla.learn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Non-overlapping max-pooling along positions, per channel (PyTorch's {@code MaxPool1d(size)}): output length
 * {@code floor(length / size)}, trailing positions dropped. The backward pass routes each output gradient to the
 * first position holding the window's maximum, found again from the stored input (no index buffer to keep).
 */
final class MaxPool1d implements Layer {

    private final int channels;
    private final int inLength;
    private final int size;
    private final int outLength;

    MaxPool1d(int channels, int inLength, int size) {
        if (size < 1 || inLength < size) {
            throw new IllegalArgumentException("pool of " + size + " over length " + inLength);
        }
        this.channels = channels;
        this.inLength = inLength;
        this.size = size;
        this.outLength = inLength / size;
    }

    int outLength() {
        return outLength;
    }

    @Override
    public int inputSize() {
        return channels * inLength;
    }

    @Override
    public int outputSize() {
        return channels * outLength;
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
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                int ib = b * inputSize() + c * inLength;
                int ob = b * outputSize() + c * outLength;
                for (int t = 0; t < outLength; t++) {
                    out[ob + t] = in[argmax(in, ib + t * size)];
                }
            }
        }
    }

    @Override
    public void backward(double[] w, int offset, double[] in, double[] out, double[] gOut, double[] gIn,
                         double[] gW, int batch, Scratch scratch) {
        if (gIn == null) {
            return;
        }
        Arrays.fill(gIn, 0, batch * inputSize(), 0.0);
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                int ib = b * inputSize() + c * inLength;
                int ob = b * outputSize() + c * outLength;
                for (int t = 0; t < outLength; t++) {
                    gIn[argmax(in, ib + t * size)] += gOut[ob + t];
                }
            }
        }
    }

    /** Index of the first maximum of the window starting at {@code from}. */
    private int argmax(double[] in, int from) {
        int best = from;
        double max = in[from];
        for (int k = 1; k < size; k++) {
            if (in[from + k] > max) {
                max = in[from + k];
                best = from + k;
            }
        }
        return best;
    }

    @Override
    public String describe() {
        return "maxpool1d(" + size + ")";
    }
}
