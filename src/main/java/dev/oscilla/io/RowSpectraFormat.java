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
import java.util.Locale;
import java.util.Optional;

/**
 * Row-oriented tables: one spectrum per row, as spreadsheets and machine-learning data sets keep them. The header
 * row is one or more label cells ({@code name}, optionally {@code category} or other descriptive columns) followed by
 * the axis values; every further row is a name, its labels and one value per axis value:
 * <pre>
 *   name,category,400,402,404,...
 *   quartz,silicate,0.95,0.96,0.97,...
 * </pre>
 * Recognised by a header whose cells after the labels are at least three numbers in strict order and rows that
 * start with a name. The axis unit comes from a label that names one ("wavelength_um"), else from the values by
 * the rule every reader applies (cm^-1 only within 100-10000); a {@code category} or {@code group} column gives the
 * spectra's groups.
 */
final class RowSpectraFormat implements SpectrumFormat {

    /** At least this many numeric header cells make an axis. */
    static final int MIN_AXIS_CELLS = 3;

    @Override
    public String id() {
        return "rows";
    }

    @Override
    public String label() {
        return "row-oriented spectra table";
    }

    @Override
    public List<String> extensions() {
        return List.of("csv", "tsv", "txt");
    }

    @Override
    public Match recognise(FileHead head, SpectrumReadOptions options) {
        if (!head.isText()) {
            return Match.NONE;
        }
        List<Line> lines = DelimitedText.contentLines(head.lines());
        if (lines.size() < 2) {
            return Match.NONE;
        }
        char delimiter = options.delimiter().orElseGet(() -> DelimitedText.detectDelimiter(lines));
        try {
            List<Row> rows = DelimitedText.split(head.file(), lines.subList(0, Math.min(lines.size(), 5)), delimiter);
            int labels = labelCells(rows.get(0));
            return labels > 0 && NumberCells.isNumberOrMissing(rows.get(0).cells()[labels]) && startsWithName(rows)
                    ? Match.CONTENT : Match.NONE;
        } catch (SpectralFileException e) {
            return Match.NONE;
        }
    }

    /**
     * The number of leading label cells of a header whose remaining cells (at least {@link #MIN_AXIS_CELLS}) are
     * numbers in strict order; 0 when the row is not such a header.
     */
    static int labelCells(Row header) {
        String[] cells = header.cells();
        int labels = 0;
        while (labels < cells.length && !NumberCells.isNumberOrMissing(cells[labels])) {
            labels++;
        }
        if (labels == 0 && cells.length > 0 && cells[0].isBlank()) {
            labels = 1; // a spreadsheet's blank corner
        }
        if (labels == 0 || cells.length - labels < MIN_AXIS_CELLS) {
            return 0;
        }
        double previous = Double.NaN;
        int direction = 0;
        for (int c = labels; c < cells.length; c++) {
            String t = cells[c].trim();
            boolean comma = NumberCells.hasDecimalComma(t);
            if (NumberCells.isMissing(t) || !NumberCells.hasDecimalPoint(t) && !comma && !t.matches("[+-]?\\d+")) {
                return 0;
            }
            double v = Double.parseDouble(comma ? t.replace(',', '.') : t);
            if (!Double.isNaN(previous)) {
                int d = Double.compare(v, previous);
                if (d == 0 || direction != 0 && d != direction) {
                    return 0;
                }
                direction = d;
            }
            previous = v;
        }
        return labels;
    }

