package dev.oscilla.io;

import dev.oscilla.spectrum.SpectrumSet;
import java.nio.file.Path;
import java.util.List;

/**
 * One spectrum file format: recognises its files (content first, name second), reads them into spectra on an
 * ascending cm^-1 axis with fractional values and the quantity they measure, and optionally writes them.
 * {@link SpectrumFormats} holds the formats and picks the reader for a file.
 */
public interface SpectrumFormat {

    /** How well a format recognises a file; {@link SpectrumFormats} takes the best, ties in registry order. */
    enum Match {
        /** Not this format. */
        NONE,
        /** Any readable text: the generic table reader, taken only when no format recognises the file. */
        FALLBACK,
        /** The name fits (an extension, a naming convention) and the content does not contradict it. */
        NAME,
        /** The content identifies the format (a signature, header keys, a layout no other format has). */
        CONTENT
    }

    /** Short id for options and messages, e.g. {@code jcamp}. */
    String id();

    /** Human-readable name, e.g. {@code JCAMP-DX}. */
    String label();

    /** File-name extensions without the dot, lower-case, for file choosers (may be empty). */
    List<String> extensions();

    /** How well this format recognises the file whose head is given. Never throws; never reads the whole file. */
    Match recognise(FileHead head, SpectrumReadOptions options);

    /**
     * Reads the file.
     *
     * @throws SpectralFileException naming the file (and the line and column when they are known) when the file is
     *                               not valid in this format or holds values that cannot be a spectrum
     */
    SpectrumSet read(Path file, SpectrumReadOptions options) throws SpectralFileException;

    /** True when {@link #write} is supported. */
    default boolean writes() {
        return false;
    }

    /** The extensions that choose this format for writing (without the dot); by default all of its extensions. */
    default List<String> writeExtensions() {
        return writes() ? extensions() : List.of();
    }

    /**
     * Writes spectra (with their categories, where the format keeps them) to {@code file} atomically; only when
     * {@link #writes()}.
     *
     * @throws IllegalArgumentException when the spectra cannot be represented (for example different axes where
     *                                  the format needs one)
     */
    default void write(Path file, SpectrumSet spectra) throws SpectralFileException {
        throw new UnsupportedOperationException(label() + " files are read only");
    }
}
