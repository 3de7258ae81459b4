package dev.oscilla.io;

import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ASTER and ECOSTRESS spectral library text (Baldridge et al. 2009; Meerdink et al. 2019): a header block of
 * {@code Key: value} lines ({@code Name:}, {@code Measurement:}, {@code X Units: Wavelength (micrometers)},
 * {@code Y Units: Reflectance (percent)}, {@code First X Value:}, {@code Number of X Values:} ...), then one
 * {@code x y} line per channel, usually in descending wavelength. Recognised by its {@code X Units:} and
 * {@code Y Units:} lines before the data.
 *
 * <p>The axis unit comes from {@code X Units}, the quantity and percent from {@code Y Units}; a value count that
 * differs from {@code Number of X Values} is reported in the notes (library files are known to disagree with
 * their own headers by a line), and extra columns after the second are ignored with a note.
 */
final class AsterTextFormat implements SpectrumFormat {

    private static final Pattern KEY = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 ._/()-]{0,40}?)\\s*:\\s*(.*)$");

    @Override
    public String id() {
        return "aster";
    }

    @Override
    public String label() {
        return "ASTER/ECOSTRESS library text";
    }

    @Override
    public List<String> extensions() {
        return List.of("txt");
    }

    @Override
    public Match recognise(FileHead head, SpectrumReadOptions options) {
        boolean x = false;
        boolean y = false;
        for (String l : head.lines()) {
            if (isDataLine(l)) {
                break;
            }
            String t = l.trim().toLowerCase(Locale.ROOT);
            x |= t.startsWith("x units:") || t.startsWith("first x value:");
            y |= t.startsWith("y units:");
        }
        return x && y ? Match.CONTENT : Match.NONE;
    }

    /** The data start at the first line of two or more numbers (a lone number may end a description line). */
    private static boolean isDataLine(String line) {
        double[] numbers = NumberCells.numbersOrNull(line);
        return numbers != null && numbers.length >= 2;
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
        List<String> lines = text.lines();
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Long> keyLines = new LinkedHashMap<>();
        int i = 0;
        for (; i < lines.size(); i++) {
            String l = lines.get(i);
            if (isDataLine(l)) {
                break;
            }
            Matcher m = KEY.matcher(l);
            if (m.matches()) {
                String key = m.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                if (!keys.containsKey(key)) {
                    keys.put(key, m.group(2).trim());
                    keyLines.put(key, (long) i + 1);
                }
            }
        }
        List<double[]> rows = new ArrayList<>();
        List<Long> rowLines = new ArrayList<>();
        int width = -1;
        for (; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty()) {
                continue;
            }
            long number = i + 1;
            double[] row = NumberCells.numbers(file, number, t);
            if (row.length < 2) {
                throw new SpectralFileException(file, number, 2, "has one value; expected x y");
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
        if (rows.size() < 2) {
            throw new SpectralFileException(file, lines.size(), 1, rows.isEmpty() ? "has a header but no data lines"
                    : "has a single data line; a spectrum needs at least two");
        }
        int n = rows.size();
        String declared = keys.get("number of x values");
        if (declared != null) {
            try {
                long count = Math.round(Double.parseDouble(declared.replace(",", "")));
                if (count != n) {
                    ctx.note("the header says " + declared + " values (line " + keyLines.get("number of x values")
                            + "); the file holds " + n + ", all read");
                }
            } catch (NumberFormatException e) {
                ctx.note("\"Number of X Values: " + declared + "\" is not a number; ignored");
            }
        }
        if (width > 2) {
            ctx.note("columns 3-" + width + " ignored (x and y are the first two)");
        }
        double[] x = new double[n];
        double[] y = new double[n];
        long[] lineOf = new long[n];
        for (int r = 0; r < n; r++) {
            x[r] = rows.get(r)[0];
            y[r] = rows.get(r)[1];
            lineOf[r] = rowLines.get(r);
            if (Double.isNaN(x[r])) {
                throw new SpectralFileException(file, lineOf[r], 1, "the x value is missing");
            }
        }
        String xUnits = keys.getOrDefault("x units", "");
        Optional<AxisUnit> stated = xUnits.isBlank() ? Optional.empty() : AxisUnit.fromHeader(xUnits);
        if (!xUnits.isBlank() && stated.isEmpty() && options.axisUnit().isEmpty()) {
            throw new SpectralFileException(file, keyLines.get("x units"), 1, "\"X Units: " + xUnits + "\" is not"
                    + " a spectral axis Oscilla converts (micrometres, nanometres, cm^-1); set --x-unit if it is wrong");
        }
        AxisUnit unit = ctx.axisUnit(stated, "\"X Units: " + xUnits + "\"", x, lineOf[0], 1);
        String yUnits = keys.getOrDefault("y units", "");
        QuantityLabel label = QuantityLabel.parse(yUnits);
        String measurement = keys.getOrDefault("measurement", "");
        SpectrumKind statedKind = label.kind() != SpectrumKind.UNKNOWN ? label.kind()
                : QuantityLabel.parseWords(measurement).kind();
        String source = label.kind() != SpectrumKind.UNKNOWN ? "\"Y Units: " + yUnits + "\""
                : "\"Measurement: " + measurement + "\"";
        SpectrumKind kind = ctx.kind(statedKind, source);
        boolean percent = ctx.percent(label.percent(), "\"Y Units: " + yUnits + "\"", kind, y);
        String name = keys.getOrDefault("name", "").trim();
        if (name.isEmpty()) {
            name = ReadContext.stem(file);
        }
        List<String> described = new ArrayList<>();
        for (String k : List.of("measurement", "particle size", "sample no.", "owner")) {
            if (keys.containsKey(k) && !keys.get(k).isBlank()) {
                described.add(k + " " + keys.get(k));
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("ASTER/ECOSTRESS library text" + (described.isEmpty() ? "" : ": " + String.join("; ", described)));
        List<Spectrum> spectra = ctx.assemble(unit, x, lineOf, 1, new double[][] {y}, new int[] {2},
                new String[] {name}, new SpectrumKind[] {kind}, new boolean[] {percent});
        notes.addAll(ctx.notes);
        return SpectrumSet.of(spectra).withNotes(notes);
    }
}
