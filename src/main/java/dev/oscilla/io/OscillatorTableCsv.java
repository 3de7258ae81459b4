package dev.oscilla.io;

import dev.oscilla.io.DelimitedText.Line;
import dev.oscilla.io.DelimitedText.Row;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.ParameterLayout;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A library as a flat oscillator table for spreadsheets: one row per oscillator, so parameters can be sorted,
 * compared and edited in a spreadsheet and imported back.
 *
 * <pre>
 * mineral,category,mode,eps_inf,weight,oscillator,omega0_cm-1,S,rho,gamma,width_cm-1[,bounds...],source
 * </pre>
 * Units and conventions are those of DESIGN.md section 1: omega0 in cm^-1, S = 4*pi*rho, gamma as a fraction of
 * omega0. Two columns are derived for reading convenience: {@code rho} = S / (4*pi) and {@code width_cm-1} =
 * gamma * omega0 (the band's approximate full width). Mode and oscillator numbers are 1-based; the mode's
 * {@code eps_inf} and {@code weight} repeat on each of its rows. When any mineral has bounds, the columns
 * {@code omega0_min, omega0_max, S_min, S_max, gamma_min, gamma_max, eps_inf_min, eps_inf_max, weight_min,
 * weight_max} follow, an empty cell being an open side. The {@code source} column keeps each mineral's
 * provenance.
 *
 * <p>Rows that are not oscillators: a mode without oscillators has one row with an empty {@code oscillator}
 * cell; a mineral without modes (the blackbody) has one row with empty {@code mode} and parameter cells.
 *
 * <p>Reading is the inverse, strict where a spreadsheet edit could be ambiguous: rows may come in any order
 * (oscillators are ordered by their number, gaps from deleted rows allowed), S may be given by {@code S} or by
 * {@code rho} and gamma by {@code gamma} or by {@code width_cm-1}, but when both of a pair are filled they must
 * agree (to 1e-9 relative), since a silent choice would discard the user's edit; clear the one not meant.
 * Repeated mode and mineral cells must agree across rows. Comma-, semicolon- or tab-separated files are read,
 * the latter two also with decimal commas (a spreadsheet saved in a European locale).
 */
public final class OscillatorTableCsv {

    public static final List<String> BASE_COLUMNS = List.of("mineral", "category", "mode", "eps_inf", "weight",
            "oscillator", "omega0_cm-1", "S", "rho", "gamma", "width_cm-1");
    public static final List<String> BOUND_COLUMNS = List.of("omega0_min", "omega0_max", "S_min", "S_max",
            "gamma_min", "gamma_max", "eps_inf_min", "eps_inf_max", "weight_min", "weight_max");
    public static final String SOURCE_COLUMN = "source";

    /** Columns that describe one oscillator (empty on the row of a mode without oscillators). */
    private static final List<String> OSCILLATOR_COLUMNS = List.of("omega0_cm-1", "S", "rho", "gamma", "width_cm-1",
            "omega0_min", "omega0_max", "S_min", "S_max", "gamma_min", "gamma_max");

    /** Relative tolerance for S against 4*pi*rho and gamma*omega0 against width when both are given. */
    static final double AGREEMENT = 1e-9;

    private static final Map<String, String> ALIASES = Map.of("omega0", "omega0_cm-1", "width", "width_cm-1",
            "name", "mineral", "sample_name", "mineral", "epsilon_inf", "eps_inf");

    private OscillatorTableCsv() {
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** Writes the table atomically. Names, categories and sources must not contain line breaks. */
    public static void write(MineralLibrary library, Path file) throws SpectralFileException {
        AtomicFiles.writeText(file, out -> writeTo(library, out));
    }

    /** The table as text. */
    public static String toCsv(MineralLibrary library) {
        java.io.StringWriter sw = new java.io.StringWriter();
        try {
            writeTo(library, sw);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return sw.toString();
    }

    private static void writeTo(MineralLibrary library, Writer out) throws IOException {
        boolean withBounds = library.minerals().stream().anyMatch(m -> m.bounds() != null);
        List<String> header = new ArrayList<>(BASE_COLUMNS);
        if (withBounds) {
            header.addAll(BOUND_COLUMNS);
        }
        header.add(SOURCE_COLUMN);
        out.write(CsvTables.headerLine(header));
        out.write('\n');
        for (Mineral mineral : library.minerals()) {
            // Checked while streaming: the atomic write then leaves any previous file untouched.
            for (String text : List.of(mineral.name(), mineral.category(), mineral.source())) {
                if (text.contains("\n") || text.contains("\r")) {
                    throw new IOException("mineral '" + mineral.name().replaceAll("[\\r\\n]+", " ")
                            + "': names, categories and sources must be single lines in an oscillator table");
                }
            }
            ParameterLayout layout = mineral.layout();
            ParameterBounds b = mineral.bounds();
            if (mineral.modes().isEmpty()) { // no oscillator rows: one row keeps the entry
                List<String> cells = emptyRow(header.size());
                cells.set(0, mineral.name());
                cells.set(1, mineral.category());
                cells.set(header.size() - 1, mineral.source());
                writeRow(out, cells);
                continue;
            }
            for (int m = 0; m < mineral.modes().size(); m++) {
                Mode mode = mineral.modes().get(m);
                int rows = Math.max(1, mode.size());
                for (int j = 0; j < rows; j++) {
                    List<String> cells = emptyRow(header.size());
                    cells.set(0, mineral.name());
                    cells.set(1, mineral.category());
                    cells.set(2, Integer.toString(m + 1));
                    cells.set(3, CsvTables.format(mode.epsInf()));
                    cells.set(4, CsvTables.format(mode.weight()));
                    if (mode.size() > 0) {
                        Oscillator o = mode.oscillators().get(j);
                        cells.set(5, Integer.toString(j + 1));
                        cells.set(6, CsvTables.format(o.omega0()));
                        cells.set(7, CsvTables.format(o.strength()));
                        cells.set(8, CsvTables.format(o.rho()));
                        cells.set(9, CsvTables.format(o.gamma()));
                        if (!Double.isFinite(o.widthCm())) {
                            throw new IOException("mineral '" + mineral.name() + "': the band width gamma * omega0 of"
                                    + " oscillator " + (j + 1) + " in mode " + (m + 1) + " overflows (gamma = "
                                    + o.gamma() + ", omega0 = " + o.omega0() + " cm^-1)");
                        }
                        cells.set(10, CsvTables.format(o.widthCm()));
                    }
                    if (b != null) {
                        int base = BASE_COLUMNS.size();
                        if (mode.size() > 0) {
                            setBound(cells, base, b, layout.index(m, j, ParameterKind.OMEGA0));
                            setBound(cells, base + 2, b, layout.index(m, j, ParameterKind.STRENGTH));
                            setBound(cells, base + 4, b, layout.index(m, j, ParameterKind.GAMMA));
                        }
                        setBound(cells, base + 6, b, layout.epsInfIndex(m));
                        setBound(cells, base + 8, b, layout.weightIndex(m));
                    }
                    cells.set(header.size() - 1, mineral.source());
                    writeRow(out, cells);
                }
            }
        }
    }

    private static List<String> emptyRow(int width) {
        List<String> cells = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            cells.add("");
        }
        return cells;
    }

    private static void setBound(List<String> cells, int at, ParameterBounds b, int index) {
        cells.set(at, Double.isInfinite(b.lower(index)) ? "" : CsvTables.format(b.lower(index)));
        cells.set(at + 1, Double.isInfinite(b.upper(index)) ? "" : CsvTables.format(b.upper(index)));
    }

    private static void writeRow(Writer out, List<String> cells) throws IOException {
        out.write(CsvTables.headerLine(cells));
        out.write('\n');
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** True when the file's first content line is an oscillator-table header (it names mineral and omega0). */
    public static boolean looksLikeOscillatorTable(Path file) {
        try {
            List<Line> lines = DelimitedText.contentLines(TextFiles.read(file).lines());
            return !lines.isEmpty() && headerDelimiter(lines.get(0).text()) != 0;
        } catch (SpectralFileException e) {
            return false;
        }
    }

    /** The delimiter that splits the header into cells including "mineral" and "mode", or 0. */
    private static char headerDelimiter(String header) {
        for (char d : new char[] {',', ';', '\t'}) {
            List<String> cells = new ArrayList<>();
            for (String c : header.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1)) {
                cells.add(canonical(c));
            }
            if (cells.contains("mineral") && cells.contains("mode")) {
                return d;
            }
        }
        return 0;
    }

    private static String canonical(String headerCell) {
        String c = headerCell.replace("\"", "").replace("\ufeff", "").trim().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(c, c);
    }

    public static MineralLibrary read(Path file) throws SpectralFileException {
        TextFiles.Text text = TextFiles.read(file);
        List<Line> lines = DelimitedText.contentLines(text.lines());
        if (lines.isEmpty()) {
            throw new SpectralFileException(file, 1, 1, "is empty (expected an oscillator table header: "
                    + String.join(",", BASE_COLUMNS) + ")");
        }
        char delimiter = headerDelimiter(lines.get(0).text());
        if (delimiter == 0) {
            throw new SpectralFileException(file, lines.get(0).number(), 1, "is not an oscillator table: the first"
                    + " line must be a header naming at least mineral, mode, oscillator, eps_inf, omega0_cm-1, S and"
                    + " gamma");
        }
        List<Row> rows = DelimitedText.split(file, lines, delimiter);
        Row header = rows.get(0);
        Map<String, Integer> columns = columns(file, header);
        List<Row> data = rows.subList(1, rows.size());
        if (data.isEmpty()) {
            throw new SpectralFileException(file, header.line(), 1, "has a header but no rows");
        }
        boolean decimalComma = false;
        if (delimiter != ',') {
            List<Integer> numeric = new ArrayList<>();
            for (Map.Entry<String, Integer> e : columns.entrySet()) {
                if (!e.getKey().equals("mineral") && !e.getKey().equals("category")
                        && !e.getKey().equals(SOURCE_COLUMN)) {
                    numeric.add(e.getValue());
                }
            }
            decimalComma = DelimitedText.detectDecimalComma(file, data,
                    numeric.stream().mapToInt(Integer::intValue).toArray());
        }
        TableReader reader = new TableReader(file, columns, decimalComma);
        Map<String, MineralRows> minerals = new LinkedHashMap<>();
        Map<String, String> spellings = new HashMap<>();
        for (Row row : data) {
            if (row.width() != header.width()) {
                throw new SpectralFileException(file, row.line(), Math.min(row.width(), header.width()) + 1, "has "
                        + row.width() + " fields, the header has " + header.width());
            }
            String name = reader.text(row, "mineral");
            if (name.isEmpty()) {
                throw reader.error(row, "mineral", "mineral name is empty");
            }
            String earlier = spellings.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (earlier != null && !earlier.equals(name)) {
                throw reader.error(row, "mineral", "\"" + name + "\" and \"" + earlier
                        + "\" differ only in case; a library's mineral names must be unique ignoring case");
            }
            minerals.computeIfAbsent(name, k -> new MineralRows()).rows.add(row);
        }
        List<Mineral> out = new ArrayList<>(minerals.size());
        for (Map.Entry<String, MineralRows> e : minerals.entrySet()) {
            out.add(reader.mineral(e.getKey(), e.getValue().rows));
        }
        String fileName = file.getFileName().toString();
        return new MineralLibrary(DelimitedSpectrumReader.stem(file), "Imported from oscillator table " + fileName,
                out);
    }

    private static Map<String, Integer> columns(Path file, Row header) throws SpectralFileException {
        List<String> known = new ArrayList<>(BASE_COLUMNS);
        known.addAll(BOUND_COLUMNS);
        known.add(SOURCE_COLUMN);
        Map<String, String> lowerToKnown = new HashMap<>();
        for (String k : known) {
            lowerToKnown.put(k.toLowerCase(Locale.ROOT), k);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.width(); c++) {
            String key = lowerToKnown.get(canonical(header.cells()[c]));
            if (key == null) {
                throw new SpectralFileException(file, header.line(), c + 1, "unknown column \"" + header.cells()[c]
                        + "\" (an oscillator table has " + String.join(", ", known) + ")");
            }
            if (columns.put(key, c) != null) {
                throw new SpectralFileException(file, header.line(), c + 1, "column \"" + key + "\" appears twice");
            }
        }
        for (String required : List.of("mineral", "mode", "oscillator", "eps_inf", "omega0_cm-1")) {
            if (!columns.containsKey(required)) {
                throw new SpectralFileException(file, header.line(), 0, "missing column \"" + required + "\"");
            }
        }
        if (!columns.containsKey("S") && !columns.containsKey("rho")) {
            throw new SpectralFileException(file, header.line(), 0, "missing column \"S\" (or \"rho\")");
        }
        if (!columns.containsKey("gamma") && !columns.containsKey("width_cm-1")) {
            throw new SpectralFileException(file, header.line(), 0, "missing column \"gamma\" (or \"width_cm-1\")");
        }
        return columns;
    }

    private static final class MineralRows {
        final List<Row> rows = new ArrayList<>();
    }

    /** Cell access by column name, with errors that name the line and column. */
    private static final class TableReader {
        private final Path file;
        private final Map<String, Integer> columns;
        private final boolean decimalComma;

        TableReader(Path file, Map<String, Integer> columns, boolean decimalComma) {
            this.file = file;
            this.columns = columns;
            this.decimalComma = decimalComma;
        }

        String text(Row row, String column) {
            Integer c = columns.get(column);
            return c == null ? "" : row.cells()[c].trim();
        }

        boolean has(Row row, String column) {
            return !text(row, column).isEmpty();
        }

        /** The number in the cell; NaN when the column is absent or the cell empty. */
        double number(Row row, String column) throws SpectralFileException {
            Integer c = columns.get(column);
            if (c == null) {
                return Double.NaN;
            }
            return NumberCells.parse(file, row.line(), c + 1, row.cells()[c], decimalComma);
        }

        double required(Row row, String column, String why) throws SpectralFileException {
            double v = number(row, column);
            if (Double.isNaN(v)) {
                throw error(row, column, column + " is empty" + why);
            }
            return v;
        }

        int index(Row row, String column) throws SpectralFileException {
            String t = text(row, column);
            try {
                int v = Integer.parseInt(t);
                if (v < 1) {
                    throw error(row, column, column + " number " + v + " must be 1 or more");
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(row, column, column + " number \"" + t + "\" is not a whole number");
            }
        }

        SpectralFileException error(Row row, String column, String problem) {
            Integer c = columns.get(column);
            return new SpectralFileException(file, row.line(), c == null ? 0 : c + 1, problem);
        }

        Mineral mineral(String name, List<Row> rows) throws SpectralFileException {
            Row first = rows.get(0);
            String category = text(first, "category");
            String source = text(first, SOURCE_COLUMN);
            for (Row row : rows) {
                sameText(row, first, "category", category);
                sameText(row, first, SOURCE_COLUMN, source);
            }
            Row modeless = null;
            for (Row row : rows) {
                if (!has(row, "mode")) {
                    modeless = row;
                }
            }
            if (modeless != null) {
                if (rows.size() > 1) {
                    throw error(modeless, "mode", "mineral \"" + name + "\" has " + rows.size() + " rows, but a row"
                            + " with an empty mode is only allowed as the single row of a mineral without modes");
                }
                List<String> parameterColumns = new ArrayList<>(List.of("eps_inf", "weight", "oscillator",
                        "omega0_cm-1", "S", "rho", "gamma", "width_cm-1"));
                parameterColumns.addAll(BOUND_COLUMNS);
                for (String column : parameterColumns) {
                    if (has(modeless, column)) {
                        throw error(modeless, column, "mineral \"" + name + "\" has no mode number, so " + column
                                + " must be empty (a mineral without modes is a blackbody)");
                    }
                }
                return new Mineral(name, category, List.of(), null, source);
            }
            TreeMap<Integer, List<Row>> byMode = new TreeMap<>();
            for (Row row : rows) {
                byMode.computeIfAbsent(index(row, "mode"), k -> new ArrayList<>()).add(row);
            }
            List<Mode> modes = new ArrayList<>();
            List<double[]> lows = new ArrayList<>();
            List<double[]> highs = new ArrayList<>();
            boolean anyBound = false;
            for (List<Row> modeRows : byMode.values()) {
                Row head = modeRows.get(0);
                double epsInf = required(head, "eps_inf", "");
                double weight = has(head, "weight") ? number(head, "weight") : 1.0;
                double[] modeLo = {number(head, "eps_inf_min"), number(head, "weight_min")};
                double[] modeHi = {number(head, "eps_inf_max"), number(head, "weight_max")};
                for (Row row : modeRows) {
                    sameNumber(row, head, "eps_inf", epsInf);
                    sameNumber(row, head, "weight", has(head, "weight") ? weight : Double.NaN);
                    sameNumber(row, head, "eps_inf_min", modeLo[0]);
                    sameNumber(row, head, "eps_inf_max", modeHi[0]);
                    sameNumber(row, head, "weight_min", modeLo[1]);
                    sameNumber(row, head, "weight_max", modeHi[1]);
                }
                if (!(epsInf > 0)) {
                    throw error(head, "eps_inf", "eps_inf must be > 0, got " + epsInf);
                }
                if (!(weight >= 0)) {
                    throw error(head, "weight", "mode weight must be >= 0, got " + weight);
                }
                TreeMap<Integer, Row> byNumber = new TreeMap<>();
                for (Row row : modeRows) {
                    if (!has(row, "oscillator")) {
                        if (modeRows.size() > 1) {
                            throw error(row, "oscillator", "oscillator number is empty, but mode "
                                    + text(row, "mode") + " of \"" + name + "\" has other rows; an empty oscillator"
                                    + " number marks the single row of a mode without oscillators");
                        }
                        for (String column : OSCILLATOR_COLUMNS) {
                            if (has(row, column)) {
                                throw error(row, column, "oscillator number is empty (a mode without oscillators),"
                                        + " so " + column + " must be empty too");
                            }
                        }
                        continue;
                    }
                    Row previous = byNumber.put(index(row, "oscillator"), row);
                    if (previous != null) {
                        throw error(row, "oscillator", "\"" + name + "\" mode " + text(row, "mode") + " oscillator "
                                + text(row, "oscillator") + " also appears on line " + previous.line());
                    }
                }
                List<Oscillator> oscillators = new ArrayList<>();
                double[] lo = new double[ParameterLayout.MODE_HEADER + 3 * byNumber.size()];
                double[] hi = new double[lo.length];
                lo[0] = modeLo[0];
                hi[0] = modeHi[0];
                lo[1] = modeLo[1];
                hi[1] = modeHi[1];
                int j = 0;
                for (Row row : byNumber.values()) {
                    oscillators.add(oscillator(row));
                    String[][] boundColumns = {{"omega0_min", "omega0_max"}, {"S_min", "S_max"},
                        {"gamma_min", "gamma_max"}};
                    for (int q = 0; q < 3; q++) {
                        lo[2 + 3 * j + q] = number(row, boundColumns[q][0]);
                        hi[2 + 3 * j + q] = number(row, boundColumns[q][1]);
                    }
                    j++;
                }
                for (int i = 0; i < lo.length; i++) {
                    anyBound |= !Double.isNaN(lo[i]) || !Double.isNaN(hi[i]);
                    lo[i] = Double.isNaN(lo[i]) ? Double.NEGATIVE_INFINITY : lo[i];
                    hi[i] = Double.isNaN(hi[i]) ? Double.POSITIVE_INFINITY : hi[i];
                }
                checkBoundOrder(modeRows, byNumber, lo, hi);
                modes.add(new Mode(epsInf, weight, oscillators));
                lows.add(lo);
                highs.add(hi);
            }
            ParameterBounds bounds = anyBound ? new ParameterBounds(concat(lows), concat(highs)) : null;
            return new Mineral(name, category, modes, bounds, source);
        }

        private Oscillator oscillator(Row row) throws SpectralFileException {
            double omega0 = required(row, "omega0_cm-1", " (every oscillator needs its resonant wavenumber)");
            if (!(omega0 > 0)) {
                throw error(row, "omega0_cm-1", "omega0 must be a positive wavenumber in cm^-1, got " + omega0);
            }
            double s = number(row, "S");
            double rho = number(row, "rho");
            String strengthColumn = "S";
            if (Double.isNaN(s)) {
                if (Double.isNaN(rho)) {
                    throw error(row, columns.containsKey("S") ? "S" : "rho", "S and rho are both empty");
                }
                s = Oscillator.FOUR_PI * rho;
                strengthColumn = "rho";
            } else if (!Double.isNaN(rho) && !agree(s, Oscillator.FOUR_PI * rho)) {
                throw error(row, "rho", "S = " + s + " and rho = " + rho + " disagree (S = 4*pi*rho = "
                        + Oscillator.FOUR_PI * rho + "); clear the one you did not mean to set");
            }
            if (!(s >= 0)) {
                throw error(row, strengthColumn, "oscillator strength S = 4*pi*rho must be >= 0, got " + s);
            }
            double gamma = number(row, "gamma");
            double width = number(row, "width_cm-1");
            String dampingColumn = "gamma";
            if (Double.isNaN(gamma)) {
                if (Double.isNaN(width)) {
                    throw error(row, columns.containsKey("gamma") ? "gamma" : "width_cm-1",
                            "gamma and width_cm-1 are both empty");
                }
                gamma = width / omega0;
                dampingColumn = "width_cm-1";
            } else if (!Double.isNaN(width) && !agree(width, gamma * omega0)) {
                throw error(row, "width_cm-1", "width_cm-1 = " + width + " disagrees with gamma * omega0 = "
                        + gamma * omega0 + "; clear width_cm-1 to keep gamma, or gamma to keep the width");
            }
            if (!(gamma > 0)) {
                throw error(row, dampingColumn, "damping gamma must be > 0 (fraction of omega0), got " + gamma);
            }
            return new Oscillator(omega0, s, gamma);
        }

        private void checkBoundOrder(List<Row> modeRows, TreeMap<Integer, Row> byNumber, double[] lo, double[] hi)
                throws SpectralFileException {
            String[] modeMins = {"eps_inf_min", "weight_min"};
            for (int i = 0; i < 2; i++) {
                if (lo[i] > hi[i]) {
                    throw error(modeRows.get(0), modeMins[i], modeMins[i] + " " + lo[i] + " exceeds the upper bound "
                            + hi[i]);
                }
            }
            String[] oscMins = {"omega0_min", "S_min", "gamma_min"};
            int j = 0;
            for (Row row : byNumber.values()) {
                for (int q = 0; q < 3; q++) {
                    int i = 2 + 3 * j + q;
                    if (lo[i] > hi[i]) {
                        throw error(row, oscMins[q], oscMins[q] + " " + lo[i] + " exceeds the upper bound " + hi[i]);
                    }
                }
                j++;
            }
        }

        private void sameText(Row row, Row first, String column, String expected) throws SpectralFileException {
            if (!text(row, column).equals(expected)) {
                throw error(row, column, column + " \"" + text(row, column) + "\" differs from \"" + expected
                        + "\" on line " + first.line() + " for the same mineral");
            }
        }

        private void sameNumber(Row row, Row first, String column, double expected) throws SpectralFileException {
            double v = number(row, column);
            boolean same = Double.isNaN(v) ? Double.isNaN(expected) : v == expected;
            if (!same) {
                throw error(row, column, column + " " + text(row, column) + " differs from "
                        + (text(first, column).isEmpty() ? "the empty cell" : text(first, column)) + " on line "
                        + first.line() + " for the same mode (mode values repeat on each of its rows)");
            }
        }
    }

    private static boolean agree(double a, double b) {
        return Math.abs(a - b) <= AGREEMENT * Math.max(Math.abs(a), Math.abs(b));
    }

    private static double[] concat(List<double[]> parts) {
        double[] out = new double[parts.stream().mapToInt(p -> p.length).sum()];
        int i = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
