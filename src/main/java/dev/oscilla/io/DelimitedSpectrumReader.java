package dev.oscilla.io;

import dev.oscilla.io.DelimitedText.Line;
import dev.oscilla.io.DelimitedText.Row;
import dev.oscilla.io.SpectrumReadOptions.ValueScale;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads spectra from delimited text (CSV, TSV, semicolon- or whitespace-separated): the first column (or the
 * selected axis column) is the spectral axis, every further (or selected) column a spectrum. Detects the
 * delimiter, a header row, decimal commas, the axis unit, percent values and the spectrum kind, converts to
 * cm^-1 fractions on an ascending axis, and records every detection and conversion as a note.
 *
 * <p>Rules, chosen to be conservative (a wrong guess silently corrupts a fit; an error costs one option):
 * <ul>
 *   <li>Header: the first row is a header when its axis cell is text (not a number or a missing value), or
 *       when its axis cell is empty and another cell is text (a spreadsheet's blank corner).</li>
 *   <li>Axis unit: an option wins; then the axis header ("Wavenumber (cm-1)", "wavelength_um", "nm" ...);
 *       a header naming another unit (eV, THz, a.u.) is an error; "wavelength" without a unit is micrometres
 *       when every value is at most 100 and nanometres when every value is at least 1000. With no unit in a
 *       header the values decide only when every one lies in (100, 10000]: thermal-infrared wavenumbers, which
 *       as micrometres would be beyond the far infrared. Anything else could be micrometres (TIR is 2.5-50 um)
 *       or nanometres and needs the option.</li>
 *   <li>Percent: an option wins; then a {@code # scale:} line; then a value column whose header says "%" or "percent"; the other columns
 *       together are percent when the median of their values lies in (1.5, 100]. The median, not the maximum,
 *       because real emissivity data have noisy channels far outside [0, 1] (the ASU data below ~300 cm^-1).</li>
 *   <li>Kind: an option wins; then the column header ("emissivity", "reflectance"); then a comment line
 *       {@code # kind: emissivity} as written by {@link SpectrumFiles#writeCsv(Path, List)}.</li>
 *   <li>A comment line {@code # scale: fraction} (or {@code percent}), also written by Oscilla, settles the
 *       scale when no option does. Columns headed n, k, eps1 or eps2 are optical constants, never percent.</li>
 * </ul>
 */
final class DelimitedSpectrumReader {

    /** Unitless axis values are taken as wavenumbers only inside (LOWEST, HIGHEST] cm^-1. */
    static final double LOWEST_UNSTATED_WAVENUMBER = 100;
    static final double HIGHEST_UNSTATED_WAVENUMBER = 10_000;

    /** Undeclared values are percent when their median exceeds this (fractions stay below ~1). */
    static final double PERCENT_MEDIAN_THRESHOLD = 1.5;

    private static final Pattern KIND_DIRECTIVE =
            Pattern.compile("(?i)\\s*#\\s*(?:kind|quantity)\\s*[:=]\\s*"
                    + "(emissivity|reflectance|transmittance|absorbance|intensity)\\s*");
    private static final Pattern SCALE_DIRECTIVE =
            Pattern.compile("(?i)\\s*#\\s*scale\\s*[:=]\\s*(fraction|percent)\\s*");
    /** Headers of optical-constant columns (n, k, eps1, eps2), whose values are never percent. */
    private static final Pattern OPTICAL_CONSTANT =
            Pattern.compile("(?i)\\s*(n|k|eps1|eps2|epsilon1|epsilon2|e1|e2)\\s*");
    private static final Pattern WAVELENGTH_WORD =
            Pattern.compile("(?i).*(wavelength|lambda|(?<!\\p{L})wl(?!\\p{L})).*");
    private static final Pattern OTHER_UNIT_WORD = Pattern.compile(
            "(?i).*(?<!\\p{L})(m?ev|[kmgt]?hz|angstroms?|ångström|å|energy|frequency|pixels?|px|channels?|index|time)"
                    + "(?!\\p{L}).*");
    private static final Pattern BRACKETED = Pattern.compile("[(\\[]\\s*([^)\\]]*?)\\s*[)\\]]");
    private static final Pattern COLUMN_NUMBER = Pattern.compile("\\d+");

    private final Path file;
    private final SpectrumReadOptions options;
    private final List<String> notes = new ArrayList<>();

    private DelimitedSpectrumReader(Path file, SpectrumReadOptions options) {
        this.file = file;
        this.options = options;
    }

    static SpectrumSet read(Path file, SpectrumReadOptions options) throws SpectralFileException {
        return new DelimitedSpectrumReader(file, options).read(TextFiles.read(file));
    }

    /** Reads in-memory content named {@code file} (fuzzing). */
    static SpectrumSet parse(Path file, byte[] content, SpectrumReadOptions options) throws SpectralFileException {
        return new DelimitedSpectrumReader(file, options).read(TextFiles.decode(file, content));
    }

    private SpectrumSet read(TextFiles.Text text) throws SpectralFileException {
        if (text.encodingNote() != null) {
            notes.add(text.encodingNote());
        }
        List<String> physical = text.lines();
        List<Line> lines = DelimitedText.contentLines(physical);
        if (lines.isEmpty()) {
            boolean onlyBlank = physical.stream().allMatch(String::isBlank);
            throw new SpectralFileException(file, 1, 1, onlyBlank ? "is empty (no data rows)"
                    : "has only comment lines (no data rows)");
        }
        char delimiter = options.delimiter().orElseGet(() -> DelimitedText.detectDelimiter(lines));
        List<Row> rows = DelimitedText.split(file, lines, delimiter);
        rows = dropTrailingDelimiter(rows, delimiter);

        int axisGuess = axisIndexBeforeHeader(rows.get(0));
        Row header = isHeader(rows.get(0), axisGuess) ? rows.get(0) : null;
        List<Row> data = header == null ? rows : rows.subList(1, rows.size());
        Row first = rows.get(0);
        int width = first.width();
        if (width < 2) {
            throw new SpectralFileException(file, first.line(), 1, "has a single column; expected an axis column"
                    + " and at least one spectrum column (read as " + DelimitedText.describe(delimiter)
                    + " text; set the delimiter if that is wrong)");
        }
        if (data.isEmpty()) {
            throw new SpectralFileException(file, header.line(), 1,
                    "has a header but no data rows (the file ends after line " + physical.size() + ")");
        }
        checkWidths(data, width, header);
        if (data.size() < 2) {
            throw new SpectralFileException(file, data.get(0).line(), 1,
                    "has a single data row; a spectrum needs at least two channels");
        }

        int axisIndex = resolveAxisColumn(header, first, width);
        int[] spectrumIndices = resolveSpectrumColumns(header, first, width, axisIndex);
        int[] all = new int[spectrumIndices.length + 1];
        all[0] = axisIndex;
        System.arraycopy(spectrumIndices, 0, all, 1, spectrumIndices.length);
        boolean decimalComma = DelimitedText.decimalComma(file, data, all, options.decimalMark());
        notes.add("read as " + DelimitedText.describe(delimiter) + " text"
                + (header == null ? " without a header" : " with a header on line " + header.line())
                + (decimalComma ? ", decimal commas" : ""));

        int n = data.size();
        int s = spectrumIndices.length;
        long[] lineOf = new long[n];
        double[] raw = new double[n];
        double[][] values = new double[s][n];
        for (int r = 0; r < n; r++) {
            Row row = data.get(r);
            lineOf[r] = row.line();
            String axisCell = row.cells()[axisIndex];
            raw[r] = NumberCells.parse(file, row.line(), axisIndex + 1, axisCell, decimalComma);
            if (Double.isNaN(raw[r])) {
                throw new SpectralFileException(file, row.line(), axisIndex + 1, "axis value is missing (\""
                        + axisCell.trim() + "\"); every row needs a wavenumber or wavelength");
            }
            if (!(raw[r] > 0)) {
                throw new SpectralFileException(file, row.line(), axisIndex + 1, "axis value " + axisCell.trim()
                        + " is not positive (wavenumbers and wavelengths are > 0)");
            }
            for (int k = 0; k < s; k++) {
                values[k][r] = NumberCells.parse(file, row.line(), spectrumIndices[k] + 1,
                        row.cells()[spectrumIndices[k]], decimalComma);
            }
        }
        String[] names = names(header, spectrumIndices, axisIndex, width);
        for (int k = 0; k < s; k++) {
            if (Arrays.stream(values[k]).allMatch(Double::isNaN)) {
                long line = header != null ? header.line() : data.get(0).line();
                throw new SpectralFileException(file, line, spectrumIndices[k] + 1, "column \"" + names[k]
                        + "\" has no numeric value (every cell is empty or NaN)");
            }
        }

        AxisUnit unit = axisUnit(header, axisIndex, raw, lineOf);
        double[] axis = new double[n];
        for (int r = 0; r < n; r++) {
            axis[r] = unit.toWavenumber(raw[r]);
        }
        int[] valueColumns = new int[s];
        for (int k = 0; k < s; k++) {
            valueColumns[k] = spectrumIndices[k] + 1;
        }
        AxisCheck.Sorted sorted = AxisCheck.ascending(file, axis, values, lineOf, axisIndex + 1, valueColumns);
        noteOrder(unit, sorted);
        noteMasked(sorted.values());
        SpectrumKind[] kinds = kinds(header, spectrumIndices, physical);
        double[][] scaled = scale(header, spectrumIndices, kinds, sorted.values(),
                directive(physical, SCALE_DIRECTIVE));

        List<Spectrum> spectra = new ArrayList<>(s);
        for (int k = 0; k < s; k++) {
            spectra.add(new Spectrum(names[k], kinds[k], sorted.axis(), scaled[k], null));
        }
        return SpectrumSet.of(spectra).withNotes(notes);
    }

    /** Exports that end every line with the delimiter produce an empty last cell everywhere; ignore it. */
    private List<Row> dropTrailingDelimiter(List<Row> rows, char delimiter) {
        if (delimiter == DelimitedText.WHITESPACE) {
            return rows;
        }
        for (Row r : rows) {
            if (r.width() < 3 || !r.cells()[r.width() - 1].isEmpty()) {
                return rows;
            }
        }
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new Row(r.line(), Arrays.copyOf(r.cells(), r.width() - 1)));
        }
        notes.add("every line ends with a delimiter; the empty last column was ignored");
        return out;
    }

    /** Index of the axis column when the option gives a number; 0 otherwise (header detection needs one). */
    private int axisIndexBeforeHeader(Row first) {
        Optional<String> selector = options.axisColumn();
        if (selector.isPresent() && COLUMN_NUMBER.matcher(selector.get()).matches()) {
            int k = Integer.parseInt(selector.get()) - 1;
            return k >= 0 && k < first.width() ? k : 0;
        }
        return 0;
    }

    private static boolean isHeader(Row first, int axisIndex) {
        String axisCell = first.cells()[Math.min(axisIndex, first.width() - 1)];
        if (!NumberCells.isNumberOrMissing(axisCell)) {
            return true;
        }
        if (NumberCells.isMissing(axisCell) && !axisCell.trim().isEmpty()) {
            return false; // "NaN" in the axis cell: a data row with a bad axis value, reported later
        }
        if (axisCell.trim().isEmpty()) {
            for (String cell : first.cells()) {
                if (!NumberCells.isNumberOrMissing(cell)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void checkWidths(List<Row> data, int width, Row header) throws SpectralFileException {
        long reference = header != null ? header.line() : data.get(0).line();
        for (int r = 0; r < data.size(); r++) {
            Row row = data.get(r);
            if (row.width() == width) {
                continue;
            }
            boolean last = r == data.size() - 1;
            int column = Math.min(row.width(), width) + 1;
            String problem = "has " + row.width() + (row.width() == 1 ? " field" : " fields") + ", expected "
                    + width + " (as on line " + reference + ")";
            if (last && row.width() < width) {
                problem += "; the file looks truncated";
            }
            throw new SpectralFileException(file, row.line(), column, problem);
        }
    }

    private int resolveAxisColumn(Row header, Row first, int width) throws SpectralFileException {
        Optional<String> selector = options.axisColumn();
        if (selector.isEmpty()) {
            return 0;
        }
        return resolveColumn(selector.get(), header, first, width, "axis column");
    }

    private int[] resolveSpectrumColumns(Row header, Row first, int width, int axisIndex)
            throws SpectralFileException {
        List<String> selectors = options.spectrumColumns();
        if (selectors.isEmpty()) {
            int[] out = new int[width - 1];
            int i = 0;
            for (int c = 0; c < width; c++) {
                if (c != axisIndex) {
                    out[i++] = c;
                }
            }
            return out;
        }
        int[] out = new int[selectors.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = resolveColumn(selectors.get(i), header, first, width, "spectrum column");
            if (out[i] == axisIndex) {
                throw new SpectralFileException(file, first.line(), out[i] + 1,
                        "column " + (out[i] + 1) + " is the axis column and cannot also be a spectrum");
            }
            for (int j = 0; j < i; j++) {
                if (out[j] == out[i]) {
                    throw new SpectralFileException(file, first.line(), out[i] + 1,
                            "column " + (out[i] + 1) + " is selected twice");
                }
            }
        }
        return out;
    }

    private int resolveColumn(String selector, Row header, Row first, int width, String what)
            throws SpectralFileException {
        if (COLUMN_NUMBER.matcher(selector).matches()) {
            int k = Integer.parseInt(selector);
            if (k < 1 || k > width) {
                throw new SpectralFileException(file, first.line(), 0, what + " " + k + " does not exist (the file has "
                        + width + " columns)");
            }
            return k - 1;
        }
        if (header == null) {
            throw new SpectralFileException(file, first.line(), 0, what + " \"" + selector
                    + "\" is a name, but the file has no header row; select columns by number (1-based)");
        }
        int found = -1;
        for (int c = 0; c < header.width(); c++) {
            if (header.cells()[c].equalsIgnoreCase(selector)) {
                if (found >= 0) {
                    throw new SpectralFileException(file, header.line(), c + 1, "columns " + (found + 1) + " and "
                            + (c + 1) + " are both named \"" + selector + "\"; select by number");
                }
                found = c;
            }
        }
        if (found < 0) {
            throw new SpectralFileException(file, header.line(), 0, "no column named \"" + selector + "\" (columns: "
                    + String.join(", ", header.cells()) + ")");
        }
        return found;
    }

    private String[] names(Row header, int[] spectrumIndices, int axisIndex, int width) {
        String stem = stem(file);
        String[] out = new String[spectrumIndices.length];
        for (int k = 0; k < out.length; k++) {
            int c = spectrumIndices[k];
            String name = header == null ? "" : header.cells()[c].trim();
            if (name.isEmpty()) {
                // numbered among the spectrum columns of the file (axis excluded), stable under column selection
                int number = c < axisIndex ? c + 1 : c;
                name = width == 2 ? stem : stem + "#" + number;
            }
            out[k] = name;
        }
        return out;
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private AxisUnit axisUnit(Row header, int axisIndex, double[] raw, long[] lineOf) throws SpectralFileException {
        Optional<AxisUnit> forced = options.axisUnit();
        if (forced.isPresent()) {
            AxisUnit unit = forced.get();
            notes.add("axis unit " + unit.symbol() + " set by option");
            return unit;
        }
        double min = Arrays.stream(raw).min().orElseThrow();
        double max = Arrays.stream(raw).max().orElseThrow();
        String range = fmt(min) + "-" + fmt(max);
        if (header != null) {
            String label = header.cells()[axisIndex].trim();
            Optional<AxisUnit> named = AxisUnit.fromHeader(label);
            if (named.isPresent()) {
                notes.add("axis unit " + named.get().symbol() + " from the header \"" + label + "\"");
                return named.get();
            }
            String other = otherUnit(label);
            if (other != null) {
                throw new SpectralFileException(file, header.line(), axisIndex + 1, "the axis header \"" + label
                        + "\" names a unit Oscilla does not convert (" + other + "); the axis must be in cm^-1, um or"
                        + " nm (set --x-unit if the header is wrong)");
            }
            if (WAVELENGTH_WORD.matcher(label).matches()) {
                if (max <= 100) {
                    notes.add("axis header \"" + label + "\" names a wavelength without unit; values " + range
                            + " taken as micrometres");
                    return AxisUnit.MICROMETRE;
                }
                if (min >= 1000) {
                    notes.add("axis header \"" + label + "\" names a wavelength without unit; values " + range
                            + " taken as nanometres");
                    return AxisUnit.NANOMETRE;
                }
                throw new SpectralFileException(file, header.line(), axisIndex + 1, "the axis header \"" + label
                        + "\" names a wavelength without unit and the values " + range
                        + " could be micrometres or nanometres; set --x-unit um or --x-unit nm");
            }
        }
        for (int r = 0; r < raw.length; r++) {
            if (raw[r] <= LOWEST_UNSTATED_WAVENUMBER || raw[r] > HIGHEST_UNSTATED_WAVENUMBER) {
                throw new SpectralFileException(file, lineOf[r], axisIndex + 1, "cannot tell the axis unit: no header"
                        + " names it and the values " + range + " are not all within 100-10000 (where they can only be"
                        + " cm^-1); set --x-unit cm-1, --x-unit um or --x-unit nm");
            }
        }
        notes.add("axis unit not stated; values " + range + " taken as cm^-1");
        return AxisUnit.WAVENUMBER;
    }

    /** A unit other than cm^-1, um and nm named by an axis header, or null when it names none. */
    private static String otherUnit(String label) {
        Matcher bracket = BRACKETED.matcher(label);
        if (bracket.find() && !bracket.group(1).isBlank()) {
            return bracket.group(1);
        }
        Matcher word = OTHER_UNIT_WORD.matcher(label);
        if (word.matches()) {
            return word.group(1);
        }
        return null;
    }

    private void noteOrder(AxisUnit unit, AxisCheck.Sorted sorted) {
        boolean wavelength = unit != AxisUnit.WAVENUMBER;
        if (wavelength) {
            String name = unit == AxisUnit.MICROMETRE ? "micrometres" : "nanometres";
            String formula = unit == AxisUnit.MICROMETRE ? "10^4 / um" : "10^7 / nm";
            notes.add("axis in " + name + " converted to cm^-1 (" + formula + ")"
                    + (sorted.order() == AxisCheck.Order.DESCENDING ? " and sorted ascending" : ""));
        } else if (sorted.order() == AxisCheck.Order.DESCENDING) {
            notes.add("axis was descending; sorted ascending");
        }
        if (sorted.order() == AxisCheck.Order.UNSORTED) {
            notes.add("axis was not in order; channels sorted by wavenumber");
        }
        int d = sorted.duplicatesDropped();
        if (d > 0) {
            notes.add(d + " duplicated channel" + (d == 1 ? "" : "s") + " dropped (same axis value and values)");
        }
    }

    private void noteMasked(double[][] values) {
        int cells = 0;
        int spectra = 0;
        for (double[] column : values) {
            int nan = 0;
            for (double v : column) {
                if (Double.isNaN(v)) {
                    nan++;
                }
            }
            cells += nan;
            spectra += nan > 0 ? 1 : 0;
        }
        if (cells > 0) {
            notes.add(cells + " empty or NaN cell" + (cells == 1 ? "" : "s") + " masked (in " + spectra
                    + " spectr" + (spectra == 1 ? "um" : "a") + ")");
        }
    }

    /** The first comment line matching {@code directive}, its value lower-cased, or null. */
    private static String directive(List<String> physical, Pattern directive) {
        for (String line : physical) {
            Matcher m = directive.matcher(line);
            if (m.matches()) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private double[][] scale(Row header, int[] spectrumIndices, SpectrumKind[] kinds, double[][] values,
                             String scaleDirective) {
        int s = values.length;
        boolean[] percent = new boolean[s];
        Optional<ValueScale> forced = options.valueScale();
        if (forced.isPresent()) {
            Arrays.fill(percent, forced.get() == ValueScale.PERCENT);
            if (forced.get() == ValueScale.PERCENT) {
                notes.add("values in percent (set by option) divided by 100");
            }
        } else if (scaleDirective != null) {
            Arrays.fill(percent, scaleDirective.equals("percent"));
            notes.add("values are " + (scaleDirective.equals("percent") ? "percent (divided by 100)" : "fractions")
                    + " as the file's \"# scale:\" line says");
        } else {
            List<String> declared = new ArrayList<>();
            List<double[]> undeclared = new ArrayList<>();
            List<Integer> undeclaredIndex = new ArrayList<>();
            for (int k = 0; k < s; k++) {
                String label = header == null ? "" : header.cells()[spectrumIndices[k]];
                if (mentionsPercent(label)) {
                    percent[k] = true;
                    declared.add("\"" + label.trim() + "\"");
                } else if (!OPTICAL_CONSTANT.matcher(label).matches() && QuantityLabel.canBePercent(kinds[k])) {
                    undeclared.add(values[k]);
                    undeclaredIndex.add(k);
                }
            }
            if (!declared.isEmpty()) {
                notes.add("values in percent (header " + String.join(", ", limit(declared)) + ") divided by 100");
            }
            if (!undeclared.isEmpty()) {
                double[] finite = undeclared.stream().flatMapToDouble(Arrays::stream).filter(Double::isFinite)
                        .sorted().toArray();
                double median = median(finite);
                double max = finite[finite.length - 1];
                if (median > PERCENT_MEDIAN_THRESHOLD && median <= 100) {
                    for (int k : undeclaredIndex) {
                        percent[k] = true;
                    }
                    notes.add("values in percent (median " + fmt(median) + ") divided by 100");
                } else if (median > 100) {
                    notes.add("values (median " + fmt(median) + ") are neither fractions nor percent; kept as read");
                } else if (max > PERCENT_MEDIAN_THRESHOLD) {
                    notes.add("values taken as fractions (median " + fmt(median) + "); channels up to " + fmt(max)
                            + " kept as read");
                }
            }
        }
        double[][] out = new double[s][];
        for (int k = 0; k < s; k++) {
            out[k] = values[k].clone();
            if (percent[k]) {
                for (int c = 0; c < out[k].length; c++) {
                    out[k][c] /= 100;
                }
            }
        }
        return out;
    }

    private static List<String> limit(List<String> items) {
        if (items.size() <= 3) {
            return items;
        }
        List<String> out = new ArrayList<>(items.subList(0, 3));
        out.add("and " + (items.size() - 3) + " more");
        return out;
    }

    static boolean mentionsPercent(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        return l.contains("%") || l.contains("percent");
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    private SpectrumKind[] kinds(Row header, int[] spectrumIndices, List<String> physical) {
        SpectrumKind[] out = new SpectrumKind[spectrumIndices.length];
        Optional<SpectrumKind> forced = options.kind();
        if (forced.isPresent()) {
            Arrays.fill(out, forced.get());
            return out;
        }
        String kindLine = directive(physical, KIND_DIRECTIVE);
        SpectrumKind directive = kindLine == null ? SpectrumKind.UNKNOWN
                : SpectrumKind.valueOf(kindLine.toUpperCase(Locale.ROOT));
        int fromHeaders = 0;
        for (int k = 0; k < out.length; k++) {
            SpectrumKind byHeader = header == null ? SpectrumKind.UNKNOWN
                    : kindFromLabel(header.cells()[spectrumIndices[k]]);
            fromHeaders += byHeader != SpectrumKind.UNKNOWN ? 1 : 0;
            out[k] = byHeader != SpectrumKind.UNKNOWN ? byHeader : directive;
        }
        if (fromHeaders > 0) {
            notes.add("kind from the column header" + (fromHeaders == 1 ? "" : "s") + " (" + fromHeaders + " of "
                    + out.length + ")");
        } else if (directive != SpectrumKind.UNKNOWN) {
            notes.add("kind " + directive.name().toLowerCase(Locale.ROOT) + " from the file's \"# kind:\" line");
        }
        return out;
    }

    /** The quantity a column header names in words (single letters such as "A" or "R" are names, not units). */
    static SpectrumKind kindFromLabel(String label) {
        return QuantityLabel.parseWords(label).kind();
    }

    /** Compact display of a number in notes: at most 6 significant digits, no exponent for ordinary values. */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        s = s.contains(".") ? s.replaceAll("0+$", "") : s;
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
