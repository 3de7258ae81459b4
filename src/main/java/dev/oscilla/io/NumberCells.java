package dev.oscilla.io;

import java.nio.file.Path;
import java.util.Locale;

/** Parsing of numeric cells with errors that name file, line and column. */
final class NumberCells {

    private NumberCells() {
    }

    /**
     * Parses a decimal number (dot decimal separator). Empty cells and NaN spellings ("NaN", "nan", "NA", "-")
     * give NaN, which spectra mask; anything else that is not a number is an error.
     */
    static double parse(Path file, long line, int column, String cell) throws SpectralFileException {
        String t = cell.trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("nan") || lower.equals("na") || lower.equals("n/a") || lower.equals("-")
                || lower.equals("null")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            if (Double.isInfinite(v)) {
                throw new SpectralFileException(file, line, column, "\"" + t + "\" is infinite");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SpectralFileException(file, line, column, "\"" + t + "\" is not a number");
        }
    }
}
