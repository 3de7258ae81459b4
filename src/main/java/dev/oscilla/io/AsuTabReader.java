package dev.oscilla.io;

import dev.oscilla.io.DelimitedText.Line;
import dev.oscilla.io.DelimitedText.Row;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the ASU "tab + meta" pair used by the ASU spectral library and by {@code ../shared/data/feely}:
 * a whitespace-separated table (column 1 = wavenumber in cm^-1, then one emissivity column per sample, no
 * header) and a CSV naming the samples in column order ({@code sample_name,category[,abundance columns...]}).
 *
 * <p>Values are kept exactly as stored: the layout is emissivity as a fraction, and the values far outside
 * [0, 1] below ~300 cm^-1 in the published data are real instrument noise, not percent.
 */
public final class AsuTabReader {

    private AsuTabReader() {
    }

    public static SpectrumSet read(Path tab, Path meta) throws SpectralFileException {
        return read(tab, meta, SpectrumKind.EMISSIVITY);
    }

    /** Reads the pair, giving every spectrum {@code kind} (the layout holds emissivity unless told otherwise). */
    public static SpectrumSet read(Path tab, Path meta, SpectrumKind kind) throws SpectralFileException {
        MetaTable metaTable = MetaTable.read(meta);
        List<Row> rows = readTable(tab);
        int samples = rows.get(0).width() - 1;
        int named = metaTable.names().size();
        if (samples > named) {
            throw new SpectralFileException(tab, rows.get(0).line(), named + 2, "has " + samples
                    + " spectrum columns but " + meta.getFileName() + " names only " + named + " samples");
        }
        if (samples < named) {
            throw new SpectralFileException(meta, metaTable.lines().get(samples), 1, "names " + named
                    + " samples but " + tab.getFileName() + " has only " + samples + " spectrum columns (sample \""
                    + metaTable.names().get(samples) + "\" has no column)");
        }
        int n = rows.size();
        double[] axis = new double[n];
        long[] lines = new long[n];
        double[][] values = new double[samples][n];
        for (int r = 0; r < n; r++) {
            Row row = rows.get(r);
            lines[r] = row.line();
            axis[r] = NumberCells.parse(tab, row.line(), 1, row.cells()[0]);
            if (Double.isNaN(axis[r])) {
                throw new SpectralFileException(tab, row.line(), 1, "wavenumber is missing (\"" + row.cells()[0]
                        + "\")");
            }
            for (int s = 0; s < samples; s++) {
                values[s][r] = NumberCells.parse(tab, row.line(), s + 2, row.cells()[s + 1]);
            }
        }
        for (int s = 0; s < samples; s++) {
            if (Arrays.stream(values[s]).allMatch(Double::isNaN)) {
                throw new SpectralFileException(tab, rows.get(0).line(), s + 2, "column " + (s + 2) + " (sample \""
                        + metaTable.names().get(s) + "\") has no numeric value");
            }
        }
        int[] valueColumns = new int[samples];
        for (int s = 0; s < samples; s++) {
            valueColumns[s] = s + 2;
        }
        AxisCheck.Sorted sorted = AxisCheck.ascending(tab, axis, values, lines, 1, valueColumns);
        List<Spectrum> spectra = new ArrayList<>(samples);
        int masked = 0;
        for (int s = 0; s < samples; s++) {
            Spectrum spectrum = new Spectrum(metaTable.names().get(s), kind, sorted.axis(), sorted.values()[s], null);
            masked += spectrum.size() - spectrum.validCount();
            spectra.add(spectrum);
        }
        List<String> notes = new ArrayList<>();
        notes.add("ASU tab + meta pair with " + meta.getFileName() + ": " + samples
                + (samples == 1 ? " sample" : " samples")
                + (metaTable.abundanceColumns().isEmpty() ? ""
                        : ", " + metaTable.abundanceColumns().size() + " abundance columns")
                + "; axis in cm^-1, values kept as stored");
        if (sorted.order() == AxisCheck.Order.DESCENDING) {
            notes.add("axis was descending; sorted ascending");
        } else if (sorted.order() == AxisCheck.Order.UNSORTED) {
            notes.add("axis was not in order; channels sorted by wavenumber");
        }
        if (sorted.duplicatesDropped() > 0) {
            int d = sorted.duplicatesDropped();
            notes.add(d + " duplicated channel" + (d == 1 ? "" : "s") + " dropped (same axis value and values)");
        }
        if (masked > 0) {
            notes.add(masked + " NaN cell" + (masked == 1 ? "" : "s") + " masked");
        }
        if (metaTable.emptyAbundanceCells() > 0) {
            notes.add(metaTable.emptyAbundanceCells() + " empty abundance cells in " + meta.getFileName()
                    + " read as 0");
        }
        return new SpectrumSet(spectra, metaTable.categories(), metaTable.abundanceColumns(),
                metaTable.abundances(), notes);
    }

    /** The whitespace table: every line the same number of cells, at least two, and at least two rows. */
    static List<Row> readTable(Path tab) throws SpectralFileException {
        TextFiles.Text text = TextFiles.read(tab);
        List<Line> lines = DelimitedText.contentLines(text.lines());
        if (lines.isEmpty()) {
            throw new SpectralFileException(tab, 1, 1, "is empty (no data rows)");
        }
        List<Row> rows = DelimitedText.split(tab, lines, DelimitedText.WHITESPACE);
        int width = rows.get(0).width();
        if (width < 2) {
            throw new SpectralFileException(tab, rows.get(0).line(), 1,
                    "expected a wavenumber column and at least one spectrum column, found 1 column");
        }
        for (int r = 1; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.width() != width) {
                String truncated = r == rows.size() - 1 && row.width() < width ? "; the file looks truncated" : "";
                throw new SpectralFileException(tab, row.line(), Math.min(row.width(), width) + 1, "has "
                        + row.width() + " columns, line " + rows.get(0).line() + " has " + width + truncated);
            }
        }
        if (rows.size() < 2) {
            throw new SpectralFileException(tab, rows.get(0).line(), 1,
                    "has a single channel; a spectrum needs at least two");
        }
        return rows;
    }
}
