package dev.oscilla.io;

import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RELAB spectra (Brown University; {@code .tab}, {@code .asc} and text exports): a line with the point count, then
 * that many lines of wavelength in nanometres, reflectance and usually its standard deviation, then a trailer block
 * of free text (file name, sample id, geometry, date). Recognised by the lone count followed by numeric rows.
 *
 * <p>The count is authoritative: fewer rows, or a further numeric row of the same width before the trailer, is an
 * error naming the line (a shifted or truncated file would otherwise be read silently wrong). The axis is
 * nanometres by the RELAB convention; values that could not be RELAB nanometres (all below 200, the shortest RELAB
 * wavelength) are micrometres, with a note. The standard deviation column is reported, not read as a spectrum.
 */
final class RelabFormat implements SpectrumFormat {

    /** RELAB spectra start at 200 nm or above; an axis entirely below this is micrometres, not nanometres. */
    static final double SHORTEST_RELAB_NM = 200;

    @Override
    public String id() {
        return "relab";
    }

    @Override
    public String label() {
        return "RELAB";
    }

    @Override
    public List<String> extensions() {
        return List.of("tab", "asc", "txt");
    }

    @Override
    public Match recognise(FileHead head, SpectrumReadOptions options) {
        List<String> lines = head.contentLines(5);
        if (lines.size() < 3) {
            return Match.NONE;
        }
        double[] count = NumberCells.numbersOrNull(lines.get(0));
        if (count == null || count.length != 1 || !(count[0] >= 2) || count[0] != Math.rint(count[0])
                || lines.get(0).contains(".")) {
            return Match.NONE;
        }
        for (int i = 1; i < lines.size(); i++) {
            double[] row = NumberCells.numbersOrNull(lines.get(i));
            if (row == null || row.length < 2 || row.length > 4) {
                return i >= 3 ? Match.CONTENT : Match.NONE;
            }
        }
        return Match.CONTENT;
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
        List<String> lines = text.lines();
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i == lines.size()) {
            throw new SpectralFileException(file, 1, 1, "is empty");
        }
        long countLine = i + 1;
        String countText = lines.get(i).trim();
        double[] c = NumberCells.numbersOrNull(countText);
        if (c == null || c.length != 1 || !(c[0] >= 2) || c[0] != Math.rint(c[0]) || c[0] > 100_000_000) {
            throw new SpectralFileException(file, countLine, 1, "expected the point count (a whole number >= 2) on"
                    + " the first line, found \"" + countText + "\"");
        }
        int count = (int) c[0];
        i++;
        List<double[]> rows = new ArrayList<>(Math.min(count, 100_000));
        List<Long> rowLines = new ArrayList<>();
        int width = -1;
        while (i < lines.size() && rows.size() < count) {
            String t = lines.get(i).trim();
            long number = i + 1;
            i++;
            if (t.isEmpty()) {
                continue;
            }
            if (NumberCells.numbersOrNull(t) == null) {
                throw new SpectralFileException(file, number, 1, "line " + countLine + " says " + count
                        + " points, but this line, after " + rows.size() + ", is not a data row (\"" + excerpt(t)
                        + "\"); the file looks truncated or the count is wrong");
            }
            double[] row = NumberCells.numbers(file, number, t);
            if (row.length < 2) {
                throw new SpectralFileException(file, number, 2, "has one value; expected wavelength, value and"
                        + " optionally its standard deviation");
            }
            if (width < 0) {
                width = row.length;
            } else if (row.length != width) {
                throw new SpectralFileException(file, number, Math.min(row.length, width) + 1, "has " + row.length
                        + " values, line " + rowLines.get(0) + " has " + width);
            }
            rows.add(row);
            rowLines.add(number);
        }
        if (rows.size() < count) {
            throw new SpectralFileException(file, lines.size(), 1, "line " + countLine + " says " + count
                    + " points but the file holds " + rows.size() + "; it looks truncated");
        }
        List<String> trailer = new ArrayList<>();
        for (; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty()) {
                continue;
            }
            double[] more = NumberCells.numbersOrNull(t);
            if (more != null && more.length == width && trailer.isEmpty()) {
                throw new SpectralFileException(file, i + 1, 1, "line " + countLine + " says " + count
                        + " points, but a further data row follows them; the count is wrong");
            }
            trailer.add(t.replaceAll("\\s+", " "));
        }
        int n = rows.size();
        double[] x = new double[n];
        double[] y = new double[n];
        long[] lineOf = new long[n];
        double sdMin = Double.POSITIVE_INFINITY;
        double sdMax = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < n; r++) {
            double[] row = rows.get(r);
            x[r] = row[0];
            y[r] = row[1];
            lineOf[r] = rowLines.get(r);
            if (Double.isNaN(x[r])) {
                throw new SpectralFileException(file, lineOf[r], 1, "the wavelength is missing");
            }
            if (width >= 3 && Double.isFinite(row[2])) {
                sdMin = Math.min(sdMin, row[2]);
                sdMax = Math.max(sdMax, row[2]);
            }
        }
        ctx.note("RELAB spectrum: " + count + " points" + (trailer.isEmpty() ? ""
                : "; trailer: " + String.join(" | ", trailer.subList(0, Math.min(trailer.size(), 6)))));
        if (width >= 3) {
            ctx.note("column 3 is the standard deviation of the values (" + (sdMin <= sdMax
                    ? ReadContext.fmt(sdMin) + "-" + ReadContext.fmt(sdMax) : "empty") + "), not a spectrum"
                    + (width > 3 ? "; column 4 ignored" : ""));
        }
        double max = 0;
        for (double v : x) {
            max = Math.max(max, v);
        }
        Optional<AxisUnit> stated = max < SHORTEST_RELAB_NM ? Optional.of(AxisUnit.MICROMETRE)
                : Optional.of(AxisUnit.NANOMETRE);
        String source = max < SHORTEST_RELAB_NM ? "the values (all below 200, so micrometres, not RELAB nanometres)"
                : "the RELAB convention (nanometres)";
        AxisUnit unit = ctx.axisUnit(stated, source, x, lineOf[0], 1);
        SpectrumKind kind = ctx.kind(SpectrumKind.REFLECTANCE, "the RELAB convention (bidirectional reflectance)");
        boolean percent = ctx.percent(false, "", kind, y);
        List<Spectrum> spectra = ctx.assemble(unit, x, lineOf, 1, new double[][] {y}, new int[] {2},
                new String[] {ReadContext.stem(file)}, new SpectrumKind[] {kind}, new boolean[] {percent});
        return SpectrumSet.of(spectra).withNotes(ctx.notes);
    }

    private static String excerpt(String t) {
        return t.length() <= 40 ? t : t.substring(0, 40) + "...";
    }
}
