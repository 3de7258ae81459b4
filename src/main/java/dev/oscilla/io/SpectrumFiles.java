package dev.oscilla.io;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes spectrum files.
 *
 * <p>Reading takes every format of {@link SpectrumFormats} (JCAMP-DX, ASTER/ECOSTRESS, USGS splib07, RELAB, RRUFF,
 * ASU tab + meta, row- and column-oriented tables), chosen by content. Every result is on an ascending cm^-1 axis
 * with fractional values and the quantity it measures, and carries the reader's notes on what it detected and
 * converted.
 *
 * <p>Writing produces the spectra CSV: a {@code wavenumber_cm-1} column and one column per spectrum, every
 * double in its shortest round-trip form, masked channels as empty cells.
 */
public final class SpectrumFiles {

    /** Header of the axis column in written files. */
    public static final String AXIS_HEADER = "wavenumber_cm-1";

    private SpectrumFiles() {
    }

    public static SpectrumSet read(Path file) throws SpectralFileException {
        return read(file, SpectrumReadOptions.defaults());
    }

    /** Reads a spectrum file in whatever format it is ({@link SpectrumFormats#read}). */
    public static SpectrumSet read(Path file, SpectrumReadOptions options) throws SpectralFileException {
        return SpectrumFormats.read(file, options);
    }

    /** Writes a set's spectra as a spectra CSV (see {@link #writeCsv(Path, List)}). */
    public static void writeCsv(Path file, SpectrumSet set) throws SpectralFileException {
        writeCsv(file, set.spectra());
    }

    /**
     * Writes spectra that share one axis as CSV, atomically: a {@code # kind: ...} line when every spectrum has
     * the same known kind, a {@code # scale: fraction} line (values are always fractions here, so a reader must
     * not take large values, e.g. noisy channels, for percent), the header {@code wavenumber_cm-1,name,...}, then
     * one row per channel. Masked channels are written as empty cells, so reading the file back masks them again.
     *
     * @throws IllegalArgumentException when there are no spectra or their axes differ (resample them first)
     */
    public static void writeCsv(Path file, List<Spectrum> spectra) throws SpectralFileException {
        if (spectra.isEmpty()) {
            throw new IllegalArgumentException("no spectra to write");
        }
        double[] axis = spectra.get(0).axis();
        List<String> header = new ArrayList<>(spectra.size() + 1);
        List<double[]> columns = new ArrayList<>(spectra.size() + 1);
        header.add(AXIS_HEADER);
        columns.add(axis);
        SpectrumKind kind = spectra.get(0).kind();
        for (Spectrum s : spectra) {
            if (!Arrays.equals(s.axis(), axis)) {
                throw new IllegalArgumentException("spectrum '" + s.name() + "' has a different axis from '"
                        + spectra.get(0).name() + "'; resample the spectra onto one axis before writing them together");
            }
            if (s.kind() != kind) {
                kind = SpectrumKind.UNKNOWN;
            }
            double[] v = s.values();
            for (int c = 0; c < v.length; c++) {
                if (!s.isValid(c)) {
                    v[c] = Double.NaN;
                }
            }
            header.add(s.name());
            columns.add(v);
        }
        List<String> comments = new ArrayList<>();
        if (kind != SpectrumKind.UNKNOWN) {
            comments.add("kind: " + kind.name().toLowerCase(Locale.ROOT));
        }
        comments.add("scale: fraction");
        CsvTables.writeColumns(file, comments, header, columns);
    }
}
