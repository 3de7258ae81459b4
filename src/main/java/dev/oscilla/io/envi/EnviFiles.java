package dev.oscilla.io.envi;

import dev.oscilla.io.SpectralFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The two files of an ENVI data set: the header ({@code X.hdr} or {@code X.img.hdr}) and the binary data
 * ({@code X}, {@code X.img}, {@code X.dat}, {@code X.sli}, ...). Either may be named; the other is found beside it.
 */
public final class EnviFiles {

    /** Data-file extensions tried beside a header {@code X.hdr}, in this order (an extension-less X first). */
    private static final List<String> DATA_EXTENSIONS = List.of("", ".img", ".dat", ".sli", ".bsq", ".bil", ".bip",
            ".raw", ".bin", ".envi", ".IMG", ".DAT", ".SLI", ".BSQ", ".BIL", ".BIP", ".RAW", ".BIN");

    /**
     * @param header the header file
     * @param data   the binary data file
     */
    public record Pair(Path header, Path data) {
    }

    private EnviFiles() {
    }

    /** True when the name ends in {@code .hdr} (any case). */
    public static boolean isHeaderName(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".hdr");
    }

    /** The header and data file of the data set that {@code file} (either of them) belongs to. */
    public static Pair locate(Path file) throws SpectralFileException {
        if (Files.isDirectory(file)) {
            throw new SpectralFileException(file, "is a directory, not an ENVI header or data file");
        }
        if (!Files.exists(file)) {
            throw new SpectralFileException(file, "no such file");
        }
        if (isHeaderName(file)) {
            return new Pair(file, dataFor(file));
        }
        return new Pair(headerFor(file), file);
    }

    /** The data file beside a header: {@code X.hdr} -> X, X.img, X.dat, ...; {@code X.img.hdr} -> X.img. */
    static Path dataFor(Path header) throws SpectralFileException {
        String name = header.getFileName().toString();
        String base = name.substring(0, name.length() - 4);
        for (String ext : DATA_EXTENSIONS) {
            Path candidate = header.resolveSibling(base + ext);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new SpectralFileException(header, "no data file beside the header (looked for " + base + ", "
                + base + ".img, " + base + ".dat, " + base + ".sli and other usual extensions)");
    }

    /** The header beside a data file: {@code X.img} -> X.hdr or X.img.hdr. */
    static Path headerFor(Path data) throws SpectralFileException {
        String name = data.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        for (String candidate : List.of(base + ".hdr", name + ".hdr", base + ".HDR", name + ".HDR")) {
            Path p = data.resolveSibling(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new SpectralFileException(data, "no ENVI header beside it (looked for " + base + ".hdr and " + name
                + ".hdr)");
    }

    /** The header path for a data file to be written: {@code out/abundances.img} -> {@code out/abundances.hdr}. */
    public static Path headerPathFor(Path data) {
        String name = data.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return data.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".hdr");
    }
}
