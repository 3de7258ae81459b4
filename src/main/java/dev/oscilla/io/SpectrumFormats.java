package dev.oscilla.io;

import dev.oscilla.io.SpectrumFormat.Match;
import dev.oscilla.spectrum.SpectrumSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The spectrum formats Oscilla reads and writes, and the choice of reader for a file: every format looks at the
 * file's head ({@link SpectrumFormat#recognise}); the strongest match wins (content over name over the generic
 * table reader), ties going to the earlier format in {@link #all()}. A format whose content signature is present
 * therefore always reads its file, even when its numbers would also line up as a table (a JCAMP-DX file is never
 * read as columns), and a file that no format recognises goes to the table reader, whose rules refuse to guess.
 */
public final class SpectrumFormats {

    /**
     * The formats in order of precedence: specific signatures before generic layouts. To add a format, add its
     * instance here (the file choosers, {@code info}, {@code convert} and the fuzz suite take it from this list).
     */
    private static final List<SpectrumFormat> FORMATS = List.of(
            new EnviFormat(),
            new JcampDxFormat(),
            new RruffTextFormat(),
            new AsterTextFormat(),
            new UsgsAsciiFormat(),
            new RelabFormat(),
            new AsuPairFormat(),
            new RowSpectraFormat(),
            new DelimitedTextFormat());

    private SpectrumFormats() {
    }

    /** Every format, in order of precedence. */
    public static List<SpectrumFormat> all() {
        return FORMATS;
    }

    /** The ids accepted by {@link SpectrumReadOptions#format()}. */
    public static List<String> ids() {
        List<String> out = new ArrayList<>();
        for (SpectrumFormat f : FORMATS) {
            out.add(f.id());
        }
        return out;
    }

    /** The format with this id (case-insensitive). */
    public static Optional<SpectrumFormat> byId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        for (SpectrumFormat f : FORMATS) {
            if (f.id().equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The format that reads {@code file}: the one the options name, else the best match of its head.
     *
     * @throws SpectralFileException when the file is missing, a directory or unreadable, or the options name an
     *                               unknown format
     */
    public static SpectrumFormat detect(Path file, SpectrumReadOptions options) throws SpectralFileException {
        if (options.format().isPresent()) {
            String id = options.format().get();
            InputFiles.requireRegularFile(file);
            return byId(id).orElseThrow(() -> new SpectralFileException(file, "unknown format '" + id
                    + "' (known: " + String.join(", ", ids()) + ")"));
        }
        return detect(FileHead.of(file), options);
    }

    /** The best match for a head (see the class comment); the table reader when nothing matches. */
    static SpectrumFormat detect(FileHead head, SpectrumReadOptions options) {
        SpectrumFormat best = FORMATS.get(FORMATS.size() - 1);
        Match bestMatch = Match.NONE;
        for (SpectrumFormat f : FORMATS) {
            Match m = f.recognise(head, options);
            if (m.compareTo(bestMatch) > 0) {
                best = f;
                bestMatch = m;
            }
        }
        return best;
    }

    /** Reads a file with the format that recognises it (see {@link #detect}). */
    public static SpectrumSet read(Path file, SpectrumReadOptions options) throws SpectralFileException {
        return detect(file, options).read(file, options);
    }

    /** The formats that can write, in order of precedence. */
    public static List<SpectrumFormat> writers() {
        List<SpectrumFormat> out = new ArrayList<>();
        for (SpectrumFormat f : FORMATS) {
            if (f.writes()) {
                out.add(f);
            }
        }
        return out;
    }

    /** The writing format chosen by the output's extension (e.g. {@code .jdx}), if any. */
    public static Optional<SpectrumFormat> writerFor(Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        for (SpectrumFormat f : writers()) {
            for (String e : f.writeExtensions()) {
                if (name.endsWith("." + e)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
