package dev.oscilla.io;

import dev.oscilla.physics.MineralLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an oscillator library in any supported format, chosen by content: InfraRender HDF5 (by its signature),
 * the oscillator table CSV (by its header), otherwise Oscilla JSON.
 */
public final class LibraryFiles {

    /** The library file formats Oscilla reads. */
    public enum Format {
        /** InfraRender HDF5 parameter file (import only). */
        INFRARENDER_HDF("InfraRender HDF5"),
        /** Oscilla's versioned JSON library. */
        JSON("Oscilla JSON"),
        /** The flat oscillator table CSV of {@link OscillatorTableCsv}. */
        OSCILLATOR_TABLE("oscillator table CSV");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private LibraryFiles() {
    }

    public static MineralLibrary read(Path file) throws SpectralFileException {
        InputFiles.requireRegularFile(file);
        if (isHdf5(file)) {
            return InfraRenderHdfReader.read(file);
        }
        if (hasHdfExtension(file)) {
            throw new SpectralFileException(file, "has an HDF extension but no HDF5 signature");
        }
        if (OscillatorTableCsv.looksLikeOscillatorTable(file)) {
            return OscillatorTableCsv.read(file);
        }
        return LibraryJson.read(file);
    }

    /**
     * The library format of the file, or empty when it holds something else (spectra): HDF5 by its signature
     * or extension, JSON by its extension or a first non-blank character '{', the oscillator table by its header.
     */
    public static Optional<Format> format(Path file) throws SpectralFileException {
        InputFiles.requireRegularFile(file);
        if (isHdf5(file) || hasHdfExtension(file)) {
            return Optional.of(Format.INFRARENDER_HDF);
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") || startsWithBrace(file)) {
            return Optional.of(Format.JSON);
        }
        if (OscillatorTableCsv.looksLikeOscillatorTable(file)) {
            return Optional.of(Format.OSCILLATOR_TABLE);
        }
        return Optional.empty();
    }

    /** True when the file holds an oscillator library rather than spectra (see {@link #format(Path)}). */
    public static boolean isLibrary(Path file) throws SpectralFileException {
        return format(file).isPresent();
    }

    private static boolean hasHdfExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".hdf") || name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    private static boolean startsWithBrace(Path file) throws SpectralFileException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            do {
                c = in.read();
            } while (c == '\ufeff' || (c >= 0 && Character.isWhitespace(c)));
            return c == '{';
        } catch (CharacterCodingException e) {
            return false; // not UTF-8, so not JSON; a spectrum reader may still read it as Latin-1 text
        } catch (IOException e) {
            throw new SpectralFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** True when the file starts with the HDF5 signature (\211HDF\r\n\032\n). */
    static boolean isHdf5(Path file) throws SpectralFileException {
        byte[] signature = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return Arrays.equals(head, signature);
        } catch (IOException e) {
            throw new SpectralFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
