package dev.oscilla.ui.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.OptionalDouble;

/** Number formatting and parsing for text fields: locale-independent (a dot), round-trip friendly. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * {@code value} rounded to {@code digits} significant digits, plain notation for ordinary magnitudes, no
     * trailing zeros: 1072, 0.0071, 2.356, 1.5e-08.
     */
    public static String format(double value, int digits) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return "0";
        }
        double a = Math.abs(value);
        if (a < 1e-5 || a >= 1e9) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", value);
        }
        BigDecimal d = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        return d.toPlainString();
    }

    /** Parses a user-typed number ("1072", " 0.5 ", "1e-3"); empty for anything else, NaN and infinities. */
    public static OptionalDouble parse(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        String t = text.trim();
        if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }
}
