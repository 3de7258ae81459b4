package dev.oscilla.fit;

import dev.oscilla.physics.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * Band positions read off a spectrum to seed oscillators: the local minima of emissivity (maxima of
 * reflectance), and shoulders, i.e. local minima of the spectrum after a wide running mean is subtracted, each
 * required to stand out from the noise.
 */
final class BandSeeds {

    private BandSeeds() {
    }

    /** Candidate omega0 values in cm^-1, ascending, at least 1 % apart. */
    static List<Double> find(double[] axis, double[] values, Quantity quantity, double noise) {
        int n = values.length;
        double sign = quantity == Quantity.REFLECTANCE ? -1 : 1; // bands are dips of E, peaks of R
        double[] y = new double[n];
        for (int c = 0; c < n; c++) {
            y[c] = sign * values[c];
        }
        double[] smooth = runningMean(y, 2);
        double[] wide = runningMean(smooth, 15);
        double[] detrended = new double[n];
        for (int c = 0; c < n; c++) {
            detrended[c] = smooth[c] - wide[c];
        }
        List<Double> out = new ArrayList<>();
        addMinima(axis, smooth, 3 * noise, out);
        addMinima(axis, detrended, 3 * noise, out);
        out.sort(Double::compare);
        List<Double> distinct = new ArrayList<>();
        for (double w : out) {
            if (distinct.isEmpty() || w > distinct.get(distinct.size() - 1) * 1.01) {
                distinct.add(w);
            }
        }
        return distinct;
    }

    /** Local minima whose prominence (rise to the lower of the two flanking maxima) exceeds {@code minProminence}. */
    private static void addMinima(double[] axis, double[] y, double minProminence, List<Double> out) {
        int n = y.length;
        for (int c = 1; c < n - 1; c++) {
            if (y[c] < y[c - 1] && y[c] <= y[c + 1]) {
                double left = y[c];
                for (int i = c - 1; i >= 0 && y[i] >= y[c]; i--) {
                    left = Math.max(left, y[i]);
                }
                double right = y[c];
                for (int i = c + 1; i < n && y[i] >= y[c]; i++) {
                    right = Math.max(right, y[i]);
                }
                if (Math.min(left, right) - y[c] > minProminence) {
                    out.add(axis[c]);
                }
            }
        }
    }

    private static double[] runningMean(double[] y, int half) {
        int n = y.length;
        double[] out = new double[n];
        for (int c = 0; c < n; c++) {
            int a = Math.max(0, c - half);
            int b = Math.min(n - 1, c + half);
            double s = 0;
            for (int i = a; i <= b; i++) {
                s += y[i];
            }
            out[c] = s / (b - a + 1);
        }
        return out;
    }
}
