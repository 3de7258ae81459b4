package dev.oscilla.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Validation and ordering of a spectral axis read from a file: NaN or non-positive axis values are errors,
 * descending or unsorted axes are sorted (with their value columns), and duplicated axis values are dropped when
 * their values agree and reported as an error when they do not.
 */
final class AxisCheck {

    private AxisCheck() {
    }

    /** The sorted axis and value columns ({@code values[column][channel]}). */
    record Sorted(double[] axis, double[][] values, boolean wasReordered, int duplicatesDropped) {
    }

    /**
     * @param firstDataLine 1-based file line of channel 0 (for messages); lines are assumed consecutive
     */
    static Sorted ascending(Path file, double[] axis, double[][] values, long firstDataLine)
            throws SpectralFileException {
        int n = axis.length;
        for (int c = 0; c < n; c++) {
            if (!Double.isFinite(axis[c])) {
                throw new SpectralFileException(file, firstDataLine + c, 1, "axis value is " + axis[c]);
            }
            if (!(axis[c] > 0)) {
                throw new SpectralFileException(file, firstDataLine + c, 1,
                        "axis value " + axis[c] + " is not positive (wavenumbers and wavelengths are > 0)");
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> axis[i]));
        boolean reordered = false;
        for (int c = 0; c < n; c++) {
            if (order[c] != c) {
                reordered = true;
                break;
            }
        }
        double[] outAxis = new double[n];
        double[][] outValues = new double[values.length][n];
        int kept = 0;
        int dropped = 0;
        for (int c = 0; c < n; c++) {
            int src = order[c];
            if (kept > 0 && axis[src] == outAxis[kept - 1]) {
                int prev = order[c - 1];
                for (int s = 0; s < values.length; s++) {
                    double a = values[s][prev];
                    double b = values[s][src];
                    boolean same = a == b || (Double.isNaN(a) && Double.isNaN(b));
                    if (!same) {
                        throw new SpectralFileException(file, firstDataLine + src, 1, "axis value " + axis[src]
                                + " also appears on line " + (firstDataLine + prev)
                                + " with a different value in data column " + (s + 1) + " (" + a + " vs " + b + ")");
                    }
                }
                dropped++;
                continue;
            }
            outAxis[kept] = axis[src];
            for (int s = 0; s < values.length; s++) {
                outValues[s][kept] = values[s][src];
            }
            kept++;
        }
        if (kept < 2) {
            throw new SpectralFileException(file, "has a single distinct channel; a spectrum needs at least two");
        }
        if (kept < n) {
            outAxis = Arrays.copyOf(outAxis, kept);
            for (int s = 0; s < values.length; s++) {
                outValues[s] = Arrays.copyOf(outValues[s], kept);
            }
        }
        return new Sorted(outAxis, outValues, reordered, dropped);
    }

    static Sorted ascending(Path file, double[] axis, double[][] values) throws SpectralFileException {
        return ascending(file, axis, values, 1);
    }
}
