package dev.oscilla.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The number forms of JCAMP-DX data lines (McDonald and Wilks 1988, JCAMP-DX 4.24; Lampen et al. 1999, 5.01):
 * AFFN (free-format decimals separated by blanks or commas), PAC (numbers separated by their signs) and the ASCII
 * squeezed difference form ASDF: SQZ digits ({@code @A-I} for 0..9, {@code a-i} for -1..-9) start an absolute value,
 * DIF digits ({@code %J-R}, {@code j-r}) a difference from the previous value, DUP digits ({@code S-Z} for 1..8,
 * {@code s} for 9) a repeat count of the previous token. {@code ?} is a missing value.
 *
 * <p>Decoding splits one line into tokens; the reader applies them ({@link Line#values}) and checks the DIF
 * Y-check across lines. Encoding writes the SQZ, DIF and DUP forms for the writer.
 */
final class Asdf {

    private Asdf() {
    }

    /** Kinds of token in a data line. */
    enum Kind {
        /** An absolute value (AFFN, PAC or SQZ). */
        VALUE,
        /** A difference to add to the previous value. */
        DIF,
        /** Repeat the previous token so that it occurs this many times in all. */
        DUP,
        /** A missing value ({@code ?}). */
        MISSING
    }

    /**
     * One token.
     *
     * @param column 1-based column of its first character in the line
     * @param text   its source text (for messages)
     * @param number its value as a plain decimal ("-123.4", "1.5E3"), empty for a missing value
     */
    record Token(Kind kind, double value, int column, String text, String number) {

        /** The step of the last printed digit: 0.001 for "399.212", 10 for "4.0E2", 1 for "J12". */
        double resolution() {
            if (number.isEmpty()) {
                return 0;
            }
            try {
                return new java.math.BigDecimal(number).ulp().doubleValue();
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /** A line that is not valid ASDF/AFFN. */
    static final class FormatError extends Exception {
        private static final long serialVersionUID = 1L;
        final int column;

        FormatError(int column, String message) {
            super(message);
            this.column = column;
        }
    }

    /** True for characters that only occur in compressed (SQZ/DIF/DUP) forms ('E' and 'e' may be exponents). */
    static boolean isCompressionChar(char c) {
        return c == '@' || c == '%' || (c >= 'A' && c <= 'Z' && c != 'E') || (c >= 'a' && c <= 's' && c != 'e');
    }

    /**
     * Splits a data line (comments already removed) into tokens. A line of plain numbers is read as AFFN/PAC,
     * where {@code E} is an exponent; a line with any SQZ, DIF or DUP character is ASDF, where {@code E} is the SQZ
     * digit +5 and exponents cannot occur.
     */
    static List<Token> tokens(String line) throws FormatError {
        boolean compressed = false;
        boolean e = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (isCompressionChar(c)) {
                compressed = true;
                break;
            }
            e |= c == 'E' || c == 'e';
        }
        if (compressed) {
            return compressedTokens(line);
        }
        try {
            return plainTokens(line);
        } catch (FormatError error) {
            if (e) {
                return compressedTokens(line); // E and e were SQZ digits (+5, -5), not exponents
            }
            throw error;
        }
    }

    private static List<Token> plainTokens(String line) throws FormatError {
        List<Token> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == ',' || c == ';' || c == '\f') {
                i++;
                continue;
            }
            if (c == '?') {
                out.add(new Token(Kind.MISSING, Double.NaN, i + 1, "?", ""));
                i++;
                continue;
            }
            int start = i;
            if (c == '+' || c == '-') {
                i++;
            }
            int digits = 0;
            while (i < n && Character.isDigit(line.charAt(i))) {
                i++;
                digits++;
            }
            if (i < n && line.charAt(i) == '.') {
                i++;
                while (i < n && Character.isDigit(line.charAt(i))) {
                    i++;
                    digits++;
                }
            }
            if (digits == 0) {
                throw new FormatError(start + 1, "\"" + excerpt(line, start) + "\" is not a number");
            }
            if (i < n && (line.charAt(i) == 'E' || line.charAt(i) == 'e')) {
                int e = i + 1;
                if (e < n && (line.charAt(e) == '+' || line.charAt(e) == '-')) {
                    e++;
                }
                int expDigits = 0;
                while (e < n && Character.isDigit(line.charAt(e))) {
                    e++;
                    expDigits++;
                }
                if (expDigits == 0) {
                    throw new FormatError(start + 1, "\"" + excerpt(line, start) + "\" is not a number");
                }
                i = e;
            }
            String text = line.substring(start, i);
            out.add(new Token(Kind.VALUE, parse(text, start + 1), start + 1, text,
                    text.startsWith("+") ? text.substring(1) : text));
        }
        return out;
    }

    private static List<Token> compressedTokens(String line) throws FormatError {
        List<Token> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == ',' || c == ';' || c == '\f') {
                i++;
                continue;
            }
            int start = i;
            if (c == '?') {
                out.add(new Token(Kind.MISSING, Double.NaN, i + 1, "?", ""));
                i++;
                continue;
            }
            Kind kind;
            String lead;
            if (c == '+' || c == '-' || Character.isDigit(c) || c == '.') {
                kind = Kind.VALUE;
                lead = c == '+' ? "" : String.valueOf(c);
            } else if (c == '@') {
                kind = Kind.VALUE;
                lead = "0";
            } else if (c >= 'A' && c <= 'I') {
                kind = Kind.VALUE;
                lead = String.valueOf(c - 'A' + 1);
            } else if (c >= 'a' && c <= 'i') {
                kind = Kind.VALUE;
                lead = "-" + (c - 'a' + 1);
            } else if (c == '%') {
                kind = Kind.DIF;
                lead = "0";
            } else if (c >= 'J' && c <= 'R') {
                kind = Kind.DIF;
                lead = String.valueOf(c - 'J' + 1);
            } else if (c >= 'j' && c <= 'r') {
                kind = Kind.DIF;
                lead = "-" + (c - 'j' + 1);
            } else if (c >= 'S' && c <= 'Z') {
                kind = Kind.DUP;
                lead = String.valueOf(c - 'S' + 1);
            } else if (c == 's') {
                kind = Kind.DUP;
                lead = "9";
            } else {
                throw new FormatError(i + 1, "unexpected character '" + c + "' in a compressed (ASDF) data line");
            }
            i++;
            StringBuilder sb = new StringBuilder(lead);
            boolean point = lead.contains(".");
            while (i < n) {
                char d = line.charAt(i);
                if (Character.isDigit(d)) {
                    sb.append(d);
                } else if (d == '.' && !point && kind != Kind.DUP) {
                    sb.append(d);
                    point = true;
                } else {
                    break;
                }
                i++;
            }
            String number = sb.toString();
            if (number.isEmpty() || number.equals("-") || number.equals(".") || number.equals("-.")) {
                throw new FormatError(start + 1, "\"" + excerpt(line, start) + "\" is not a number");
            }
            double value = parse(number, start + 1);
            if (kind == Kind.DUP && (value < 1 || value != Math.rint(value) || value > Integer.MAX_VALUE)) {
                throw new FormatError(start + 1, "repeat count " + number + " (DUP \"" + line.substring(start, i)
                        + "\") is not a positive integer");
            }
            out.add(new Token(kind, value, start + 1, line.substring(start, i), number));
        }
        return out;
    }

    private static double parse(String number, int column) throws FormatError {
        double v;
        try {
            v = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new FormatError(column, "\"" + number + "\" is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new FormatError(column, "\"" + number + "\" is too large for a double");
        }
        return v;
    }

    private static String excerpt(String line, int start) {
        int end = start;
        while (end < line.length() && end - start < 20 && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return line.substring(start, Math.max(end, Math.min(start + 1, line.length())));
    }

    /**
     * The ordinates of one {@code (X++(Y..Y))} line: the tokens after the abscissa, with DIF applied to the previous
     * value and DUP expanded.
     *
     * @param values  the ordinates in order (NaN for missing)
     * @param endsDif true when the last ordinate came from a DIF (the next line then repeats it as a Y-check)
     */
    record Line(List<Double> values, boolean endsDif) {

        static Line decode(List<Token> yTokens) throws FormatError {
            List<Double> values = new ArrayList<>(yTokens.size() + 8);
            Token previous = null;
            boolean endsDif = false;
            double last = Double.NaN;
            for (Token t : yTokens) {
                switch (t.kind()) {
                    case VALUE:
                        last = t.value();
                        values.add(last);
                        endsDif = false;
                        break;
                    case MISSING:
                        last = Double.NaN;
                        values.add(last);
                        endsDif = false;
                        break;
                    case DIF:
                        if (previous == null) {
                            throw new FormatError(t.column(), "the first ordinate of a line is a difference (DIF \""
                                    + t.text() + "\"); a line must start with an absolute value");
                        }
                        if (Double.isNaN(last)) {
                            throw new FormatError(t.column(), "a difference (DIF \"" + t.text()
                                    + "\") follows a missing value");
                        }
                        last += t.value();
                        values.add(last);
                        endsDif = true;
                        break;
                    case DUP:
                        if (previous == null || previous.kind() == Kind.DUP) {
                            throw new FormatError(t.column(), "a repeat count (DUP \"" + t.text()
                                    + "\") must follow a value or a difference");
                        }
                        int repeats = (int) t.value() - 1;
                        if (values.size() + (long) repeats > MAX_POINTS_PER_LINE) {
                            throw new FormatError(t.column(), "repeat count " + (long) t.value()
                                    + " is implausibly large");
                        }
                        for (int r = 0; r < repeats; r++) {
                            if (previous.kind() == Kind.DIF) {
                                last += previous.value();
                            }
                            values.add(last);
                        }
                        break;
                    default:
                        throw new IllegalStateException();
                }
                previous = t;
            }
            return new Line(values, endsDif);
        }
    }

    /**
     * A line that expands to more points than this is taken as damage: real lines hold at most a few hundred points,
     * and a DUP run of a flat region a few thousand.
     */
    static final int MAX_POINTS_PER_LINE = 1_000_000;

    // ---- encoding ----

    /** The SQZ form of an integer: its first digit as @A-I or a-i, the rest as digits. */
    static String sqz(long v) {
        return squeeze(v, '@', 'A', 'a');
    }

    /** The DIF form of an integer difference: its first digit as %J-R or j-r, the rest as digits. */
    static String dif(long d) {
        return squeeze(d, '%', 'J', 'j');
    }

    /** The DUP form of a repeat count (>= 2): its first digit as S-Z or s, the rest as digits. */
    static String dup(long count) {
        if (count < 2) {
            throw new IllegalArgumentException("DUP count must be >= 2");
        }
        String digits = Long.toString(count);
        int first = digits.charAt(0) - '0';
        char lead = first == 9 ? 's' : (char) ('S' + first - 1);
        return lead + digits.substring(1);
    }

    private static String squeeze(long v, char zero, char positive, char negative) {
        if (v == 0) {
            return String.valueOf(zero);
        }
        String digits = Long.toString(Math.abs(v));
        int first = digits.charAt(0) - '0';
        char lead = (char) ((v > 0 ? positive : negative) + first - 1);
        return lead + digits.substring(1);
    }
}
