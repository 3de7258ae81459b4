package dev.oscilla.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parsing of numeric cells with errors that name file, line and column. */
final class NumberCells {

    /**
     * A plain decimal number with a point, optional exponent. Stricter than Double.parseDouble, which would
     * also take "1.5f", "0x1p3" or "Infinity" and so let typos through as numbers.
     */
    private static final Pattern POINT_NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** The same with a decimal comma (1234,5). */
    private static final Pattern COMMA_NUMBER = Pattern.compile("[+-]?(\\d+,?\\d*|,\\d+)([eE][+-]?\\d+)?");
    /** A number that has a decimal comma (so it is not an integer). */
    private static final Pattern HAS_DECIMAL_COMMA = Pattern.compile("[+-]?(\\d+,\\d*|,\\d+)([eE][+-]?\\d+)?");
    /** A number that has a decimal point. */
    private static final Pattern HAS_DECIMAL_POINT = Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private NumberCells() {
    }

    /**
     * Parses a decimal number (dot decimal separator). Empty cells and NaN spellings ("NaN", "nan", "NA", "-")
     * give NaN, which spectra mask; anything else that is not a number is an error.
     */
    static double parse(Path file, long line, int column, String cell) throws SpectralFileException {
        return parse(file, line, column, cell, false);
    }

    /** As {@link #parse(Path, long, int, String)}, with a decimal comma instead of a point when asked. */
    static double parse(Path file, long line, int column, String cell, boolean decimalComma)
            throws SpectralFileException {
        String t = cell.trim();
        if (isMissing(t)) {
            return Double.NaN;
        }
        if (decimalComma) {
            if (!COMMA_NUMBER.matcher(t).matches()) {
                String hint = POINT_NUMBER.matcher(t).matches()
                        ? " (it has a decimal point, but this file's numbers use decimal commas)" : "";
                throw new SpectralFileException(file, line, column, "\"" + t + "\" is not a number" + hint);
            }
            t = t.replace(',', '.');
        } else if (!POINT_NUMBER.matcher(t).matches()) {
            String hint = COMMA_NUMBER.matcher(t).matches()
                    ? " (a decimal comma? this file is read with decimal points)" : "";
            throw new SpectralFileException(file, line, column, "\"" + t + "\" is not a number" + hint);
        }
        double v = Double.parseDouble(t);
        if (Double.isInfinite(v)) {
            throw new SpectralFileException(file, line, column, "\"" + t + "\" is too large for a double");
        }
        return v;
    }

    /** True for an empty cell or a spelling of "no value". */
    static boolean isMissing(String cell) {
        String t = cell.trim();
        if (t.isEmpty()) {
            return true;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        return lower.equals("nan") || lower.equals("na") || lower.equals("n/a") || lower.equals("-")
                || lower.equals("null");
    }

    /** True when the cell is a number with either decimal mark, or a missing value. */
    static boolean isNumberOrMissing(String cell) {
        String t = cell.trim();
        return isMissing(t) || POINT_NUMBER.matcher(t).matches() || COMMA_NUMBER.matcher(t).matches();
    }

    /**
     * The numbers of a line of plain numbers separated by blanks, tabs, commas or semicolons (decimal points), or
     * null when some field is not a number ({@code NaN} spellings count as numbers and give NaN).
     */
    static double[] numbersOrNull(String line) {
        String t = line.trim();
        if (t.isEmpty()) {
            return null;
        }
        String[] parts = t.split("[\\s,;]+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (isMissing(p) && !p.isEmpty()) {
                out[i] = Double.NaN;
            } else if (POINT_NUMBER.matcher(p).matches()) {
                out[i] = Double.parseDouble(p);
                if (Double.isInfinite(out[i])) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return out;
    }

    /**
     * The numbers of a data line separated by blanks, tabs, commas or semicolons; a field that is not a number is an
     * error naming its 1-based field number as the column.
     */
    static double[] numbers(Path file, long line, String text) throws SpectralFileException {
        String[] parts = text.trim().split("[\\s,;]+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parse(file, line, i + 1, parts[i]);
        }
        return out;
    }

    static boolean hasDecimalComma(String cell) {
        return HAS_DECIMAL_COMMA.matcher(cell.trim()).matches();
    }

    static boolean hasDecimalPoint(String cell) {
        return HAS_DECIMAL_POINT.matcher(cell.trim()).matches();
    }
}
