package dev.oscilla.io;

import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RRUFF project text (Lafuente et al. 2015): a header of {@code ##KEY=value} lines ({@code ##NAMES=},
 * {@code ##RRUFFID=}, ...), then {@code x, y} lines, and {@code ##END=}. Recognised when the file starts with such a
 * header and is not JCAMP-DX (no {@code ##JCAMP-DX=} or data records).
 *
 * <p>RRUFF does not state the quantity. Its infrared spectra are absorbance-like (processed from transmission or
 * ATR measurements) on a cm^-1 axis, so they are recorded as absorbance, which fitting and unmixing refuse unless
 * the quantity is set by option; Raman spectra (named so in the file name or header) are intensity against Raman
 * shift. Other {@code ##KEY=value} text files without an RRUFF id are read the same way with the quantity unknown.
 */
final class RruffTextFormat implements SpectrumFormat {

    private static final Pattern RRUFF_ID = Pattern.compile("(?i).*\\bR\\d{6}\\b.*");

    @Override
    public String id() {
        return "rruff";
    }

    @Override
    public String label() {
        return "RRUFF text";
    }

    @Override
    public List<String> extensions() {
        return List.of("txt");
    }

    @Override
    public Match recognise(FileHead head, SpectrumReadOptions options) {
        List<String> lines = head.contentLines(200);
        if (lines.isEmpty() || !lines.get(0).startsWith("##")
                || JcampDxReader.normalise(lines.get(0).substring(2)).startsWith("TITLE=")) {
            return Match.NONE; // JCAMP-DX starts with ##TITLE=; RRUFF with ##NAMES=
        }
        for (String l : lines) {
            if (l.startsWith("##")) {
                int eq = l.indexOf('=');
                String label = JcampDxReader.normalise(eq < 0 ? l.substring(2) : l.substring(2, eq));
                if (label.equals("JCAMPDX") || label.equals("XYDATA") || label.equals("XYPOINTS")
                        || label.equals("PEAKTABLE") || label.equals("NTUPLES")) {
                    return Match.NONE;
                }
            }
        }
        return Match.CONTENT;
    }

    @Override
    public SpectrumSet read(Path file, SpectrumReadOptions options) throws SpectralFileException {
        return parse(file, TextFiles.read(file), options);
    }

    static SpectrumSet parse(Path file, byte[] content, SpectrumReadOptions options) throws SpectralFileException {
        return parse(file, TextFiles.decode(file, content), options);
    }

    private static SpectrumSet parse(Path file, TextFiles.Text text, SpectrumReadOptions options)
            throws SpectralFileException {
        ReadContext ctx = new ReadContext(file, options);
        if (text.encodingNote() != null) {
            ctx.note(text.encodingNote());
        }
        List<String> lines = text.lines();
        Map<String, String> keys = new LinkedHashMap<>();
        List<double[]> rows = new ArrayList<>();
        List<Long> rowLines = new ArrayList<>();
        boolean ended = false;
        for (int i = 0; i < lines.size(); i++) {
            long number = i + 1;
            String t = lines.get(i).trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("##")) {
                int eq = t.indexOf('=');
                String key = (eq < 0 ? t.substring(2) : t.substring(2, eq)).trim().toUpperCase(Locale.ROOT);
                String value = eq < 0 ? "" : t.substring(eq + 1).trim();
                if (key.equals("END")) {
                    ended = true;
                } else if (!ended) {
                    keys.putIfAbsent(key, value);
                }
                continue;
            }
            if (ended) {
                throw new SpectralFileException(file, number, 1, "text after ##END=");
            }
            if (t.startsWith("#")) {
                continue;
            }
            double[] row = NumberCells.numbers(file, number, t);
            if (row.length != 2) {
                throw new SpectralFileException(file, number, Math.min(row.length, 2) + 1, "has " + row.length
                        + (row.length == 1 ? " value" : " values") + "; expected x, y");
            }
            rows.add(row);
            rowLines.add(number);
        }
        if (rows.size() < 2) {
            throw new SpectralFileException(file, lines.size(), 1, rows.isEmpty() ? "has a header but no x, y data"
                    : "has a single data line; a spectrum needs at least two");
        }
        String names = keys.getOrDefault("NAMES", "").trim();
        String id = keys.getOrDefault("RRUFFID", "").trim();
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
        boolean rruff = !id.isEmpty() || RRUFF_ID.matcher(fileName).matches()
                || keys.getOrDefault("OWNER", "").toUpperCase(Locale.ROOT).contains("RRUFF");
        String where = (fileName + " " + String.join(" ", keys.keySet()) + " " + String.join(" ", keys.values()))
                .toLowerCase(Locale.ROOT);
        boolean raman = where.contains("raman");
        if (where.contains("powder") || where.contains("2-theta") || where.contains("2theta")) {
            throw new SpectralFileException(file, 1, 1, "holds powder diffraction data (2-theta), not a spectrum");
        }
        String name = (names + " " + id).trim();
        if (name.isEmpty()) {
            name = ReadContext.stem(file);
        }
        int n = rows.size();
        double[] x = new double[n];
        double[] y = new double[n];
        long[] lineOf = new long[n];
        for (int r = 0; r < n; r++) {
            x[r] = rows.get(r)[0];
            y[r] = rows.get(r)[1];
            lineOf[r] = rowLines.get(r);
            if (Double.isNaN(x[r])) {
                throw new SpectralFileException(file, lineOf[r], 1, "the wavenumber is missing");
            }
        }
        ctx.note((rruff ? "RRUFF " : "labelled ") + (raman ? "Raman " : "") + "text: " + keys.size()
                + " header keys" + (ended ? "" : "; no ##END= line"));
        AxisUnit unit = ctx.axisUnit(Optional.of(AxisUnit.WAVENUMBER),
                raman ? "the Raman shift of RRUFF files (cm^-1; not an absolute wavenumber)" : "the RRUFF layout",
                x, lineOf[0], 1);
        SpectrumKind stated = raman ? SpectrumKind.INTENSITY : rruff ? SpectrumKind.ABSORBANCE : SpectrumKind.UNKNOWN;
        SpectrumKind kind = ctx.kind(stated, raman ? "the RRUFF convention for Raman spectra"
                : "the RRUFF convention (processed infrared spectra are absorbance-like; the file does not say)");
        boolean percent = ctx.percent(false, "", kind, y);
        List<Spectrum> spectra = ctx.assemble(unit, x, lineOf, 1, new double[][] {y}, new int[] {2},
                new String[] {name}, new SpectrumKind[] {kind}, new boolean[] {percent});
        return SpectrumSet.of(spectra).withNotes(ctx.notes);
    }
}
