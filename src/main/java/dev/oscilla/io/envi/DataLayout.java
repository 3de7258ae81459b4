package dev.oscilla.io.envi;

import dev.oscilla.io.SpectralFileException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The binary layout a header describes: dimensions, data type, interleave, byte order, header offset; checked
 * against the size of the data file.
 *
 * @param samples      pixels per line (for a spectral library: channels)
 * @param lines        lines (for a spectral library: spectra)
 * @param bands        bands
 * @param type         value type
 * @param interleave   value order
 * @param order        byte order of multi-byte values
 * @param headerOffset bytes before the first value
 * @param notes        defaults applied and oddities accepted
 */
record DataLayout(int samples, int lines, int bands, EnviDataType type, EnviInterleave interleave, ByteOrder order,
                  long headerOffset, List<String> notes) {

    DataLayout {
        notes = List.copyOf(notes);
    }

    /** Values in the data: samples x lines x bands. */
    long values() {
        return (long) samples * lines * bands;
    }

    long dataBytes() {
        return values() * type.bytes();
    }

    /** Value index of (line, sample, band) from the start of the data. */
    long index(int line, int sample, int band) {
        return interleave.index(line, sample, band, lines, samples, bands);
    }

    static DataLayout fromHeader(EnviHeader h) throws SpectralFileException {
        Path file = h.file();
        List<String> notes = new ArrayList<>();
        long samples = h.requiredLong("samples", 1);
        long lines = h.requiredLong("lines", 1);
        long bands = h.requiredLong("bands", 1);
        if (samples > Integer.MAX_VALUE || lines > Integer.MAX_VALUE || bands > Integer.MAX_VALUE) {
            throw new SpectralFileException(file, "dimensions " + samples + " x " + lines + " x " + bands
                    + " are beyond what Oscilla reads (2^31 - 1 per dimension)");
        }
        long code = h.requiredLong("data type", Long.MIN_VALUE);
        EnviDataType type = EnviDataType.ofCode(code).orElseThrow(() -> new SpectralFileException(file,
                h.entry("data type").orElseThrow().line(), 0, EnviDataType.unsupported(code)));
        EnviInterleave interleave;
        if (h.has("interleave")) {
            String text = h.get("interleave").orElseThrow();
            interleave = EnviInterleave.parse(text).orElseThrow(() -> new SpectralFileException(file,
                    h.entry("interleave").orElseThrow().line(), 0, "'interleave = " + text
                            + "' is not bsq, bil or bip"));
        } else {
            interleave = EnviInterleave.BSQ;
            if (bands > 1) {
                notes.add("no 'interleave' in the header: band sequential (bsq) assumed");
            }
        }
        ByteOrder order;
        if (h.has("byte order")) {
            long bo = h.requiredLong("byte order", 0);
            if (bo > 1) {
                throw new SpectralFileException(file, h.entry("byte order").orElseThrow().line(), 0,
                        "'byte order = " + bo + "' must be 0 (little-endian) or 1 (big-endian)");
            }
            order = bo == 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        } else {
            order = ByteOrder.LITTLE_ENDIAN;
            if (type.bytes() > 1) {
                notes.add("no 'byte order' in the header: little-endian (0) assumed");
            }
        }
        long offset = h.longOr("header offset", 0, 0);
        try {
            Math.addExact(offset, Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(samples, lines), bands),
                    (long) type.bytes()));
        } catch (ArithmeticException e) {
            throw new SpectralFileException(file, "dimensions " + samples + " x " + lines + " x " + bands
                    + " with a header offset of " + offset + " describe more than 2^63 bytes");
        }
        return new DataLayout((int) samples, (int) lines, (int) bands, type, interleave, order, offset, notes);
    }

    /** Checks the data file is large enough; notes trailing bytes. Returns the layout with that note. */
    DataLayout checkedAgainst(Path data) throws SpectralFileException {
        long size;
        try {
            size = Files.size(data);
        } catch (IOException e) {
            throw new SpectralFileException(data, "cannot read: " + e.getMessage(), e);
        }
        long needed = headerOffset + dataBytes();
        if (size < needed) {
            throw new SpectralFileException(data, String.format(Locale.ROOT, "holds %d bytes, but the header "
                    + "describes %d x %d x %d values of %d bytes after an offset of %d (%d bytes): the file is "
                    + "truncated or the header does not belong to it", size, samples, lines, bands, type.bytes(),
                    headerOffset, needed));
        }
        if (size > needed) {
            List<String> more = new ArrayList<>(notes);
            more.add((size - needed) + " bytes after the data ignored");
            return new DataLayout(samples, lines, bands, type, interleave, order, headerOffset, more);
        }
        return this;
    }

    String describe() {
        return String.format(Locale.ROOT, "%s %s, %s", type.name().toLowerCase(Locale.ROOT),
                order == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian", interleave.label());
    }
}
