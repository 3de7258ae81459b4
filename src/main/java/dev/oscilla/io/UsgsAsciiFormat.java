package dev.oscilla.io;

import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * USGS Spectral Library (splib06/splib07, Kokaly et al. 2017) ASCII records: a title line
 * ({@code splib07a Record=18377: Brick GDS355 Paving Dk Gry ASDFRa AREF}), then one value per line. The
 * wavelengths are a record of the same layout in a separate file ({@code s07_ASD_Wavelengths_ASD_0.35-2.5_microns
 * _2151_ch.txt}), given by option or found beside the spectrum or in the two folders above it (the library's own
 * layout): a file whose name mentions wavelengths and that has as many values, preferring the one whose
 * instrument code (ASD, BECK, NIC4, AV95 ...) starts the spectrum's. The deleted-channel marker -1.23e34 becomes a
 * missing value; a channel whose wavelength is deleted is dropped.
 */
final class UsgsAsciiFormat implements SpectrumFormat {

    /** splib07 marks deleted channels with -1.23e34; anything at or below this is that marker. */
    static final double DELETED_BELOW = -1e30;

    private static final Pattern TITLE = Pattern.compile("(?i)^\\s*(\\S+)?\\s*record\\s*=\\s*(\\d+)\\s*:?\\s*(.*)$");
    private static final Pattern AXIS_FILE_WORDS = Pattern.compile("(?i).*(wavelength|wavenumber|waves).*");

    @Override
    public String id() {
        return "usgs";
    }

    @Override
    public String label() {
        return "USGS splib07 ASCII";
    }

    @Override
    public List<String> extensions() {
        return List.of("txt", "asc");
    }

    @Override
    public Match recognise(FileHead head, SpectrumReadOptions options) {
        List<String> lines = head.contentLines(6);
        if (lines.size() < 3 || !TITLE.matcher(lines.get(0)).matches()) {
            return Match.NONE;
        }
        for (int i = 1; i < lines.size(); i++) {
            double[] v = NumberCells.numbersOrNull(lines.get(i));
            if (v == null || v.length != 1) {
                return Match.NONE;
            }
        }
        return Match.CONTENT;
    }

    /** A record: its title and values with their lines. */
    record Record(String title, String prefix, long titleLine, double[] values, long[] lines) {
    }

