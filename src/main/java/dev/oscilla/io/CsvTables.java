package dev.oscilla.io;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes numeric tables as CSV with full round-trip double precision (Double.toString), atomically. NaN is a missing
 * value (an empty cell); an infinite value is refused before the file is touched.
 */
public final class CsvTables {

    private CsvTables() {
    }

    /** Writes columns of equal length under the given header. */
    public static void writeColumns(Path file, List<String> header, List<double[]> columns)
            throws SpectralFileException {
        writeColumns(file, List.of(), header, columns);
    }

    /**
     * Writes columns of equal length under the given header, preceded by comment lines (each written as
     * {@code # text}). NaN values are written as empty cells.
     */
    public static void writeColumns(Path file, List<String> comments, List<String> header, List<double[]> columns)
            throws SpectralFileException {
        for (String c : comments) {
            if (c.contains("\n") || c.contains("\r")) {
                throw new IllegalArgumentException("a comment line contains a line break");
            }
        }
        if (header.size() != columns.size()) {
            throw new IllegalArgumentException("header and columns differ in count");
        }
        int rows = columns.isEmpty() ? 0 : columns.get(0).length;
        for (int k = 0; k < columns.size(); k++) {
            double[] c = columns.get(k);
            if (c.length != rows) {
                throw new IllegalArgumentException("columns differ in length");
            }
            for (int r = 0; r < rows; r++) {
                if (Double.isInfinite(c[r])) {
                    throw new IllegalArgumentException("column \"" + header.get(k) + "\" has the value " + c[r]
                            + " in row " + (r + 1) + "; only finite numbers are written");
                }
            }
        }
        AtomicFiles.writeText(file, w -> {
            for (String c : comments) {
                w.write("# " + c + "\n");
            }
            w.write(headerLine(header));
            w.write('\n');
            StringBuilder sb = new StringBuilder(64 * columns.size());
            for (int r = 0; r < rows; r++) {
                sb.setLength(0);
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    sb.append(format(columns.get(c)[r]));
                }
                sb.append('\n');
                w.write(sb.toString());
            }
        });
    }

    /**
     * A double as the shortest text that parses back to the same value; NaN (a missing value) as empty.
     *
     * @throws IllegalArgumentException for an infinite value, which no reader accepts back
     */
    public static String format(double v) {
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("refusing to write the non-finite value " + v);
        }
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** A CSV header line, quoting cells that contain commas or quotes. */
    public static String headerLine(List<String> header) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < header.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(header.get(i)));
        }
        return sb.toString();
    }

    public static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                || !cell.equals(cell.trim())) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
