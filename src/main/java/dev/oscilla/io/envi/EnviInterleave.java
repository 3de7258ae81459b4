package dev.oscilla.io.envi;

import java.util.Locale;
import java.util.Optional;

/** How an ENVI cube orders its values: band sequential, band interleaved by line, band interleaved by pixel. */
public enum EnviInterleave {
    /** Every band is a whole image: band, line, sample. */
    BSQ,
    /** Line by line, each line holding every band: line, band, sample. */
    BIL,
    /** Pixel by pixel, each pixel holding every band: line, sample, band. */
    BIP;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EnviInterleave> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (EnviInterleave i : values()) {
            if (i.label().equals(t)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * Index of the value (line, sample, band) counted in values from the start of the data.
     */
    long index(long line, long sample, long band, long lines, long samples, long bands) {
        switch (this) {
            case BSQ:
                return (band * lines + line) * samples + sample;
            case BIL:
                return (line * bands + band) * samples + sample;
            default:
                return (line * samples + sample) * bands + band;
        }
    }
}