    /** Parses a record: an optional title line, then exactly one number per line. */
    static Record record(Path file, TextFiles.Text text) throws SpectralFileException {
        List<String> lines = text.lines();
        String title = "";
        String prefix = "";
        long titleLine = 0;
        List<Double> values = new ArrayList<>();
        List<Long> valueLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty()) {
                continue;
            }
            long number = i + 1;
            if (values.isEmpty() && titleLine == 0 && NumberCells.numbersOrNull(t) == null) {
                Matcher m = TITLE.matcher(t);
                if (m.matches()) {
                    prefix = m.group(1) == null ? "" : m.group(1);
                    title = m.group(3).trim().replaceAll("\\s+", " ");
                } else {
                    title = t;
                }
                titleLine = number;
                continue;
            }
            double[] v = NumberCells.numbers(file, number, t);
            if (v.length != 1) {
                throw new SpectralFileException(file, number, 2, "has " + v.length + " values; this layout holds one"
                        + " value per line");
            }
            values.add(v[0]);
            valueLines.add(number);
        }
        double[] out = new double[values.size()];
        long[] outLines = new long[values.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = values.get(k);
            outLines[k] = valueLines.get(k);
        }
        return new Record(title, prefix, titleLine, out, outLines);
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
        Record spectrum = record(file, text);
        int n = spectrum.values().length;
        if (isAxisRecord(spectrum.title()) && options.axisFile().isEmpty()) {
            throw new SpectralFileException(file, spectrum.titleLine(), 1, "is a USGS axis record (\""
                    + spectrum.title() + "\"), not a spectrum; open a spectrum of the same instrument, which finds it"
                    + " as its axis");
        }
        if (n < 2) {
            throw new SpectralFileException(file, Math.max(1, spectrum.titleLine()), 1, "holds " + n + " value"
                    + (n == 1 ? "" : "s") + "; a spectrum needs at least two");
        }
        Path axisFile = options.axisFile().isPresent() ? options.axisFile().get() : findAxisFile(file, spectrum);
        InputFiles.requireRegularFile(axisFile);
        Record axis = record(axisFile, TextFiles.read(axisFile));
        if (axis.values().length != n) {
            throw new SpectralFileException(axisFile, axis.titleLine(), 1, "holds " + axis.values().length
                    + " axis values but " + file.getFileName() + " holds " + n);
        }
        ctx.note("USGS spectral library record" + (spectrum.prefix().isEmpty() ? "" : " (" + spectrum.prefix() + ")")
                + " with its axis from " + axisFile.getFileName() + (axis.title().isEmpty() ? ""
                : " (\"" + axis.title() + "\")"));
        // drop channels whose wavelength is deleted; deleted values become missing
        double[] x = new double[n];
        double[] y = new double[n];
        long[] lines = new long[n];
        int kept = 0;
        int deletedValues = 0;
        for (int c = 0; c < n; c++) {
            double a = axis.values()[c];
            if (a <= DELETED_BELOW || Double.isNaN(a)) {
                continue;
            }
            x[kept] = a;
            double v = spectrum.values()[c];
            if (v <= DELETED_BELOW) {
                v = Double.NaN;
                deletedValues++;
            }
            y[kept] = v;
            lines[kept] = spectrum.lines()[c];
            kept++;
        }
        if (kept < n) {
            ctx.note((n - kept) + " channel" + (n - kept == 1 ? "" : "s") + " without a wavelength (-1.23e34 in "
                    + axisFile.getFileName() + ") dropped");
        }
        if (deletedValues > 0) {
            ctx.note(deletedValues + " deleted value" + (deletedValues == 1 ? "" : "s") + " (-1.23e34) masked");
        }
        if (kept < 2) {
            throw new SpectralFileException(axisFile, 1, 1, "has fewer than two valid axis values");
        }
        x = java.util.Arrays.copyOf(x, kept);
        y = java.util.Arrays.copyOf(y, kept);
        lines = java.util.Arrays.copyOf(lines, kept);
        String axisTitle = axis.title().toLowerCase(Locale.ROOT) + " " + axisFile.getFileName().toString()
                .toLowerCase(Locale.ROOT).replace('_', ' ');
        Optional<AxisUnit> stated = AxisUnit.fromHeader(axisTitle);
        String source = "the axis record's title";
        if (stated.isEmpty()) {
            stated = Optional.of(AxisUnit.MICROMETRE);
            source = "the USGS convention (wavelengths in micrometres; the axis record does not say)";
        }
        AxisUnit unit = ctx.axisUnit(stated, source, x, lines[0], 1);
        String[] words = spectrum.title().split(" ");
        String type = words.length == 0 ? "" : words[words.length - 1].toUpperCase(Locale.ROOT);
        SpectrumKind statedKind;
        String kindSource;
        if (type.startsWith("TR")) {
            statedKind = SpectrumKind.TRANSMITTANCE;
            kindSource = "the record type " + type;
        } else if (type.endsWith("REF") || type.startsWith("RTG") || type.startsWith("RFL")) {
            statedKind = SpectrumKind.REFLECTANCE;
            kindSource = "the record type " + type;
        } else {
            statedKind = SpectrumKind.REFLECTANCE;
            kindSource = "the USGS convention (library spectra are reflectance)";
        }
        SpectrumKind kind = ctx.kind(statedKind, kindSource);
        boolean percent = ctx.percent(false, "", kind, y);
        String name = spectrum.title().isEmpty() ? ReadContext.stem(file) : spectrum.title();
        List<Spectrum> spectra = ctx.assemble(unit, x, lines, 1, new double[][] {y}, new int[] {1},
                new String[] {name}, new SpectrumKind[] {kind}, new boolean[] {percent});
        return SpectrumSet.of(spectra).withNotes(ctx.notes);
    }

    private static boolean isAxisRecord(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        return t.contains("wavelength") || t.contains("bandpass") || t.contains("wavenumber")
                || t.contains("resolution");
    }

    /** How many folders are searched for the axis file: the spectrum's and the ones above it. */
    static final int AXIS_SEARCH_DEPTH = 3;

    /** At most this many directory entries are looked at per folder (the library folders hold a few thousand). */
    private static final int MAX_ENTRIES = 20_000;

    private static Path findAxisFile(Path file, Record spectrum) throws SpectralFileException {
        int n = spectrum.values().length;
        String instrument = instrument(file, spectrum);
        List<Path> sameCount = new ArrayList<>();
        List<Path> matching = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        for (int depth = 0; depth < AXIS_SEARCH_DEPTH && dir != null && matching.isEmpty(); depth++) {
            List<Path> level = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                int seen = 0;
                for (Path p : entries) {
                    if (++seen > MAX_ENTRIES) {
                        break;
                    }
                    String name = p.getFileName().toString();
                    if (AXIS_FILE_WORDS.matcher(name).matches() && Files.isRegularFile(p)
                            && !p.equals(file.toAbsolutePath())) {
                        level.add(p);
                    }
                }
            } catch (IOException | SecurityException e) {
                break; // an unreadable folder ends the search; the error below names what was looked for
            }
            level.sort(null);
            for (Path p : level) {
                if (count(p) == n) {
                    sameCount.add(p);
                    if (!instrument.isEmpty() && code(p).length() > 0 && instrument.startsWith(code(p))) {
                        matching.add(p);
                    }
                }
            }
            if (matching.isEmpty() && sameCount.size() == 1) {
                return sameCount.get(0);
            }
            dir = dir.getParent();
        }
        if (matching.size() == 1) {
            return matching.get(0);
        }
        List<Path> candidates = matching.isEmpty() ? sameCount : matching;
        if (candidates.size() > 1) {
            List<String> names = new ArrayList<>();
            for (Path p : candidates) {
                names.add(p.getFileName().toString());
            }
            throw new SpectralFileException(file, 1, 1, "is a USGS spectral library record of " + n + " values; "
                    + candidates.size() + " axis files fit it (" + String.join(", ", names) + "); choose one with"
                    + " --axis-file");
        }
        throw new SpectralFileException(file, 1, 1, "is a USGS spectral library record of " + n + " values; its"
                + " wavelengths are in a separate file (such as s07_ASD_Wavelengths_ASD_0.35-2.5_microns_2151_ch.txt)"
                + " with as many values, found neither beside it nor in the two folders above; give it with"
                + " --axis-file");
    }

    /** Values in an axis candidate (lines after the title), or -1 when it is not a one-value-per-line record. */
    private static int count(Path p) {
        try {
            if (Files.size(p) > 4 << 20) {
                return -1;
            }
            List<String> lines = TextFiles.splitLines(TextFiles.decode(p, Files.readAllBytes(p)).content());
            int values = 0;
            boolean first = true;
            for (String l : lines) {
                if (l.isBlank()) {
                    continue;
                }
                double[] v = NumberCells.numbersOrNull(l);
                if (v == null && first) {
                    first = false;
                    continue;
                }
                first = false;
                if (v == null || v.length != 1) {
                    return -1;
                }
                values++;
            }
            return values;
        } catch (IOException | SpectralFileException e) {
            return -1;
        }
    }

    /** The instrument code of an axis file: "ASD" of s07_ASD_Wavelengths_... (the segment after the prefix). */
    private static String code(Path p) {
        String[] parts = p.getFileName().toString().split("_");
        return parts.length >= 2 ? parts[1].toUpperCase(Locale.ROOT) : "";
    }

    /** The instrument of a spectrum: "ASDFRA" of "... ASDFRa AREF" (the title's second-last word). */
    private static String instrument(Path file, Record spectrum) {
        String[] words = spectrum.title().split(" ");
        if (words.length >= 2) {
            return words[words.length - 2].toUpperCase(Locale.ROOT);
        }
        String[] parts = ReadContext.stem(file).split("_");
        return parts.length >= 2 ? parts[parts.length - 2].toUpperCase(Locale.ROOT) : "";
    }
}
