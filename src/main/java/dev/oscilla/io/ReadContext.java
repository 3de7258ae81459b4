package dev.oscilla.io;

import dev.oscilla.io.SpectrumReadOptions.ValueScale;
import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The decisions every reader makes the same way, in one place: which unit the axis is in, which quantity the values
 * measure, whether they are percent, and the final assembly onto an ascending cm^-1 axis. An option always wins
 * over what the file says, and what the file says wins over what its values suggest; every decision is recorded
 * as a note, and a decision that cannot be made safely is an error that names the option to set.
 */
final class ReadContext {

    /** Unitless axis values are taken as wavenumbers only inside (LOWEST, HIGHEST] cm^-1. */
    static final double LOWEST_UNSTATED_WAVENUMBER = 100;
    static final double HIGHEST_UNSTATED_WAVENUMBER = 10_000;

    /**
     * Values of a quantity that may be percent, without a label saying which, are percent when their median lies in
     * (PERCENT_MEDIAN_THRESHOLD, 100]: fractions stay below ~1, and the median, not the maximum, because real data
     * have noisy channels far outside [0, 1] (the ASU data below ~300 cm^-1).
     */
    static final double PERCENT_MEDIAN_THRESHOLD = 1.5;

    final Path file;
    final SpectrumReadOptions options;
    final List<String> notes = new ArrayList<>();

    ReadContext(Path file, SpectrumReadOptions options) {
        this.file = file;
        this.options = options;
    }

    void note(String note) {
        notes.add(note);
    }

    /**
     * The axis unit: the option, else the unit the file states ({@code stated}, described by {@code source} in the
     * note), else the unstated rule: values all within (100, 10000] are cm^-1, anything else is an error asking for
     * --x-unit (the values could be micrometres or nanometres).
     */
    AxisUnit axisUnit(Optional<AxisUnit> stated, String source, double[] raw, long line, int column)
            throws SpectralFileException {
        Optional<AxisUnit> forced = options.axisUnit();
        if (forced.isPresent()) {
            note("axis unit " + forced.get().symbol() + " set by option");
            return forced.get();
        }
        if (stated.isPresent()) {
            note("axis unit " + stated.get().symbol() + " from " + source);
            return stated.get();
        }
        return unstated(raw, line, column, source);
    }

