package dev.oscilla.io;

import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads JCAMP-DX 4.24 and 5.01 spectra (McDonald and Wilks, Appl. Spectrosc. 42, 151 (1988); Lampen et al., Pure
 * Appl. Chem. 71, 1549 (1999)), own code.
 *
 * <p>Labelled data records ({@code ##LABEL=value}, labels compared without case, blanks, dashes, slashes and
 * underscores; {@code $$} starts a comment) are grouped into blocks ({@code ##TITLE=} ... {@code ##END=}); a LINK
 * file nests several. Every block with data is one spectrum: {@code ##XYDATA=(X++(Y..Y))} in AFFN, PAC or ASDF
 * (SQZ, DIF, DUP, with the DIF Y-check: a line ending in a difference repeats its last ordinate first on the next
 * line), or {@code (XY..XY)} pairs in {@code ##XYDATA}, {@code ##XYPOINTS} or {@code ##PEAK TABLE}.
 *
 * <p>Cross-checks, each an error naming the line: the ordinate count against {@code ##NPOINTS}, {@code ##DELTAX}
 * against FIRSTX, LASTX and NPOINTS, and the abscissa that starts every data line against the position its first
 * ordinate has by FIRSTX and the spacing (a missing or extra ordinate anywhere shifts it), within half a spacing
 * plus the rounding of the printed abscissa. XFACTOR and YFACTOR scale the data lines; FIRSTX, LASTX and DELTAX are
 * in real units. XUNITS 1/CM, MICROMETERS and NANOMETERS are converted; YUNITS give the quantity and percent.
 */
final class JcampDxReader {

    /**
     * The user-defined record (JCAMP-DX allows {@code ##$...} labels) by which Oscilla's writer says its values are
     * fractions (or percent); it settles the scale where the values alone would be ambiguous.
     */
    static final String SCALE_LABEL = "$OSCILLA SCALE";

    /** Labels that hold data; their continuation lines are data lines. */
    private static final Set<String> DATA_LABELS = Set.of("XYDATA", "XYPOINTS", "PEAKTABLE");
    /** Parameters a block in a LINK file takes from its parent when it lacks them. */
    private static final Set<String> INHERITED = Set.of("XUNITS", "YUNITS", "XFACTOR", "YFACTOR");

    private final Path file;
    private final ReadContext ctx;
    private int compressedLines;
    private int yChecks;

    private JcampDxReader(Path file, SpectrumReadOptions options) {
        this.file = file;
        this.ctx = new ReadContext(file, options);
    }

    static SpectrumSet read(Path file, SpectrumReadOptions options) throws SpectralFileException {
        return parse(file, TextFiles.read(file), options);
    }

    static SpectrumSet parse(Path file, byte[] content, SpectrumReadOptions options) throws SpectralFileException {
        return parse(file, TextFiles.decode(file, content), options);
    }

    private static SpectrumSet parse(Path file, TextFiles.Text text, SpectrumReadOptions options)
            throws SpectralFileException {
        JcampDxReader r = new JcampDxReader(file, options);
        if (text.encodingNote() != null) {
            r.ctx.note(text.encodingNote());
        }
        return r.read(text.lines());
    }

    /** A labelled data record with its continuation lines. */
    private static final class Ldr {
        final String label;
        final String rawLabel;
        final String value;
        final long line;
        final List<DataLine> more = new ArrayList<>();

        Ldr(String label, String rawLabel, String value, long line) {
            this.label = label;
            this.rawLabel = rawLabel;
            this.value = value;
            this.line = line;
        }

        /** The value with its continuation lines (for text records such as TITLE or DATA PROCESSING). */
        String fullValue() {
            StringBuilder sb = new StringBuilder(value);
            for (DataLine d : more) {
                sb.append(' ').append(d.text.trim());
            }
            return sb.toString().trim();
        }
    }

    private record DataLine(long line, String text) {
    }

    /** A ##TITLE= ... ##END= block. */
    private static final class Block {
        final Block parent;
        final Ldr title;
        final List<Ldr> records = new ArrayList<>();
        final List<Block> children = new ArrayList<>();
        boolean ended;

        Block(Block parent, Ldr title) {
            this.parent = parent;
            this.title = title;
        }

        Ldr get(String label) {
            for (Ldr l : records) {
                if (l.label.equals(label)) {
                    return l;
                }
            }
            if (parent != null && INHERITED.contains(label)) {
                return parent.get(label);
            }
            return null;
        }
    }

    /** Label without case, blanks, dashes, slashes and underscores (the specification's comparison rule). */
    static String normalise(String label) {
        StringBuilder sb = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c != ' ' && c != '-' && c != '/' && c != '_' && c != '\t') {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    private static String stripComment(String line) {
        int c = line.indexOf("$$");
        return c >= 0 ? line.substring(0, c) : line;
    }

    private SpectrumSet read(List<String> lines) throws SpectralFileException {
        List<Ldr> records = new ArrayList<>();
        Ldr current = null;
        for (int i = 0; i < lines.size(); i++) {
            long number = i + 1;
            String raw = stripComment(lines.get(i));
            String t = raw.strip();
            if (t.startsWith("##")) {
                int eq = t.indexOf('=');
                String rawLabel = eq < 0 ? t.substring(2) : t.substring(2, eq);
                String value = eq < 0 ? "" : t.substring(eq + 1).trim();
                current = new Ldr(normalise(rawLabel), rawLabel.trim(), value, number);
                records.add(current);
            } else if (!t.isEmpty()) {
                if (current == null) {
                    throw new SpectralFileException(file, number, 1, "expected a JCAMP-DX labelled record"
                            + " (##LABEL=value) before any other text");
                }
                current.more.add(new DataLine(number, raw));
            }
        }
        if (records.isEmpty()) {
            throw new SpectralFileException(file, 1, 1, "holds no JCAMP-DX labelled records (##TITLE=, ##XYDATA=)");
        }
        List<Block> blocks = blocks(records);
        List<Block> data = new ArrayList<>();
        for (Block b : blocks) {
            collectData(b, data);
        }
        if (data.isEmpty()) {
            throw new SpectralFileException(file, records.get(0).line, 1, "holds no spectrum data (no ##XYDATA=,"
                    + " ##XYPOINTS= or ##PEAK TABLE=)");
        }
        List<Spectrum> spectra = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (Block b : data) {
            for (Ldr d : b.records) {
                if (DATA_LABELS.contains(d.label)) {
                    spectra.add(spectrum(b, d, names));
                }
            }
        }
        Ldr version = find(records, "JCAMPDX");
        String summary = "JCAMP-DX" + (version == null ? "" : " " + version.value) + ": " + spectra.size()
                + " spectr" + (spectra.size() == 1 ? "um" : "a") + (blocks.size() > 1 || data.size() > 1
                ? " in " + data.size() + " data blocks" : "");
        if (compressedLines > 0) {
            summary += "; " + compressedLines + " compressed (ASDF) data lines" + (yChecks > 0 ? ", " + yChecks
                    + " DIF Y-checks passed" : "");
        }
        List<String> notes = new ArrayList<>();
        notes.add(summary);
        notes.addAll(new LinkedHashSet<>(ctx.notes));
        return SpectrumSet.of(spectra).withNotes(notes);
    }

    private static Ldr find(List<Ldr> records, String label) {
        for (Ldr l : records) {
            if (l.label.equals(label)) {
                return l;
            }
        }
        return null;
    }

    private List<Block> blocks(List<Ldr> records) throws SpectralFileException {
        List<Block> top = new ArrayList<>();
        Deque<Block> open = new ArrayDeque<>();
        for (Ldr l : records) {
            if (l.label.equals("TITLE")) {
                Block b = new Block(open.peek(), l);
                if (open.isEmpty()) {
                    top.add(b);
                } else {
                    open.peek().children.add(b);
                }
                open.push(b);
            } else if (l.label.equals("END")) {
                if (open.isEmpty()) {
                    throw new SpectralFileException(file, l.line, 1, "##END= without a ##TITLE= that it closes");
                }
                open.pop().ended = true;
            } else {
                if (open.isEmpty()) {
                    if (!top.isEmpty()) {
                        throw new SpectralFileException(file, l.line, 1, "##" + l.rawLabel + "= after the last ##END="
                                + " (a block must start with ##TITLE=)");
                    }
                    Block b = new Block(null, null);
                    top.add(b);
                    open.push(b);
                    ctx.note("the file does not start with ##TITLE=");
                }
                if (l.label.equals("NTUPLES")) {
                    throw new SpectralFileException(file, l.line, 1, "##NTUPLES= (multi-dimensional data, as NMR and"
                            + " mass spectrometers write) is not supported; export the spectrum as ##XYDATA=");
                }
                open.peek().records.add(l);
            }
        }
        if (!open.isEmpty()) {
            ctx.note("the file ends without ##END= (the data were checked against the header)");
        }
        return top;
    }

    private static void collectData(Block b, List<Block> out) {
        for (Ldr l : b.records) {
            if (DATA_LABELS.contains(l.label)) {
                out.add(b);
                break;
            }
        }
        for (Block c : b.children) {
            collectData(c, out);
        }
    }

    /** A header number with the resolution of its printed form. */
    private record Num(double value, double resolution, long line) {
    }

    private Num number(Block b, String label) throws SpectralFileException {
        Ldr l = b.get(label);
        if (l == null || l.value.isBlank()) {
            return null;
        }
        List<Asdf.Token> tokens;
        try {
            tokens = Asdf.tokens(l.value);
        } catch (Asdf.FormatError e) {
            throw new SpectralFileException(file, l.line, 0, "##" + l.rawLabel + "=" + l.value + " is not a number");
        }
        boolean plain = true;
        for (int i = 0; i < l.value.length(); i++) {
            plain &= !Asdf.isCompressionChar(l.value.charAt(i));
        }
        if (!plain || tokens.size() != 1 || tokens.get(0).kind() != Asdf.Kind.VALUE) {
            throw new SpectralFileException(file, l.line, 0, "##" + l.rawLabel + "=" + l.value + " is not a number");
        }
        Asdf.Token t = tokens.get(0);
        return new Num(t.value(), t.resolution(), l.line);
    }

    private Spectrum spectrum(Block b, Ldr data, Map<String, Integer> names) throws SpectralFileException {
        String form = data.value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        Num xfactor = number(b, "XFACTOR");
        Num yfactor = number(b, "YFACTOR");
        double xf = factor(xfactor, b, "XFACTOR");
        double yf = factor(yfactor, b, "YFACTOR");
        Points points;
        if (data.label.equals("XYDATA") && form.startsWith("(X++(Y..Y))")) {
            points = xppyy(b, data, xf, yf);
        } else if (form.startsWith("(XY..XY)") || form.startsWith("(XYW..XYW)") || form.startsWith("(XYM..XYM)")
                ) {
            int group = form.startsWith("(XY..XY)") ? 2 : 3;
            points = pairs(b, data, group, xf, yf);
        } else {
            throw new SpectralFileException(file, data.line, 1, "##" + data.rawLabel + "=" + data.value
                    + ": unsupported data form (expected (X++(Y..Y)) or (XY..XY))");
        }
        if (points.y.length < 2) {
            throw new SpectralFileException(file, data.line, 1, "##" + data.rawLabel + "= holds " + points.y.length
                    + " point" + (points.y.length == 1 ? "" : "s") + "; a spectrum needs at least two");
        }
        Ldr xunits = b.get("XUNITS");
        Optional<AxisUnit> stated = Optional.empty();
        String why = "no ##XUNITS=";
        if (xunits != null && !xunits.value.isBlank()) {
            String u = xunits.value.trim();
            String norm = u.toUpperCase(Locale.ROOT).replaceAll("\\s", "");
            if (norm.contains("ARBITRARY") || norm.equals("POINTS") || norm.equals("AU")) {
                why = "##XUNITS=" + u;
            } else {
                stated = AxisUnit.fromHeader(u);
                if (stated.isEmpty() && ctx.options.axisUnit().isEmpty()) {
                    throw new SpectralFileException(file, xunits.line, 1, "##XUNITS=" + u + " is not a spectral axis"
                            + " Oscilla converts (1/CM, MICROMETERS, NANOMETERS); set --x-unit if the label is wrong");
                }
            }
        }
        AxisUnit unit = ctx.axisUnit(stated, stated.isPresent() ? "##XUNITS=" + xunits.value.trim() : why, points.x,
                data.line, 1);
        Ldr yunits = b.get("YUNITS");
        QuantityLabel label = QuantityLabel.parse(yunits == null ? null : yunits.value);
        if (yunits != null && !yunits.value.isBlank() && label.kind() == SpectrumKind.UNKNOWN) {
            ctx.note("##YUNITS=" + yunits.value.trim() + " does not name a quantity Oscilla knows");
        }
        String source = "##YUNITS=" + (yunits == null ? "" : yunits.value.trim());
        SpectrumKind kind = ctx.kind(label.kind(), source);
        Ldr scale = b.get(normalise(SCALE_LABEL));
        boolean percent;
        if (scale != null && ctx.options.valueScale().isEmpty()
                && (scale.value.equalsIgnoreCase("FRACTION") || scale.value.equalsIgnoreCase("PERCENT"))) {
            percent = scale.value.equalsIgnoreCase("PERCENT");
            ctx.note("values are " + (percent ? "percent (divided by 100)" : "fractions") + " as ##" + scale.rawLabel
                    + "= says");
        } else {
            percent = ctx.percent(label.percent(), source, kind, points.y);
        }
        String name = b.title == null || b.title.fullValue().isBlank() ? ReadContext.stem(file) : b.title.fullValue();
        if (data.label.equals("PEAKTABLE")) {
            name += " (peak table)";
            ctx.note("a peak table is read as a spectrum with one channel per peak");
        }
        int seen = names.merge(name, 1, Integer::sum);
        if (seen > 1) {
            name += " (" + seen + ")";
        }
        return ctx.assemble(unit, points.x, points.lines, 1, new double[][] {points.y}, new int[] {2},
                new String[] {name}, new SpectrumKind[] {kind}, new boolean[] {percent}).get(0);
    }

    private double factor(Num n, Block b, String label) throws SpectralFileException {
        if (n == null) {
            return 1;
        }
        if (n.value == 0) {
            throw new SpectralFileException(file, n.line, 1, "##" + label + "=0 would make every value 0");
        }
        return n.value;
    }

    /** Decoded points: abscissas in the file's unit, ordinates scaled, and the line of each point. */
    private record Points(double[] x, double[] y, long[] lines) {
    }

    /** A data line's abscissa and the index of the ordinate it belongs to (for the X-check). */
    private record Checkpoint(long line, double x, double resolution, int index, String text) {
    }

    private Points xppyy(Block b, Ldr data, double xf, double yf) throws SpectralFileException {
        List<Double> ys = new ArrayList<>();
        List<Long> yLines = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        Num firstX = number(b, "FIRSTX");
        Num lastX = number(b, "LASTX");
        Num deltaX = number(b, "DELTAX");
        Num nPoints = number(b, "NPOINTS");
        boolean previousEndsDif = false;
        double previousLast = Double.NaN;
        long previousLine = 0;
        // the spacing the header gives, if any, decides whether a line after a DIF line repeats its last ordinate
        Double headerFirst = firstX != null ? Double.valueOf(firstX.value) : null;
        Double headerSpacing = null;
        if (firstX != null && lastX != null && nPoints != null && nPoints.value > 1) {
            headerSpacing = (lastX.value - firstX.value) / (nPoints.value - 1);
        } else if (deltaX != null) {
            headerSpacing = deltaX.value;
        }
        for (DataLine dl : data.more) {
            List<Asdf.Token> tokens;
            try {
                tokens = Asdf.tokens(dl.text);
            } catch (Asdf.FormatError e) {
                throw new SpectralFileException(file, dl.line, e.column, e.getMessage());
            }
            if (tokens.isEmpty()) {
                continue;
            }
            Asdf.Token xt = tokens.get(0);
            if (xt.kind() != Asdf.Kind.VALUE) {
                throw new SpectralFileException(file, dl.line, xt.column(), "a data line must start with its"
                        + " abscissa (X value), found \"" + xt.text() + "\"");
            }
            boolean compressed = false;
            for (int i = 0; i < dl.text.length() && !compressed; i++) {
                compressed = Asdf.isCompressionChar(dl.text.charAt(i));
            }
            compressedLines += compressed ? 1 : 0;
            Asdf.Line line;
            try {
                line = Asdf.Line.decode(tokens.subList(1, tokens.size()));
            } catch (Asdf.FormatError e) {
                throw new SpectralFileException(file, dl.line, e.column, e.getMessage());
            }
            List<Double> values = line.values();
            int index = ys.size();
            if (previousEndsDif && !values.isEmpty()) {
                double check = values.get(0);
                boolean equal = sameOrdinate(check, previousLast);
                boolean repeats = true;
                if (headerFirst != null && headerSpacing != null && headerSpacing != 0) {
                    // the line's abscissa says which ordinate it starts at: the repeated one or the next one
                    double position = (xt.value() * xf - headerFirst) / headerSpacing;
                    repeats = Math.abs(position - (index - 1)) < Math.abs(position - index);
                }
                if (repeats && !equal) {
                    throw yCheckFailed(dl, tokens, previousLine, previousLast, check);
                }
                if (repeats) {
                    values = values.subList(1, values.size());
                    index--;
                    yChecks++;
                } else {
                    ctx.note("lines after a difference (DIF) form do not repeat its last ordinate (no Y-check);"
                            + " their abscissas place them");
                }
            } else if (values.isEmpty()) {
                throw new SpectralFileException(file, dl.line, xt.column() + xt.text().length(), "the data line has"
                        + " an abscissa but no ordinates");
            }
            checkpoints.add(new Checkpoint(dl.line, xt.value() * xf, xt.resolution() * Math.abs(xf), index,
                    xt.text()));
            for (double v : values) {
                ys.add(applyFactor(v, yf));
                yLines.add(dl.line);
            }
            previousEndsDif = line.endsDif();
            if (!line.values().isEmpty()) {
                previousLast = line.values().get(line.values().size() - 1);
            }
            previousLine = dl.line;
        }
        int count = ys.size();
        if (count == 0) {
            throw new SpectralFileException(file, data.line, 1, "##" + data.rawLabel + "= has no data lines");
        }
        long lastDataLine = data.more.isEmpty() ? data.line : data.more.get(data.more.size() - 1).line;
        if (nPoints != null && nPoints.value != count) {
            throw new SpectralFileException(file, nPoints.line, 1, "##NPOINTS=" + ReadContext.fmt(nPoints.value)
                    + " but the ##" + data.rawLabel + "= data (lines " + data.line + "-" + lastDataLine + ") hold "
                    + count + " ordinates" + (count < nPoints.value ? " (the file looks truncated)" : ""));
        }
        // the abscissa of ordinate i is first + i * spacing
        double first;
        double spacing;
        String basis;
        if (firstX != null && lastX != null) {
            if (count == 1) {
                throw new SpectralFileException(file, data.line, 1, "a spectrum needs at least two points");
            }
            first = firstX.value;
            spacing = (lastX.value - firstX.value) / (count - 1);
            basis = "FIRSTX, LASTX and " + count + " points";
            if (deltaX != null) {
                double tolerance = Math.max(0.5 * deltaX.resolution, 1e-4 * Math.abs(spacing)) + 1e-12 * Math.abs(
                        first);
                if (Math.abs(deltaX.value - spacing) > tolerance) {
                    throw new SpectralFileException(file, deltaX.line, 1, "##DELTAX=" + ReadContext.fmt(deltaX.value)
                            + " disagrees with FIRSTX=" + ReadContext.fmt(firstX.value) + ", LASTX="
                            + ReadContext.fmt(lastX.value) + " and " + count + " points (spacing "
                            + ReadContext.fmt(spacing) + ")");
                }
            }
        } else if (deltaX != null) {
            first = firstX != null ? firstX.value : checkpoints.get(0).x;
            spacing = deltaX.value;
            basis = (firstX != null ? "FIRSTX" : "the first abscissa") + " and DELTAX";
        } else if (checkpoints.size() >= 2) {
            Checkpoint a = checkpoints.get(0);
            Checkpoint z = checkpoints.get(checkpoints.size() - 1);
            if (z.index == a.index) {
                throw new SpectralFileException(file, z.line, 1, "cannot place the ordinates: no ##DELTAX= and the"
                        + " data lines start at the same ordinate");
            }
            first = firstX != null ? firstX.value : a.x;
            spacing = (z.x - a.x) / (z.index - a.index);
            basis = "the abscissas of the data lines";
        } else {
            throw new SpectralFileException(file, data.line, 1, "cannot place the ordinates: the data have one line"
                    + " and the header gives neither FIRSTX and LASTX nor DELTAX");
        }
        if (!(spacing != 0) || !Double.isFinite(spacing)) {
            throw new SpectralFileException(file, data.line, 1, "the abscissas do not advance (spacing "
                    + ReadContext.fmt(spacing) + " from " + basis + ")");
        }
        for (Checkpoint c : checkpoints) {
            double expected = first + c.index * spacing;
            // half a spacing, plus the rounding of the printed abscissa: a whole spacing off is a shifted line
            double tolerance = 0.5 * Math.abs(spacing) + 0.5 * c.resolution;
            if (!(Math.abs(c.x - expected) < tolerance)) {
                String which = c.index == 0 && firstX != null ? "##FIRSTX=" + ReadContext.fmt(firstX.value)
                        : "ordinate " + (c.index + 1) + " lies at " + ReadContext.fmt(expected) + " by " + basis;
                throw new SpectralFileException(file, c.line, 1, "the line starts at abscissa " + c.text
                        + (xf != 1 ? " (x XFACTOR = " + ReadContext.fmt(c.x) + ")" : "") + " but " + which
                        + "; an ordinate is missing or extra before this line, or the header is wrong");
            }
        }
        double[] x = new double[count];
        double[] y = new double[count];
        long[] lines = new long[count];
        for (int i = 0; i < count; i++) {
            x[i] = first + i * spacing;
            y[i] = ys.get(i);
            lines[i] = yLines.get(i);
        }
        if (lastX != null && firstX == null) {
            checkEnd(lastX, x[count - 1], Math.abs(spacing) * 0.5, lines[count - 1]);
        }
        return new Points(x, y, lines);
    }

    private SpectralFileException yCheckFailed(DataLine dl, List<Asdf.Token> tokens, long previousLine, double last,
                                               double check) {
        return new SpectralFileException(file, dl.line, tokens.size() > 1 ? tokens.get(1).column() : 1,
                "DIF Y-check failed: line " + previousLine + " ends in difference form at " + ReadContext.fmt(last)
                        + ", so this line must repeat that ordinate first, but it starts with "
                        + ReadContext.fmt(check) + " (a damaged or mis-decoded line)");
    }

    private void checkEnd(Num lastX, double actual, double tolerance, long line) throws SpectralFileException {
        if (!(Math.abs(lastX.value - actual) <= tolerance + 0.5 * lastX.resolution + 1e-9 * Math.abs(actual))) {
            throw new SpectralFileException(file, line, 1, "the data end at abscissa " + ReadContext.fmt(actual)
                    + " but ##LASTX=" + ReadContext.fmt(lastX.value) + " (line " + lastX.line + ")");
        }
    }

    /**
     * A value times its factor. A factor 10^-k (k <= 22) divides by the exact 10^k instead, so that the integer
     * 300000000 with YFACTOR 1E-9 gives the double nearest 0.3, as the decimal "0.3" would (multiplying by the
     * inexact 1E-9 gives 0.30000000000000004).
     */
    static double applyFactor(double value, double factor) {
        if (factor == 1) {
            return value;
        }
        if (factor < 1 && factor > 0) {
            int k = (int) Math.round(-Math.log10(factor));
            if (k >= 1 && k < POWERS_OF_TEN.length && factor == INVERSE_POWERS_OF_TEN[k]) {
                return value / POWERS_OF_TEN[k];
            }
        }
        return value * factor;
    }

    /** 10^k, exact in double for k <= 22. */
    private static final double[] POWERS_OF_TEN = new double[23];
    /** The double parsed from "1E-k". */
    private static final double[] INVERSE_POWERS_OF_TEN = new double[23];

    static {
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = Double.parseDouble("1E" + k);
            INVERSE_POWERS_OF_TEN[k] = Double.parseDouble("1E-" + k);
        }
    }

    /** Equal as the Y-check needs: the same decoded value, up to the rounding of accumulated decimal differences. */
    private static boolean sameOrdinate(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private Points pairs(Block b, Ldr data, int group, double xf, double yf) throws SpectralFileException {
        List<Asdf.Token> all = new ArrayList<>();
        List<Long> lineOf = new ArrayList<>();
        for (DataLine dl : data.more) {
            List<Asdf.Token> tokens;
            try {
                tokens = Asdf.tokens(dl.text);
            } catch (Asdf.FormatError e) {
                throw new SpectralFileException(file, dl.line, e.column, e.getMessage());
            }
            for (Asdf.Token t : tokens) {
                if (t.kind() == Asdf.Kind.DIF || t.kind() == Asdf.Kind.DUP) {
                    throw new SpectralFileException(file, dl.line, t.column(), "compressed form \"" + t.text()
                            + "\" in (XY..XY) data, which must be plain numbers");
                }
                all.add(t);
                lineOf.add(dl.line);
            }
        }
        if (all.size() % group != 0) {
            long line = lineOf.isEmpty() ? data.line : lineOf.get(lineOf.size() - 1);
            throw new SpectralFileException(file, line, 1, "the (XY..XY) data hold " + all.size() + " numbers, not a"
                    + " whole number of " + (group == 2 ? "pairs" : "groups of " + group));
        }
        int count = all.size() / group;
        double[] x = new double[count];
        double[] y = new double[count];
        long[] lines = new long[count];
        for (int i = 0; i < count; i++) {
            Asdf.Token xt = all.get(i * group);
            if (xt.kind() == Asdf.Kind.MISSING) {
                throw new SpectralFileException(file, lineOf.get(i * group), xt.column(), "abscissa is missing (?)");
            }
            x[i] = xt.value() * xf;
            y[i] = applyFactor(all.get(i * group + 1).value(), yf);
            lines[i] = lineOf.get(i * group);
        }
        Num nPoints = number(b, "NPOINTS");
        boolean onlyData = b.records.stream().filter(l -> DATA_LABELS.contains(l.label)).count() == 1;
        if (nPoints != null && (onlyData || !data.label.equals("PEAKTABLE")) && nPoints.value != count) {
            throw new SpectralFileException(file, nPoints.line, 1, "##NPOINTS=" + ReadContext.fmt(nPoints.value)
                    + " but the ##" + data.rawLabel + "= data hold " + count + " points");
        }
        Num firstX = number(b, "FIRSTX");
        Num lastX = number(b, "LASTX");
        if (count > 0 && firstX != null && (onlyData || !data.label.equals("PEAKTABLE"))) {
            Asdf.Token t = all.get(0);
            double tolerance = 1e-6 * Math.max(Math.abs(x[0]), Math.abs(firstX.value)) + 0.5 * firstX.resolution
                    + 0.5 * t.resolution() * Math.abs(xf);
            if (!(Math.abs(x[0] - firstX.value) <= tolerance)) {
                throw new SpectralFileException(file, lines[0], t.column(), "the first abscissa "
                        + ReadContext.fmt(x[0]) + " differs from ##FIRSTX=" + ReadContext.fmt(firstX.value)
                        + " (line " + firstX.line + ")");
            }
        }
        if (count > 0 && lastX != null && (onlyData || !data.label.equals("PEAKTABLE"))) {
            Asdf.Token t = all.get((count - 1) * group);
            double tolerance = 1e-6 * Math.max(Math.abs(x[count - 1]), Math.abs(lastX.value))
                    + 0.5 * t.resolution() * Math.abs(xf);
            checkEnd(lastX, x[count - 1], tolerance, lines[count - 1]);
        }
        return new Points(x, y, lines);
    }
}
