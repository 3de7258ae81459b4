package dev.oscilla.io;

import dev.oscilla.io.DelimitedText.Line;
import dev.oscilla.io.DelimitedText.Row;
import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the ASU "tab + meta" pair used by the ASU spectral library and by {@code ../shared/data/feely}:
 * a whitespace-separated table (column 1 = wavenumber in cm^-1, then one emissivity column per sample; a header
 * row, if any, is skipped) and a CSV naming the samples in column order ({@link MetaTable}: the columns
 * {@code sample_name} and {@code category} found by name).
 *
 * <p>Values are kept as stored: the layout is emissivity as a fraction, and the values far outside [0, 1] below
 * ~300 cm^-1 in the published data are real instrument noise, not percent. Only an export whose median value is
 * percent-like (above 1.5) is divided by 100, as every reader does ({@link ReadContext#percent}).
 */
public final class AsuTabReader {

    private AsuTabReader() {
    }

    public static SpectrumSet read(Path tab, Path meta) throws SpectralFileException {
        return read(tab, meta, SpectrumReadOptions.defaults());
    }

    /**
     * Reads the pair. The options may override the quantity (emissivity unless told otherwise), the axis unit
     * (cm^-1) and the value scale.
     */
    public static SpectrumSet read(Path tab, Path meta, SpectrumReadOptions options) throws SpectralFileException {
        MetaTable metaTable = MetaTable.read(meta);
        return read(tab, TextFiles.read(tab), meta, metaTable, options);
    }

    /** Reads the pair from the tab file's content (fuzzing; the meta file is read from disk). */
    static SpectrumSet parse(Path tab, byte[] content, Path meta, SpectrumReadOptions options)
            throws SpectralFileException {
        return read(tab, TextFiles.decode(tab, content), meta, MetaTable.read(meta), options);
    }

    private static SpectrumSet read(Path tab, TextFiles.Text text, Path meta, MetaTable metaTable,
                                    SpectrumReadOptions options) throws SpectralFileException {
        ReadContext ctx = new ReadContext(tab, options);
        List<Row> rows = readTable(tab, text);
        Row header = null;
        if (!NumberCells.isNumberOrMissing(rows.get(0).cells()[0])) {
            header = rows.get(0);
            rows = rows.subList(1, rows.size());
            if (rows.size() < 2) {
                throw new SpectralFileException(tab, header.line(), 1, "has a header row and fewer than two channels");
            }
        }
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
        if (header != null && header.width() != samples + 1) {
            throw new SpectralFileException(tab, header.line(), Math.min(header.width(), samples + 1) + 1,
                    "the header row has " + header.width() + " cells, the data rows " + (samples + 1));
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
        ctx.note("ASU tab + meta pair with " + meta.getFileName() + ": " + samples
                + (samples == 1 ? " sample" : " samples")
                + (metaTable.abundanceColumns().isEmpty() ? ""
                        : ", " + metaTable.abundanceColumns().size() + " abundance columns")
                + (header != null ? "; header row on line " + header.line() + " skipped" : ""));
        if (!metaTable.unusedColumns().isEmpty()) {
            ctx.note("meta columns not used: " + String.join(", ", limit(metaTable.unusedColumns()))
                    + (metaTable.categoryColumn().isEmpty() ? "" : "; groups from \"" + metaTable.categoryColumn()
                    + "\""));
        }
        AxisUnit unit = ctx.axisUnit(Optional.of(AxisUnit.WAVENUMBER), "the ASU layout", axis, lines[0], 1);
        SpectrumKind kind = options.kind().orElse(SpectrumKind.EMISSIVITY);
        if (options.kind().isPresent()) {
            ctx.note("quantity " + kind.label() + " set by option");
        }
        boolean percent = ctx.percent(false, "", kind, values);
        boolean[] percents = new boolean[samples];
        Arrays.fill(percents, percent);
        SpectrumKind[] kinds = new SpectrumKind[samples];
        Arrays.fill(kinds, kind);
        String[] names = metaTable.names().toArray(new String[0]);
        List<Spectrum> spectra = ctx.assemble(unit, axis, lines, 1, values, valueColumns, names, kinds, percents);
        if (metaTable.emptyAbundanceCells() > 0) {
            ctx.note(metaTable.emptyAbundanceCells() + " empty abundance cells in " + meta.getFileName()
                    + " read as 0");
        }
        return new SpectrumSet(spectra, metaTable.categories(), metaTable.abundanceColumns(),
                metaTable.abundances(), ctx.notes);
    }

    private static List<String> limit(List<String> items) {
        if (items.size() <= 8) {
            return items;
        }
        List<String> out = new ArrayList<>(items.subList(0, 8));
        out.add("and " + (items.size() - 8) + " more");
        return out;
    }

    /**
     * The whitespace table: every data line the same number of cells, at least two, and at least two rows. A first
     * row whose first cell is not a number is a header and is returned as the first row without a width check.
     */
    static List<Row> readTable(Path tab, TextFiles.Text text) throws SpectralFileException {
        List<Line> lines = DelimitedText.contentLines(text.lines());
        if (lines.isEmpty()) {
            throw new SpectralFileException(tab, 1, 1, "is empty (no data rows)");
        }
        List<Row> rows = DelimitedText.split(tab, lines, DelimitedText.WHITESPACE);
        int probe = Math.min(rows.size() - 1, 1);
        if (rows.get(probe).width() < 2) {
            // not whitespace-separated: an export saved as CSV or with semicolons
            char delimiter = DelimitedText.detectDelimiter(lines);
            if (delimiter != DelimitedText.WHITESPACE) {
                rows = DelimitedText.split(tab, lines, delimiter);
            }
        }
        int first = NumberCells.isNumberOrMissing(rows.get(0).cells()[0]) ? 0 : 1;
        if (rows.size() <= first) {
            throw new SpectralFileException(tab, rows.get(0).line(), 1, "has a header row but no data rows");
        }
        int width = rows.get(first).width();
        if (width < 2) {
            throw new SpectralFileException(tab, rows.get(first).line(), 1,
                    "expected a wavenumber column and at least one spectrum column, found 1 column");
        }
        for (int r = first + 1; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.width() != width) {
                String truncated = r == rows.size() - 1 && row.width() < width ? "; the file looks truncated" : "";
                throw new SpectralFileException(tab, row.line(), Math.min(row.width(), width) + 1, "has "
                        + row.width() + " columns, line " + rows.get(first).line() + " has " + width + truncated);
            }
        }
        if (rows.size() - first < 2) {
            throw new SpectralFileException(tab, rows.get(first).line(), 1,
                    "has a single channel; a spectrum needs at least two");
        }
        return rows;
    }
}
