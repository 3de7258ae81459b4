package dev.oscilla.io;

import dev.oscilla.io.SpectrumReadOptions.DecimalMark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splitting delimited text into cells, with the detection rules shared by the spectrum reader and the
 * oscillator-table reader: which delimiter, and whether numbers use a decimal comma. Lines are parsed one by
 * one (a numeric table has no multi-line quoted cells), so every cell keeps its exact 1-based line number.
 */
final class DelimitedText {

    /** The delimiter value that means "runs of spaces or tabs". */
    static final char WHITESPACE = ' ';

    /** Candidate single-character delimiters, in order of preference when equally plausible. */
    private static final char[] CANDIDATES = {'\t', ';', ','};

    /** At most this many lines are inspected to detect the delimiter. */
    private static final int DETECTION_SAMPLE = 50;

    private static final Pattern INNER_WHITESPACE = Pattern.compile("\\S\\s+\\S");

    private DelimitedText() {
    }

    /** A non-blank, non-comment line with its 1-based number in the file. */
    record Line(long number, String text) {
    }

    /** The cells of one line (trimmed, quotes removed). */
    record Row(long line, String[] cells) {
        int width() {
            return cells.length;
        }
    }

    /** The non-blank lines that are not comments (first non-blank character '#'). */
    static List<Line> contentLines(List<String> physicalLines) {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < physicalLines.size(); i++) {
            String t = physicalLines.get(i).trim();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(new Line(i + 1, physicalLines.get(i)));
            }
        }
        return out;
    }

    /**
     * Detects the delimiter from the first lines after the first (which may be a header with free text).
     * A candidate character counts for a line when it splits the line into two or more cells none of which
     * contains inner whitespace; the candidate counting for the most lines wins, if it counts for at least half
     * of them, with ties going to tab, then semicolon, then comma. That order matters for European exports: in
     * "1000,5;0,95" both ';' and ',' split cleanly, and the semicolon is the delimiter. Without a winner the
     * cells are separated by runs of whitespace (the ASU tab layout, many instrument exports), where a comma
     * inside "1000,5 0,95" is a decimal comma.
     */
    static char detectDelimiter(List<Line> lines) {
        int from = lines.size() > 1 ? 1 : 0;
        int to = Math.min(lines.size(), from + DETECTION_SAMPLE);
        int sample = to - from;
        if (sample == 0) {
            return WHITESPACE;
        }
        char best = WHITESPACE;
        int bestCount = 0;
        for (char c : CANDIDATES) {
            int count = 0;
            for (int i = from; i < to; i++) {
                if (splitsCleanly(lines.get(i).text(), c)) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return 2 * bestCount >= sample ? best : WHITESPACE;
    }

    private static boolean splitsCleanly(String line, char c) {
        if (line.indexOf(c) < 0) {
            return false;
        }
        String[] parts = line.split(Pattern.quote(String.valueOf(c)), -1);
        for (String p : parts) {
            if (INNER_WHITESPACE.matcher(p.trim()).find()) {
                return false;
            }
        }
        return parts.length >= 2;
    }

    /** A phrase for notes and messages: "comma-separated", "whitespace-separated", ... */
    static String describe(char delimiter) {
        switch (delimiter) {
            case WHITESPACE:
                return "whitespace-separated";
            case '\t':
                return "tab-separated";
            case ';':
                return "semicolon-separated";
            case ',':
                return "comma-separated";
            default:
                return "'" + delimiter + "'-separated";
        }
    }

    /** Splits each line into trimmed cells; quoted cells ("a, b") are supported for character delimiters. */
    static List<Row> split(Path file, List<Line> lines, char delimiter) throws SpectralFileException {
        List<Row> rows = new ArrayList<>(lines.size());
        if (delimiter == WHITESPACE) {
            for (Line l : lines) {
                rows.add(new Row(l.number(), l.text().trim().split("\\s+")));
            }
            return rows;
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setQuote('"')
                .setTrim(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(false)
                .get();
        for (Line l : lines) {
            try (CSVParser parser = CSVParser.parse(l.text(), format)) {
                List<CSVRecord> records = parser.getRecords();
                if (records.size() != 1) {
                    throw new SpectralFileException(file, l.number(), 0, "cannot split the line into cells");
                }
                rows.add(new Row(l.number(), records.get(0).values()));
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
                throw new SpectralFileException(file, l.number(), quoteColumn(l.text(), delimiter),
                        "malformed quoted cell (" + oneLine(cause.getMessage()) + ")", e);
            }
        }
        return rows;
    }

    /** 1-based cell index of the first quote on the line (where an unterminated quoted cell starts). */
    private static int quoteColumn(String line, char delimiter) {
        int q = line.indexOf('"');
        if (q < 0) {
            return 1;
        }
        int column = 1;
        for (int i = 0; i < q; i++) {
            if (line.charAt(i) == delimiter) {
                column++;
            }
        }
        return column;
    }

    /**
     * Detects the decimal mark from the cells of the given columns: commas when some number has a decimal
     * comma and none a decimal point. A comma delimiter leaves room for decimal commas only inside quoted
     * cells, which the same rule handles. Mixed marks are an error naming the first cell of each kind, since
     * guessing would silently scale some numbers by 1000 ("1.234" vs "1,234").
     */
    static boolean detectDecimalComma(Path file, List<Row> rows, int[] columns) throws SpectralFileException {
        Row commaRow = null;
        int commaColumn = -1;
        Row pointRow = null;
        int pointColumn = -1;
        for (Row row : rows) {
            for (int c : columns) {
                if (c >= row.width()) {
                    continue;
                }
                String cell = row.cells()[c];
                if (commaRow == null && NumberCells.hasDecimalComma(cell)) {
                    commaRow = row;
                    commaColumn = c;
                } else if (pointRow == null && NumberCells.hasDecimalPoint(cell)) {
                    pointRow = row;
                    pointColumn = c;
                }
            }
            if (commaRow != null && pointRow != null) {
                boolean commaLater = commaRow.line() > pointRow.line()
                        || (commaRow.line() == pointRow.line() && commaColumn > pointColumn);
                Row later = commaLater ? commaRow : pointRow;
                int laterColumn = commaLater ? commaColumn : pointColumn;
                Row earlier = commaLater ? pointRow : commaRow;
                int earlierColumn = commaLater ? pointColumn : commaColumn;
                throw new SpectralFileException(file, later.line(), laterColumn + 1, "numbers mix decimal marks: \""
                        + later.cells()[laterColumn] + "\" here but \"" + earlier.cells()[earlierColumn]
                        + "\" on line " + earlier.line() + ", column " + (earlierColumn + 1)
                        + "; set the decimal mark explicitly (--decimal-comma or --decimal-point)");
            }
        }
        return commaRow != null;
    }

    /** Resolves an AUTO decimal mark with {@link #detectDecimalComma}. */
    static boolean decimalComma(Path file, List<Row> rows, int[] columns, DecimalMark mark)
            throws SpectralFileException {
        switch (mark) {
            case COMMA:
                return true;
            case POINT:
                return false;
            default:
                return detectDecimalComma(file, rows, columns);
        }
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