    private static boolean startsWithName(List<Row> rows) {
        for (int r = 1; r < rows.size(); r++) {
            String first = rows.get(r).cells()[0];
            if (first.isBlank() || NumberCells.isNumberOrMissing(first)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public SpectrumSet read(Path file, SpectrumReadOptions options) throws SpectralFileException {
        return parse(file, TextFiles.read(file), options);
    }

    static SpectrumSet parse(Path file, byte[] content, SpectrumReadOptions options) throws SpectralFileException {
        return parse(file, TextFiles.decode(file, content), options);
    }

    private static SpectrumSet parse(Path file, TextFiles.Text text, SpectrumReadOptions options)
            throws SpectralFileException {
        ReadContext ctx = new ReadContext(file, options);
        if (text.encodingNote() != null) {
            ctx.note(text.encodingNote());
        }
        List<Line> lines = DelimitedText.contentLines(text.lines());
        if (lines.size() < 2) {
            throw new SpectralFileException(file, 1, 1, "needs a header row of axis values and at least one"
                    + " spectrum row");
        }
        char delimiter = options.delimiter().orElseGet(() -> DelimitedText.detectDelimiter(lines));
        List<Row> rows = DelimitedText.split(file, lines, delimiter);
        Row header = rows.get(0);
        int labels = labelCells(header);
        if (labels == 0) {
            throw new SpectralFileException(file, header.line(), 1, "the first row is not a header of labels followed"
                    + " by at least " + MIN_AXIS_CELLS + " axis values in order");
        }
        int width = header.width();
        int n = width - labels;
        int[] numeric = new int[n];
        for (int c = 0; c < n; c++) {
            numeric[c] = labels + c;
        }
        boolean decimalComma = DelimitedText.decimalComma(file, rows, numeric, options.decimalMark());
        double[] x = new double[n];
        for (int c = 0; c < n; c++) {
            x[c] = NumberCells.parse(file, header.line(), labels + c + 1, header.cells()[labels + c], decimalComma);
        }
        int s = rows.size() - 1;
        String[] names = new String[s];
        List<String> categories = new ArrayList<>();
        double[][] values = new double[s][n];
        int categoryColumn = -1;
        StringBuilder labelText = new StringBuilder();
        for (int c = 0; c < labels; c++) {
            String l = header.cells()[c].trim().toLowerCase(Locale.ROOT);
            if (categoryColumn < 0 && c > 0 && (l.equals("category") || l.equals("group") || l.equals("class"))) {
                categoryColumn = c;
            }
            labelText.append(header.cells()[c]).append(' ');
        }
        for (int r = 1; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.width() != width) {
                throw new SpectralFileException(file, row.line(), Math.min(row.width(), width) + 1, "has "
                        + row.width() + " fields, the header (line " + header.line() + ") has " + width
                        + (r == rows.size() - 1 && row.width() < width ? "; the file looks truncated" : ""));
            }
            String name = row.cells()[0].trim();
            if (name.isEmpty()) {
                throw new SpectralFileException(file, row.line(), 1, "the spectrum has no name");
            }
            names[r - 1] = name;
            categories.add(categoryColumn >= 0 ? row.cells()[categoryColumn].trim() : "");
            for (int c = 0; c < n; c++) {
                values[r - 1][c] = NumberCells.parse(file, row.line(), labels + c + 1, row.cells()[labels + c],
                        decimalComma);
            }
        }
        ctx.note("one spectrum per row: " + s + " spectr" + (s == 1 ? "um" : "a") + " of " + n + " channels, "
                + DelimitedText.describe(delimiter) + (decimalComma ? ", decimal commas" : "") + ", axis in the header"
                + " (line " + header.line() + ")");
        Optional<AxisUnit> stated = AxisUnit.fromHeader(labelText.toString());
        AxisUnit unit = ctx.axisUnit(stated, "the header label \"" + labelText.toString().trim() + "\"", x,
                header.line(), labels + 1);
        SpectrumKind kind = ctx.kind(QuantityLabel.parseWords(labelText.toString()).kind(), "the header labels");
        boolean percent = ctx.percent(QuantityLabel.parseWords(labelText.toString()).percent(), "the header labels",
                kind, values);
        long[] lineOf = new long[n];
        Arrays.fill(lineOf, header.line());
        int[] columns = new int[s];
        boolean[] percents = new boolean[s];
        SpectrumKind[] kinds = new SpectrumKind[s];
        Arrays.fill(percents, percent);
        Arrays.fill(kinds, kind);
        for (int k = 0; k < s; k++) {
            columns[k] = labels + 1;
        }
        List<Spectrum> spectra = ctx.assemble(unit, x, lineOf, labels + 1, values, columns, names, kinds, percents);
        return new SpectrumSet(spectra, categories, List.of(), List.of(), ctx.notes);
    }
}
