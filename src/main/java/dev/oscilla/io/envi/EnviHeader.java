package dev.oscilla.io.envi;

import dev.oscilla.io.SpectralFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An ENVI header ({@code .hdr}): the text file that describes an ENVI image cube or spectral library.
 *
 * <p>The rules (ENVI's "ENVI Header Files" documentation, as other readers such as GDAL apply them): the first
 * line is {@code ENVI}; then one {@code key = value} per line, keys case-insensitive (spacing inside a key is not
 * significant: {@code data  type} is {@code data type}); a value that opens a brace runs to the matching closing
 * brace, across lines, and holds a comma-separated list (or free text, e.g. the description); lines starting with
 * {@code ;} are comments. Liberal where real files vary: a byte-order mark, CRLF or CR line ends, blank lines, a key
 * repeated (the last one wins, as in GDAL), lines that are neither comment nor {@code key = value} (ignored) are
 * accepted and noted; an unclosed brace or a first line other than {@code ENVI} is an error naming the line.
 *
 * <p>Immutable. {@link #builder()} writes headers ({@link #format()}).
 */
public final class EnviHeader {

    /** Headers larger than this are not headers (a data file given by mistake, or damage). */
    static final long MAX_HEADER_BYTES = 64L << 20;

    /**
     * One entry.
     *
     * @param key   normalised key: lower case, single spaces ("data type")
     * @param value the text after '=', trimmed; for a brace value, the text between the braces
     * @param braced true when the value was written in braces (a list or a text block)
     * @param line  1-based line of the key, 0 for built headers
     */
    public record Entry(String key, String value, boolean braced, long line) {
    }

    private final Path file;
    private final Map<String, Entry> entries;
    private final List<String> notes;

    private EnviHeader(Path file, Map<String, Entry> entries, List<String> notes) {
        this.file = file;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.notes = List.copyOf(notes);
    }

    /** Reads and parses a header file. */
    public static EnviHeader read(Path file) throws SpectralFileException {
        if (Files.isDirectory(file)) {
            throw new SpectralFileException(file, "is a directory, not an ENVI header");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_HEADER_BYTES) {
                // still say what the file is when its start shows it is no header at all
                byte[] start = new byte[16];
                int n;
                try (InputStream in = Files.newInputStream(file)) {
                    n = in.readNBytes(start, 0, start.length);
                }
                requireMagic(file, decode(file, java.util.Arrays.copyOf(start, n)));
                throw new SpectralFileException(file, "is " + size + " bytes, too large for an ENVI header");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SpectralFileException(file, "no such file");
        } catch (IOException e) {
            throw new SpectralFileException(file, "cannot read: " + e.getMessage(), e);
        }
        return parse(file, decode(file, bytes));
    }

    /** True when the file starts like an ENVI header (its first line is {@code ENVI}); never throws. */
    public static boolean looksLikeHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(64);
            String text = new String(start, StandardCharsets.ISO_8859_1);
            if (text.startsWith("\u00ef\u00bb\u00bf")) {
                text = text.substring(3);
            }
            String first = text.lines().findFirst().orElse("").trim();
            return first.equalsIgnoreCase("ENVI");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** UTF-8 (without its byte-order mark), else ISO-8859-1 for the single-byte headers of older software. */
    private static String decode(Path file, byte[] bytes) throws SpectralFileException {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new SpectralFileException(file, "is binary (a NUL byte at offset " + i
                        + "), not an ENVI header; give the .hdr file that describes the data");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1);
        }
    }

    private static void requireMagic(Path file, String text) throws SpectralFileException {
        String first = firstLine(text).trim();
        if (!first.equalsIgnoreCase("ENVI")) {
            throw new SpectralFileException(file, 1, 1, "not an ENVI header: the first line is '"
                    + abbreviate(first) + "', expected 'ENVI'");
        }
    }

    private static String firstLine(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(0, end);
    }

    /**
     * Parses header text.
     *
     * @param file the file the text came from (for messages)
     */
    public static EnviHeader parse(Path file, String text) throws SpectralFileException {
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        requireMagic(file, text);
        List<String> lines = splitLines(text);
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        int ignored = 0;
        long firstIgnored = 0;
        for (int i = 1; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.trim();
            long lineNo = i + 1;
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                if (ignored++ == 0) {
                    firstIgnored = lineNo;
                }
                continue;
            }
            String key = normaliseKey(line.substring(0, eq));
            String rest = line.substring(eq + 1).trim();
            Entry entry;
            if (rest.startsWith("{")) {
                // the value runs to the brace that closes this one, possibly lines later
                StringBuilder value = new StringBuilder();
                int depth = 0;
                int j = i;
                String segment = rest;
                boolean closed = false;
                while (true) {
                    for (int k = 0; k < segment.length(); k++) {
                        char ch = segment.charAt(k);
                        if (ch == '{') {
                            depth++;
                            if (depth == 1) {
                                continue;
                            }
                        } else if (ch == '}') {
                            depth--;
                            if (depth == 0) {
                                closed = true;
                                String after = segment.substring(k + 1).trim();
                                if (!after.isEmpty() && !after.startsWith(";")) {
                                    notes.add("text after the closing brace of '" + key + "' (line " + (j + 1)
                                            + ") ignored");
                                }
                                break;
                            }
                        }
                        value.append(ch);
                    }
                    if (closed) {
                        break;
                    }
                    j++;
                    if (j >= lines.size()) {
                        throw new SpectralFileException(file, lineNo, 0, "the brace opened after '" + key
                                + " =' is never closed");
                    }
                    value.append('\n');
                    segment = lines.get(j);
                }
                entry = new Entry(key, value.toString().trim(), true, lineNo);
                i = j;
            } else {
                entry = new Entry(key, rest, false, lineNo);
            }
            Entry previous = entries.remove(key);
            if (previous != null) {
                notes.add("'" + key + "' given twice (lines " + previous.line() + " and " + lineNo
                        + "); the last is used");
            }
            entries.put(key, entry);
        }
        if (ignored > 0) {
            notes.add(ignored + " line(s) that are neither 'key = value' nor a comment ignored (first: line "
                    + firstIgnored + ")");
        }
        return new EnviHeader(file, entries, notes);
    }

    private static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r') {
                out.add(text.substring(start, i));
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** Lower case, runs of white space as one space, trimmed. */
    static String normaliseKey(String key) {
        return key.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** The file the header was read from (null for a built header). */
    public Path file() {
        return file;
    }

    /** What the parser accepted without complaint but a user may want to know (repeated keys, ignored lines). */
    public List<String> notes() {
        return notes;
    }

    /** Every entry, in file order. */
    public Map<String, Entry> entries() {
        return entries;
    }

    public boolean has(String key) {
        return entries.containsKey(normaliseKey(key));
    }

    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(normaliseKey(key)));
    }

    /** The value of {@code key} (for a braced value, the text between the braces). */
    public Optional<String> get(String key) {
        return entry(key).map(Entry::value);
    }

    /** The items of a list value (comma-separated, each trimmed); a value without braces is a one-item list. */
    public Optional<List<String>> list(String key) {
        return entry(key).map(e -> splitList(e.value()));
    }

    static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        if (value.isBlank()) {
            return items;
        }
        int depth = 0;
        int start = 0;
        for (int k = 0; k < value.length(); k++) {
            char ch = value.charAt(k);
            if (ch == '{') {
                depth++;
            } else if (ch == '}') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                items.add(value.substring(start, k).trim());
                start = k + 1;
            }
        }
        items.add(value.substring(start).trim());
        return items;
    }

    /** A whole number that must be present and at least {@code min}. */
    public long requiredLong(String key, long min) throws SpectralFileException {
        Entry e = entry(key).orElseThrow(() -> new SpectralFileException(file, "the header has no '" + key
                + "' (required)"));
        return parseLong(e, min);
    }

    /** A whole number of at least {@code min}, or {@code fallback} when the key is absent. */
    public long longOr(String key, long min, long fallback) throws SpectralFileException {
        Optional<Entry> e = entry(key);
        return e.isPresent() ? parseLong(e.get(), min) : fallback;
    }

    private long parseLong(Entry e, long min) throws SpectralFileException {
        String v = e.value().trim();
        long value;
        try {
            value = Long.parseLong(v);
        } catch (NumberFormatException ex) {
            // "4.0" written by some tools
            try {
                double d = Double.parseDouble(v);
                if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
                    throw new NumberFormatException();
                }
                value = (long) d;
            } catch (NumberFormatException ex2) {
                throw new SpectralFileException(file, e.line(), 0, "'" + e.key() + " = " + abbreviate(v)
                        + "' is not a whole number");
            }
        }
        if (value < min) {
            throw new SpectralFileException(file, e.line(), 0, "'" + e.key() + " = " + v + "' must be at least "
                    + min);
        }
        return value;
    }

    /** A finite number, when the key is present. */
    public OptionalDouble number(String key) throws SpectralFileException {
        Optional<Entry> e = entry(key);
        if (e.isEmpty()) {
            return OptionalDouble.empty();
        }
        String v = e.get().value().trim();
        if (v.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(parseNumber(e.get(), v, -1));
    }

    /** A list of finite numbers, when the key is present. */
    public Optional<double[]> numbers(String key) throws SpectralFileException {
        Optional<Entry> e = entry(key);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        List<String> items = splitList(e.get().value());
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = parseNumber(e.get(), items.get(i), i);
        }
        return Optional.of(out);
    }

    private double parseNumber(Entry e, String text, int index) throws SpectralFileException {
        String where = "'" + e.key() + "'" + (index >= 0 ? " item " + (index + 1) : "");
        double d;
        try {
            d = Double.parseDouble(text.trim());
        } catch (NumberFormatException ex) {
            throw new SpectralFileException(file, e.line(), 0, where + ": '" + abbreviate(text.trim())
                    + "' is not a number");
        }
        if (!Double.isFinite(d)) {
            // "nan" is accepted by Double.parseDouble as "NaN" only; either way it is no usable value
            throw new SpectralFileException(file, e.line(), 0, where + " is " + text.trim()
                    + ", not a finite number");
        }
        return d;
    }

    /** The header as text, in ENVI's layout: {@code ENVI}, then one entry per line, long lists wrapped. */
    public String format() {
        StringBuilder sb = new StringBuilder("ENVI\n");
        for (Entry e : entries.values()) {
            sb.append(e.key()).append(" = ");
            if (e.braced()) {
                sb.append('{');
                wrap(sb, e.value(), e.key().length() + 4);
                sb.append("}\n");
            } else {
                sb.append(e.value()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Appends a list value, breaking lines after commas beyond 100 columns. */
    private static void wrap(StringBuilder sb, String value, int column) {
        if (value.indexOf('\n') >= 0 || value.indexOf(',') < 0) {
            sb.append(value);
            return;
        }
        List<String> items = splitList(value);
        int col = column;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (i > 0) {
                sb.append(',');
                col++;
                if (col + item.length() > 100) {
                    sb.append("\n  ");
                    col = 2;
                } else {
                    sb.append(' ');
                    col++;
                }
            }
            sb.append(item);
            col += item.length();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a header to write; keys keep the order they are put in. */
    public static final class Builder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        private Builder() {
        }

        /** A plain value; it must not contain a line break or a brace. */
        public Builder put(String key, String value) {
            String v = value.trim();
            if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('{') >= 0 || v.indexOf('}') >= 0) {
                throw new IllegalArgumentException("value of '" + key + "' contains a line break or a brace");
            }
            entries.put(normaliseKey(key), new Entry(normaliseKey(key), v, false, 0));
            return this;
        }

        public Builder put(String key, long value) {
            return put(key, Long.toString(value));
        }

        /** A free-text block in braces (description); braces inside are replaced by parentheses. */
        public Builder text(String key, String text) {
            String v = text.replace('{', '(').replace('}', ')').replace('\r', ' ').trim();
            entries.put(normaliseKey(key), new Entry(normaliseKey(key), v, true, 0));
            return this;
        }

        /**
         * A list in braces. Items must not contain commas, braces or line breaks (ENVI has no escape for them): use
         * {@link EnviNames#sanitise} on free text first.
         */
        public Builder list(String key, List<String> items) {
            for (String item : items) {
                if (item.indexOf(',') >= 0 || item.indexOf('{') >= 0 || item.indexOf('}') >= 0
                        || item.indexOf('\n') >= 0 || item.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("list item '" + item + "' of '" + key
                            + "' contains a comma, a brace or a line break");
                }
            }
            entries.put(normaliseKey(key), new Entry(normaliseKey(key), String.join(", ", items), true, 0));
            return this;
        }

        /** A braced value taken as it is (an entry of another header). */
        Builder rawBraced(String key, String value) {
            entries.put(normaliseKey(key), new Entry(normaliseKey(key), value, true, 0));
            return this;
        }

        /** A list of numbers, each in its shortest round-trip form. */
        public Builder numbers(String key, double[] values) {
            List<String> items = new ArrayList<>(values.length);
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("'" + key + "' holds " + v);
                }
                items.add(formatNumber(v));
            }
            return list(key, items);
        }

        public EnviHeader build() {
            return new EnviHeader(null, entries, List.of());
        }
    }

    /** The shortest text that parses back to {@code v} (integers without ".0"). */
    static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