    /** The unstated rule of {@link #axisUnit}; {@code why} says why no unit is known (e.g. "no XUNITS"). */
    AxisUnit unstated(double[] raw, long line, int column, String why) throws SpectralFileException {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : raw) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        String range = fmt(min) + "-" + fmt(max);
        if (!(min > LOWEST_UNSTATED_WAVENUMBER) || !(max <= HIGHEST_UNSTATED_WAVENUMBER)) {
            throw new SpectralFileException(file, line, column, "cannot tell the axis unit (" + why + ") and the values "
                    + range + " are not all within 100-10000 (where they can only be cm^-1); set --x-unit cm-1,"
                    + " --x-unit um or --x-unit nm");
        }
        note("axis unit not stated (" + why + "); values " + range + " taken as cm^-1");
        return AxisUnit.WAVENUMBER;
    }

    /** The quantity: the option, else what the file states (noted with {@code source}). */
    SpectrumKind kind(SpectrumKind stated, String source) {
        Optional<SpectrumKind> forced = options.kind();
        if (forced.isPresent()) {
            note("quantity " + forced.get().label() + " set by option");
            return forced.get();
        }
        if (stated != SpectrumKind.UNKNOWN) {
            note("quantity " + stated.label() + " from " + source);
        }
        return stated;
    }

    /**
     * Whether the values are percent: the option, else the file's label, else (for quantities that can be percent)
     * the median of the values.
     */
    boolean percent(boolean statedPercent, String source, SpectrumKind kind, double[]... columns) {
        Optional<ValueScale> forced = options.valueScale();
        if (forced.isPresent()) {
            boolean p = forced.get() == ValueScale.PERCENT;
            if (p) {
                note("values in percent (set by option) divided by 100");
            }
            return p;
        }
        if (statedPercent) {
            note("values in percent (" + source + ") divided by 100");
            return true;
        }
        if (!QuantityLabel.canBePercent(kind)) {
            return false;
        }
        double median = median(columns);
        if (median > PERCENT_MEDIAN_THRESHOLD && median <= 100) {
            note("values in percent (median " + fmt(median) + ") divided by 100");
            return true;
        }
        return false;
    }

    /** Median of the finite values of all columns (NaN when there is none). */
    static double median(double[]... columns) {
        double[] all = Arrays.stream(columns).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted()
                .toArray();
        int n = all.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? all[n / 2] : 0.5 * (all[n / 2 - 1] + all[n / 2]);
    }

    /**
     * Converts the axis to cm^-1, sorts the channels ascending (dropping exact duplicates), scales percent, and
     * builds the spectra, masking NaN values. Notes the conversion and reordering.
     *
     * @param raw          axis values in {@code unit}, one per channel
     * @param lines        1-based file line of each channel
     * @param axisColumn   1-based file column of the axis (for messages)
     * @param values       values[spectrum][channel]
     * @param valueColumns 1-based file column of each spectrum (for messages)
     */
    List<Spectrum> assemble(AxisUnit unit, double[] raw, long[] lines, int axisColumn, double[][] values,
                            int[] valueColumns, String[] names, SpectrumKind[] kinds, boolean[] percent)
            throws SpectralFileException {
        int n = raw.length;
        double[] axis = new double[n];
        for (int c = 0; c < n; c++) {
            if (!(raw[c] > 0) || !Double.isFinite(raw[c])) {
                throw new SpectralFileException(file, lines[c], axisColumn, "axis value " + fmt(raw[c])
                        + " is not a positive number (wavenumbers and wavelengths are > 0)");
            }
            axis[c] = unit.toWavenumber(raw[c]);
            if (!(axis[c] > 0) || !Double.isFinite(axis[c])) {
                throw new SpectralFileException(file, lines[c], axisColumn, "axis value " + fmt(raw[c]) + " "
                        + unit.symbol() + " is out of range (" + axis[c] + " cm^-1)");
            }
        }
        AxisCheck.Sorted sorted = AxisCheck.ascending(file, axis, values, lines, axisColumn, valueColumns);
        noteOrder(unit, sorted);
        List<Spectrum> out = new ArrayList<>(values.length);
        int masked = 0;
        int maskedSpectra = 0;
        for (int s = 0; s < values.length; s++) {
            double[] v = sorted.values()[s];
            int nan = 0;
            for (int c = 0; c < v.length; c++) {
                if (Double.isInfinite(v[c])) {
                    throw new SpectralFileException(file, sorted.lines()[c], valueColumns[s], "the value of '"
                            + names[s] + "' at " + fmt(sorted.axis()[c]) + " cm^-1 overflows (" + v[c]
                            + "); check the file's scale factors");
                }
                if (Double.isNaN(v[c])) {
                    nan++;
                } else if (percent[s]) {
                    v[c] /= 100;
                }
            }
            masked += nan;
            maskedSpectra += nan > 0 ? 1 : 0;
            out.add(new Spectrum(names[s], kinds[s], sorted.axis(), v, null));
        }
        if (masked > 0) {
            note(masked + " missing value" + (masked == 1 ? "" : "s") + " masked (in " + maskedSpectra + " spectr"
                    + (maskedSpectra == 1 ? "um" : "a") + ")");
        }
        return out;
    }

    private void noteOrder(AxisUnit unit, AxisCheck.Sorted sorted) {
        if (unit != AxisUnit.WAVENUMBER) {
            String name = unit == AxisUnit.MICROMETRE ? "micrometres" : "nanometres";
            String formula = unit == AxisUnit.MICROMETRE ? "10^4 / um" : "10^7 / nm";
            note("axis in " + name + " converted to cm^-1 (" + formula + ")"
                    + (sorted.order() == AxisCheck.Order.DESCENDING ? " and sorted ascending" : ""));
        } else if (sorted.order() == AxisCheck.Order.DESCENDING) {
            note("axis was descending; sorted ascending");
        }
        if (sorted.order() == AxisCheck.Order.UNSORTED) {
            note("axis was not in order; channels sorted by wavenumber");
        }
        int d = sorted.duplicatesDropped();
        if (d > 0) {
            note(d + " duplicated channel" + (d == 1 ? "" : "s") + " dropped (same axis value and values)");
        }
    }

    /** Compact display of a number in notes: at most 6 significant digits. */
    static String fmt(double v) {
        return DelimitedSpectrumReader.fmt(v);
    }

    /** The file name without its extension, for naming a file's only spectrum. */
    static String stem(Path file) {
        return DelimitedSpectrumReader.stem(file);
    }
}
