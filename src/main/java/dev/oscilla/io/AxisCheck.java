package dev.oscilla.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Validation and ordering of a spectral axis read from a file: NaN or non-positive axis values are errors,
 * descending or unsorted axes are sorted (with their value columns), and duplicated axis values are dropped when
 * their values agree and reported as an error, naming both lines, when they do not.
 */
final class AxisCheck {

    private AxisCheck() {
    }

    /** How the channels were ordered in the file (in the axis values given, i.e. after unit conversion). */
    enum Order {
        ASCENDING, DESCENDING, UNSORTED
    }

    /**
     * The sorted axis and value columns ({@code values[column][channel]}).
     *
     * @param lines             the file line of each kept channel
     * @param order             the order of the channels before sorting (non-strict; duplicates allowed)
     * @param duplicatesDropped channels dropped because an earlier channel had the same axis value and values
     */
    record Sorted(double[] axis, double[][] values, long[] lines, Order order, int duplicatesDropped) {
        boolean wasReordered() {
            return order != Order.ASCENDING;
        }
    }

    /**
     * @param lines        1-based file line of each channel (for messages)
     * @param axisColumn   1-based file column of the axis
     * @param valueColumns 1-based file column of each value column
     */
    static Sorted ascending(Path file, double[] axis, double[][] values, long[] lines, int axisColumn,
                            int[] valueColumns) throws SpectralFileException {
        int n = axis.length;
        for (int c = 0; c < n; c++) {
            if (!Double.isFinite(axis[c])) {
                throw new SpectralFileException(file, lines[c], axisColumn, "axis value is " + axis[c]);
            }
            if (!(axis[c] > 0)) {
                throw new SpectralFileException(file, lines[c], axisColumn,
                        "axis value " + axis[c] + " is not positive (wavenumbers and wavelengths are > 0)");
            }
        }
        Order order = orderOf(axis);
        Integer[] sortOrder = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        // A stable sort: of two equal axis values the one earlier in the file is kept.
        Arrays.sort(sortOrder, Comparator.comparingDouble(i -> axis[i]));
        double[] outAxis = new double[n];
        double[][] outValues = new double[values.length][n];
        long[] outLines = new long[n];
        int kept = 0;
        int dropped = 0;
        int keptSource = -1;
        for (int c = 0; c < n; c++) {
            int src = sortOrder[c];
            if (kept > 0 && axis[src] == outAxis[kept - 1]) {
                for (int s = 0; s < values.length; s++) {
                    double a = values[s][keptSource];
                    double b = values[s][src];
                    boolean same = a == b || (Double.isNaN(a) && Double.isNaN(b));
                    if (!same) {
                        long first = Math.min(lines[keptSource], lines[src]);
                        long second = Math.max(lines[keptSource], lines[src]);
                        throw new SpectralFileException(file, second, valueColumns[s], "axis value " + axis[src]
                                + " appears on lines " + first + " and " + second + " with different values in column "
                                + valueColumns[s] + " (" + valueAt(values[s], lines, keptSource, src, first) + " vs "
                                + valueAt(values[s], lines, keptSource, src, second) + ")");
                    }
                }
                dropped++;
                continue;
            }
            outAxis[kept] = axis[src];
            outLines[kept] = lines[src];
            for (int s = 0; s < values.length; s++) {
                outValues[s][kept] = values[s][src];
            }
            keptSource = src;
            kept++;
        }
        if (kept < 2) {
            throw new SpectralFileException(file, lines[0], axisColumn, "all " + n
                    + " channels have the same axis value " + axis[0] + "; a spectrum needs at least two channels");
        }
        if (kept < n) {
            outAxis = Arrays.copyOf(outAxis, kept);
            outLines = Arrays.copyOf(outLines, kept);
            for (int s = 0; s < values.length; s++) {
                outValues[s] = Arrays.copyOf(outValues[s], kept);
            }
        }
        return new Sorted(outAxis, outValues, outLines, order, dropped);
    }

    private static double valueAt(double[] column, long[] lines, int a, int b, long line) {
        return lines[a] == line ? column[a] : column[b];
    }

    /** Channels on consecutive lines starting at {@code firstLine}, axis in column 1, values in 2, 3, ... */
    static Sorted ascending(Path file, double[] axis, double[][] values, long firstLine)
            throws SpectralFileException {
        long[] lines = new long[axis.length];
        for (int c = 0; c < lines.length; c++) {
            lines[c] = firstLine + c;
        }
        int[] columns = new int[values.length];
        for (int s = 0; s < columns.length; s++) {
            columns[s] = s + 2;
        }
        return ascending(file, axis, values, lines, 1, columns);
    }

    static Order orderOf(double[] axis) {
        boolean ascending = true;
        boolean descending = true;
        for (int c = 1; c < axis.length; c++) {
            ascending &= axis[c] >= axis[c - 1];
            descending &= axis[c] <= axis[c - 1];
        }
        return ascending ? Order.ASCENDING : descending ? Order.DESCENDING : Order.UNSORTED;
    }
}
